"""Citations as values (checker/citations.py): an article and an anchor, checked
when made; results give them as the spec's site-relative links, and the build
makes its Markdown links from them (build_scripts/article_links.py)."""

from __future__ import annotations

import pytest

from build_scripts.article_links import cited_link, relative_link
from checker import assess
from checker.causes import CAUSES
from checker.citations import Citation
from checker.course import SOURCE as COURSE_SOURCE
from checker.rules import RULES

SADDLE = Citation("warning-signs", "saddle-numbness")


def test_a_result_gives_a_citation_as_the_specs_site_relative_link():
    assert SADDLE.link == "warning-signs/#saddle-numbness"
    data = assess({"hours_since_massage": 20, "severity": 4, "saddle_numbness": True}).to_dict()
    assert data["reasons"][0]["source"] == "warning-signs/#saddle-numbness"
    assert data["citations"][0]["source"] == "warning-signs/#saddle-numbness"


@pytest.mark.parametrize(("article", "anchor", "wrong"), [
    ("warning-signs/", "saddle-numbness", "article"),
    ("warning-signs", "#saddle-numbness", "anchor"),
    ("Warning-Signs", "saddle-numbness", "article"),
    ("warning-signs", "", "anchor"),
    ("warning-signs", "saddle--numbness", "anchor"),
])
def test_a_citation_that_is_not_an_article_and_an_anchor_fails_when_made(article, anchor, wrong):
    with pytest.raises(ValueError, match=f"the {wrong} must be lower-case letters and digits"):
        Citation(article, anchor)


def test_every_citation_the_checker_makes_is_a_value_equal_to_itself():
    cited = [rule.source for rule in RULES] + [cause.source for cause in CAUSES] + [COURSE_SOURCE]
    assert all(isinstance(citation, Citation) for citation in cited)
    assert CAUSES[0].source == Citation("causes", CAUSES[0].anchor)
    assert len({citation.link for citation in cited}) == len(set(cited))


@pytest.mark.parametrize(("page", "link"), [
    ("checker/how-it-decides.md", "../warning-signs.md#saddle-numbness"),
    ("index.md", "warning-signs.md#saddle-numbness"),
    ("warning-signs.md", "warning-signs.md#saddle-numbness"),
])
def test_the_build_links_a_citation_from_the_page_it_writes(page, link):
    assert cited_link(SADDLE, page) == link


@pytest.mark.parametrize(("target", "page", "link"), [
    ("checker/how-it-decides.md#rules", "checker/clinical-safety.md", "how-it-decides.md#rules"),
    ("warning-signs.md", "checker/clinical-safety.md", "../warning-signs.md"),
    ("about.md#privacy", "index.md", "about.md#privacy"),
])
def test_a_page_named_from_the_docs_root_is_linked_relative_to_the_page(target, page, link):
    assert relative_link(target, page) == link
