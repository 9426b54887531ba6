# Generates the page "Clinical safety" (checker/clinical-safety.md): the
# checker's hazard log from content/hazard_log.yml, every question and rule it
# names checked to exist (the tests it names are checked by the tests,
# tests/test_clinical_safety.py: the build reads nothing in tests/); the checker's
# figures, measured during the build by running the engine over the case
# vignettes in checker/data/ (the build stops, naming each one, if any vignette is
# not given its expected level); and the checker's known limits. Nothing is
# written to docs/.

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.article_links import cited_link, relative_link
from build_scripts.content_schema import Hazard, field_spec, make
from build_scripts.jinja_env import render
from build_scripts.site_layout import ROOT
from build_scripts.vignettes import VIGNETTES_NAME, load_vignettes
from checker import InvalidAnswers, assess
from checker.levels import LEVEL_IDS, LEVELS_BY_ID
from checker.questions import QUESTIONS_BY_ID
from checker.rules import RULES, RULES_BY_ID

# ---------------------------------------------------------------------------
# Hooks

# Add the generated page to the files MkDocs builds.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, PAGE, content=render_page()))
    return files


# ---------------------------------------------------------------------------
# Page

def render_page() -> str:
    """Return the page's Markdown: the hazard log, the measured figures, the limits."""
    return render(
        TEMPLATE,
        hazards=[hazard_data(hazard) for hazard in load_hazards()],
        figures=vignette_figures(checked_vignettes()),
    )


def hazard_data(hazard: Hazard) -> dict[str, Any]:
    """Return one hazard as the template shows it, its references made into links."""
    return {
        "id": hazard.id, "hazard": hazard.hazard, "cause": hazard.cause,
        "effect": hazard.effect, "tests": hazard.tests,
        "anchor": hazard.id.lower(),
        "questions": [{"id": field, "text": QUESTIONS_BY_ID[field].text}
                      for field in hazard.questions],
        "rules": [{"id": rule_id, "name": RULES_BY_ID[rule_id].name,
                   "link": cited_link(RULES_BY_ID[rule_id].source, PAGE)}
                  for rule_id in hazard.rules],
        "pages": [{"link": relative_link(page, PAGE), "name": page} for page in hazard.pages],
    }


def vignette_figures(vignettes: list[dict[str, Any]]) -> dict[str, Any]:
    """Return how the engine does on the vignettes: how many, by expected level, and how
    many it gives their expected level (all of them: check_levels stops the build else)."""
    check_levels(vignettes, [given_level(vignette) for vignette in vignettes])
    cases = {level: sum(vignette["expect"] == level for vignette in vignettes)
             for level in LEVEL_IDS}
    return {"total": len(vignettes), "matched": len(vignettes), "under": 0, "over": 0,
            "rules": len(RULES),
            "by_level": [{"level": level, "headline": LEVELS_BY_ID[level].headline,
                          "cases": cases[level], "matched": cases[level]}
                         for level in LEVEL_IDS]}


def given_level(vignette: dict[str, Any]) -> str:
    """Return the level the engine gives a vignette, or why it refused its answers."""
    try:
        return assess(vignette["answers"]).level
    except InvalidAnswers as error:
        return f"its answers refused ({error})"


def check_levels(vignettes: list[dict[str, Any]], given: list[str]) -> None:
    """Raise PluginError naming every vignette not given its expected level.

    A safety gate: the site is never built with a checker that sends a case to a less
    urgent level than expected (under-triage) or a more urgent one (over-triage).
    """
    rank = {level: number for number, level in enumerate(LEVEL_IDS)}
    wrong = []
    for vignette, got in zip(vignettes, given, strict=True):
        expected = vignette["expect"]
        if got != expected:
            how = "" if got not in rank else (
                " (under-triaged)" if rank[got] > rank[expected] else " (over-triaged)")
            wrong.append(f"  {vignette.get('id')}: expected {expected}, got {got}{how}")
    if wrong:
        raise PluginError(f"{VIGNETTES_NAME}: the checker does not give {len(wrong)} of "
                          f"{len(vignettes)} vignettes their expected level, and the site is "
                          "not built until it does:\n" + "\n".join(wrong))


# ---------------------------------------------------------------------------
# Data files, checked

def load_hazards() -> list[Hazard]:
    """Return the hazard log; raise PluginError naming the entry and what is wrong."""
    try:
        hazards = yaml.safe_load((ROOT / HAZARDS_NAME).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{HAZARDS_NAME}: cannot be read: {error}") from error
    if not isinstance(hazards, list) or not hazards:
        raise PluginError(f"{HAZARDS_NAME}: must be a non-empty list")
    fields = field_spec(Hazard)
    seen = set()
    for number, hazard in enumerate(hazards, 1):
        where = f"{HAZARDS_NAME}: entry {number}"
        if not isinstance(hazard, dict) or set(hazard) != set(fields):
            raise PluginError(f"{where} must have exactly the fields {list(fields)}")
        where = f"{HAZARDS_NAME}: {hazard['id']}"
        if not re.fullmatch(r"H[0-9]+", str(hazard["id"])) or hazard["id"] in seen:
            raise PluginError(f"{where}: the id must be H and a number, used once")
        seen.add(hazard["id"])
        for field, (kind, _) in fields.items():
            if not isinstance(hazard[field], kind) or (kind is str and not hazard[field]):
                raise PluginError(f"{where}: '{field}' must be a {kind.__name__}")
        check_references(where, "question", hazard["questions"], QUESTIONS_BY_ID)
        check_references(where, "rule", hazard["rules"], RULES_BY_ID)
        if not hazard["tests"]:
            raise PluginError(f"{where}: names no test")
        malformed = [test for test in hazard["tests"] if not TEST_NAME.fullmatch(str(test))]
        if malformed:
            raise PluginError(f"{where}: test(s) {malformed} are not 'tests/<file>.py::<function>'")
    return [make(Hazard, hazard) for hazard in hazards]


def check_references(where: str, kind: str, names: list[str], known: Mapping[str, object],
                     ) -> None:
    """Raise PluginError if a name is not one of ``known``."""
    unknown = [name for name in names if name not in known]
    if unknown:
        raise PluginError(f"{where}: unknown {kind}(s) {unknown}")


def checked_vignettes() -> list[dict[str, Any]]:
    """Return the case vignettes the figures are measured on; raise PluginError
    naming what is wrong with them."""
    try:
        return load_vignettes()
    except ValueError as error:
        raise PluginError(str(error)) from None


# ---------------------------------------------------------------------------
# Data

PAGE = "checker/clinical-safety.md"
TEMPLATE = "clinical_safety.md.j2"
HAZARDS_NAME = "content/hazard_log.yml"
# A test the hazard log names: a file of the tests and a function in it.
TEST_NAME = re.compile(r"tests/[\w/]+\.py::test_\w+")
