"""The generated page "Clinical safety": the hazard log, checked against the
checker's questions and rules by the build and against the tests here; the
figures measured on the vignettes; and the page in the built site, linked from
About and How the checker decides."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from build_scripts.vignettes import load_vignettes
from checker import assess
from checker.rules import RULES
from tests.mkdocs_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = load_vignettes()


@pytest.fixture(scope="module")
def hook():
    return load_hook("clinical_safety")


def test_the_hazard_log_names_every_emergency_and_urgent_rule(hook):
    named = {rule for hazard in hook.load_hazards() for rule in hazard.rules}
    missing = [rule.id for rule in RULES if rule.level in ("emergency", "urgent")
               and rule.id not in named]
    assert missing == []


@pytest.mark.parametrize(("change", "message"), [
    (lambda hazard: hazard["rules"].append("E99"), r"H1: unknown rule\(s\) \['E99'\]"),
    (lambda hazard: hazard["questions"].append("mood"), r"H1: unknown question\(s\) \['mood'\]"),
    (lambda hazard: hazard["tests"].append("test_engine.py::test_thresholds"),
     r"H1: test\(s\) \['test_engine.py::test_thresholds'\] are not 'tests/<file>.py::<function>'"),
    (lambda hazard: hazard.update(tests=[]), "H1: names no test"),
    (lambda hazard: hazard.pop("effect"), "entry 1 must have exactly the fields"),
    (lambda hazard: hazard.update(cause=""), "H1: 'cause' must be a str"),
])
def test_a_bad_hazard_stops_the_build_naming_it(hook, monkeypatch, change, message):
    broken = yaml.safe_load((ROOT / "content" / "hazard_log.yml").read_text("utf-8"))
    change(broken[0])
    monkeypatch.setattr(hook.yaml, "safe_load", lambda text: broken)
    with pytest.raises(PluginError, match=message):
        hook.load_hazards()


def defined_tests(path: Path) -> set[str]:
    """Return the names of the test functions a test file defines at its top level."""
    tree = ast.parse(path.read_text(encoding="utf-8")) if path.is_file() else ast.Module([], [])
    return {node.name for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def missing_tests(hazards) -> list[str]:
    """Return each test the hazards name that no test file defines, with its hazard."""
    return [f"{hazard.id}: {test}" for hazard in hazards for test in hazard.tests
            if test.partition("::")[2] not in defined_tests(ROOT / test.partition("::")[0])]


def test_every_test_the_hazard_log_names_exists(hook):
    assert missing_tests(hook.load_hazards()) == []


@pytest.mark.parametrize("test", ["tests/test_engine.py::test_nothing",
                                  "tests/test_nowhere.py::test_thresholds"])
def test_a_test_the_hazard_log_names_that_does_not_exist_is_found(hook, test):
    hazard = hook.load_hazards()[0]
    assert missing_tests([replace(hazard, tests=[*hazard.tests, test])]) == [f"H1: {test}"]


def test_the_figures_are_measured_by_running_the_engine(hook):
    figures = hook.vignette_figures(VIGNETTES)
    assert figures["total"] == len(VIGNETTES)
    assert figures["matched"] == sum(assess(vignette["answers"]).level == vignette["expect"]
                                     for vignette in VIGNETTES) == len(VIGNETTES)
    assert figures["under"] == 0 and figures["over"] == 0
    assert [row["cases"] for row in figures["by_level"]] == [
        sum(vignette["expect"] == row["level"] for vignette in VIGNETTES)
        for row in figures["by_level"]]


def with_expectation(number: int, expect: str) -> list[dict]:
    """Return the vignettes, the one at ``number`` given another expected level."""
    changed = [dict(vignette) for vignette in VIGNETTES]
    changed[number]["expect"] = expect
    return changed


def first_expecting(level: str) -> int:
    return next(number for number, vignette in enumerate(VIGNETTES)
                if vignette["expect"] == level)


@pytest.mark.parametrize(("expected", "wrong", "how"), [
    ("self_care", "urgent", "under-triaged"),  # the engine's level is calmer than expected
    ("emergency", "doctor", "over-triaged"),   # the engine's level is more urgent
])
def test_a_vignette_not_given_its_expected_level_stops_the_build(hook, expected, wrong, how):
    number = first_expecting(expected)
    vignette = VIGNETTES[number]
    with pytest.raises(PluginError) as raised:
        hook.vignette_figures(with_expectation(number, wrong))
    message = str(raised.value)
    assert message.startswith("checker/data/vignettes.json: the checker does not give 1 of "
                              f"{len(VIGNETTES)} vignettes their expected level")
    assert f"  {vignette['id']}: expected {wrong}, got {expected} ({how})" in message


def test_the_build_stops_naming_every_failing_vignette(hook):
    # Two wrong expectations, and answers the engine refuses: all three named at once.
    changed = with_expectation(first_expecting("urgent"), "self_care")
    changed[first_expecting("doctor")]["expect"] = "emergency"
    changed.append({"id": "V999", "answers": {"severity": 4}, "expect": "self_care"})
    with pytest.raises(PluginError) as raised:
        hook.vignette_figures(changed)
    lines = str(raised.value).splitlines()
    assert "does not give 3 of" in lines[0]
    named = {line.split(":")[0].strip(): line for line in lines[1:]}
    assert set(named) == {VIGNETTES[first_expecting("urgent")]["id"],
                          VIGNETTES[first_expecting("doctor")]["id"], "V999"}
    assert named["V999"].startswith("  V999: expected self_care, got its answers refused (")


def test_the_page_in_the_built_site(built_site):
    html = (built_site / "checker" / "clinical-safety" / "index.html").read_text("utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert f"{len(VIGNETTES)} written case descriptions" in " ".join(text.split())
    for hazard_id in ("h1", "h16"):
        assert f'id="{hazard_id}"' in html
    for limit in ("It is not a diagnosis", "It knows your age only as a group",
                  "It was written mainly for adults",
                  "It cannot know your country"):
        assert limit in text
    for page in ("about/index.html", "checker/how-it-decides/index.html"):
        assert "clinical-safety/" in (built_site / page).read_text("utf-8"), page
