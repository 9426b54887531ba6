"""The Content-Security-Policy in the built pages: every page carries it before
anything it loads, it allows exactly the inline scripts the pages hold (hashed
from the built HTML), never 'unsafe-inline' or 'unsafe-eval', and the build
stops on inline code that no hash can allow."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from build_scripts.content_security_policy import (
    DIRECTIVES,
    META_NAME,
    policy_for,
    read_page,
    script_hash,
    with_policy,
)
from tests.mkdocs_hooks import load_hook
from tests.site_html import html_pages


def directives_of(policy: str) -> dict[str, list[str]]:
    """Return a policy's directives: name -> sources."""
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def policies_in(html: str) -> list[str]:
    return read_page(html).policies


# ---------------------------------------------------------------------------
# The built site

def test_every_page_carries_one_policy_before_anything_it_loads(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 10 and any(page.name == "404.html" for page in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(policies_in(html)) == 1, page
        head = html[:html.index(f'http-equiv="{META_NAME}"')]
        assert re.search(r"<(script|link|style|img)\b", head) is None, page
        assert "<meta charset" in head, page  # the character set stays first


def test_every_page_carries_the_same_policy(built_site):
    policies = {policies_in(page.read_text(encoding="utf-8"))[0]
                for page in html_pages(built_site)}
    assert len(policies) == 1  # instant navigation keeps the first page's policy


def test_the_policy_has_every_directive_and_no_unsafe_source(built_site):
    policy = directives_of(policies_in((built_site / "index.html").read_text())[0])
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    everything = " ".join(" ".join(sources) for sources in policy.values())
    assert "unsafe-inline" not in everything and "'unsafe-eval'" not in everything
    assert "*" not in everything and "http" not in everything


def test_the_script_hashes_are_exactly_the_inline_scripts_of_the_pages(built_site):
    scripts = []
    for page in html_pages(built_site):
        scripts += read_page(page.read_text(encoding="utf-8")).inline_scripts
    assert len(scripts) > len(html_pages(built_site))  # the theme's, on every page
    policy = directives_of(policies_in((built_site / "index.html").read_text())[0])
    hashes = {source for source in policy["script-src"] if source.startswith("'sha256-")}
    assert hashes == {script_hash(text) for text in scripts}


def test_the_theme_configuration_is_not_hashed_because_it_never_runs(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    configuration = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                              html, re.DOTALL)
    assert configuration is not None
    assert script_hash(configuration[1]) not in policies_in(html)[0]


def test_no_page_has_inline_code_the_policy_blocks(built_site):
    for page in html_pages(built_site):
        assert read_page(page.read_text(encoding="utf-8")).blocked == [], page


# ---------------------------------------------------------------------------
# How the policy is made

def test_a_script_hash_is_the_one_the_csp_specification_gives():
    # The example in the CSP Level 3 specification, section "hash-source".
    assert script_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_a_script_is_hashed_as_the_browser_reads_it_with_line_feeds_only():
    assert script_hash("a();\r\nb();\rc();") == script_hash("a();\nb();\nc();")


def test_only_scripts_the_browser_runs_are_hashed():
    page = read_page('<script>one()</script><script type="module">two()</script>'
                     '<script type="application/json">{"three": 3}</script>'
                     '<script src="four.js"></script><script type="text/plain">five</script>')
    assert page.inline_scripts == ["one()", "two()"]


def test_inline_code_no_hash_can_allow_is_found():
    page = read_page('<button onclick="go()">Go</button><p style="color: red">x</p>'
                     '<a href="javascript:go()">go</a><style>p {}</style>')
    assert len(page.blocked) == 4


def test_the_policy_lists_each_hash_once_after_the_fixed_sources():
    policy = directives_of(policy_for(["b()", "a()", "b()"]))
    assert policy["script-src"] == [*DIRECTIVES["script-src"],
                                    *sorted({script_hash("a()"), script_hash("b()")})]


def test_the_meta_tag_goes_right_after_the_character_set():
    html = '<html><head><meta charset="utf-8"><title>t</title><script>x()</script></head></html>'
    placed = with_policy(html, "default-src 'self'")
    assert placed.startswith('<html><head><meta charset="utf-8"><meta http-equiv='
                             f'"{META_NAME}" content="default-src \'self\'"><title>')


def test_a_page_that_loads_something_before_its_character_set_is_refused():
    with pytest.raises(ValueError, match="before its <meta charset>"):
        with_policy('<head><script src="x.js"></script><meta charset="utf-8"></head>', "x")
    with pytest.raises(ValueError, match="no <head>"):
        with_policy("<p>no head</p>", "x")


# ---------------------------------------------------------------------------
# The hook

def site_with(tmp_path: Path, **pages: str) -> SimpleNamespace:
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    return SimpleNamespace(site_dir=str(tmp_path))


PAGE = '<!doctype html><html><head><meta charset="utf-8">{}</head><body>{}</body></html>'


def test_the_hook_writes_one_policy_with_every_pages_scripts_into_every_page(tmp_path):
    config = site_with(tmp_path, **{"a.html": PAGE.format("<script>a()</script>", ""),
                                    "b.html": PAGE.format("", "<script>b()</script>")})
    load_hook("csp").on_post_build(config=config)
    written = {name: policies_in((tmp_path / name).read_text()) for name in ("a.html", "b.html")}
    assert written["a.html"] == written["b.html"] == [policy_for(["a()", "b()"])]


@pytest.mark.parametrize("body", ['<a onclick="x()">x</a>', '<p style="color: red">x</p>'],
                         ids=["event handler", "style attribute"])
def test_the_hook_stops_the_build_on_inline_code_the_policy_blocks(tmp_path, body):
    config = site_with(tmp_path, **{"page.html": PAGE.format("", body)})
    with pytest.raises(PluginError, match="page.html has inline code"):
        load_hook("csp").on_post_build(config=config)


def test_the_hook_refuses_a_page_that_has_a_policy_already(tmp_path):
    config = site_with(tmp_path, **{"page.html": PAGE.format(
        f'<meta http-equiv="{META_NAME}" content="default-src *">', "")})
    with pytest.raises(PluginError, match="already carries"):
        load_hook("csp").on_post_build(config=config)
