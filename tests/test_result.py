"""The result's JSON form: the spec's keys and shapes, for every level."""

from __future__ import annotations

import json

import pytest

from checker import assess
from checker.causes import CAUSES
from checker.course import SOURCE as COURSE_SOURCE
from checker.levels import LEVELS_BY_ID
from checker.rules import RULES, RULES_BY_ID

KEYS = ["level", "headline", "action", "reasons", "advice", "watch_for", "safety_net",
        "pause_massage", "massage", "likely_causes", "policy", "get_help_sooner", "course",
        "citations", "language"]
BASE = {"hours_since_massage": 20, "severity": 4}

# One set of answers per level, and whether the spec pauses massage at it.
CASES = [
    ({**BASE, "chest_symptoms": True}, "emergency", True),
    ({**BASE, "fever": "high"}, "urgent", True),
    ({**BASE, "pregnant": True}, "doctor", True),
    (BASE, "self_care", False),
]


@pytest.mark.parametrize(("answers", "level", "pause"), CASES, ids=[case[1] for case in CASES])
def test_result_json_has_the_spec_keys_for_each_level(answers, level, pause):
    data = json.loads(json.dumps(assess(answers).to_dict()))
    assert list(data) == KEYS
    words = LEVELS_BY_ID[level]
    assert (data["level"], data["headline"], data["action"], data["massage"]) == (
        level, words.headline, words.action, words.massage)
    assert data["pause_massage"] is pause
    assert data["watch_for"] and all(isinstance(line, str) for line in data["watch_for"])
    assert data["policy"] == "3"
    assert len(data["safety_net"]) == len(data["watch_for"])
    for line, sentence in zip(data["safety_net"], data["watch_for"], strict=True):
        assert list(line) == ["text", "signs"] and sentence.startswith(line["text"])
    assert data["advice"] and all(isinstance(line, str) for line in data["advice"])
    for reason in data["reasons"]:
        assert list(reason) == ["rule", "level", "text", "source"]
        assert reason["source"].startswith("warning-signs/#")
    for cause in data["likely_causes"]:
        assert list(cause) == ["title", "text", "source"]
        assert cause["source"].startswith("causes/#")
    assert bool(data["reasons"]) is (level != "self_care")


def test_the_spec_example_reason():
    data = assess({**BASE, "fever": "high"}).to_dict()
    assert data["reasons"] == [{"rule": "U4", "level": "urgent",
                                "text": RULES_BY_ID["U4"].reason,
                                "source": "warning-signs/#high-fever"}]


def test_result_is_immutable():
    result = assess({**BASE, "fever": "low", "redness_swelling": True})
    assert [reason.rule for reason in result.reasons] == ["U17", "D2"]
    with pytest.raises(AttributeError):
        result.level = "self_care"


# Every link a result can carry (a rule's source, a cause's source) resolves in the
# built site, anchor included.
SOURCES = [(rule.id, rule.source) for rule in RULES] + [
    (cause.anchor, cause.source) for cause in CAUSES]


@pytest.mark.parametrize(("name", "source"), SOURCES, ids=[name for name, _ in SOURCES])
def test_each_source_a_result_links_to_resolves_in_the_built_site(built_site, name, source):
    html = built_site / source.article / "index.html"
    assert html.is_file(), f"{name}: no page {source.article}/ in the built site"
    assert f'id="{source.anchor}"' in html.read_text(encoding="utf-8"), \
        f"{name}: no #{source.anchor}"


# ---------------------------------------------------------------------------
# What the page shows at the top of a result, carried by the result (issue 18)

@pytest.mark.parametrize(("answers", "level", "expected"), [
    (BASE, "self_care", 3),
    ({**BASE, "anticoagulants": True}, "self_care", 4),
    ({**BASE, "pregnant": True, "age_group": "65_or_over"}, "doctor", 5),
    ({**BASE, "chest_symptoms": True}, "emergency", 1),
])
def test_get_help_sooner_is_a_few_points_that_fit_the_answers(answers, level, expected):
    data = assess(answers).to_dict()
    assert data["level"] == level
    points = data["get_help_sooner"]
    assert len(points) == expected and len(points) <= 5
    assert all(isinstance(point, str) and point.endswith(".") for point in points)
    full = " ".join(data["watch_for"])
    if answers.get("anticoagulants"):
        assert points[0].startswith("Because you take blood thinners") and points[0] in full
    if answers.get("pregnant"):
        assert any(point.startswith("In pregnancy: a new headache") for point in points)
    # Shorter than the full list (which is one line for an emergency).
    assert sum(len(point) for point in points) < len(full) or level == "emergency"


def test_the_course_is_the_readers_point_and_phase_for_calm_results_only():
    from checker.course import phase_at
    data = assess({"hours_since_massage": 20, "severity": 5}).to_dict()
    course = data["course"]
    assert (course["hours"], course["pain"], course["phase"]) == (20, 5, phase_at(20).words)
    assert course["text"] == ("You: 20 hours after the massage, pain 5 out of 10. At 20 hours, "
                              f"ordinary soreness {phase_at(20).words}.")
    assert course["source"] == COURSE_SOURCE.link
    assert assess({**BASE, "fever": "high"}).to_dict()["course"] is None
    assert assess({"hours_since_massage": 96, "severity": 4}).to_dict()["course"]["hours"] == 96


def test_the_citations_are_every_article_section_the_result_links_once():
    result = assess(HEAVY_ANSWERS)
    data = result.to_dict()
    sources = [citation["source"] for citation in data["citations"]]
    assert len(sources) == len(set(sources))
    linked = {reason["source"] for reason in data["reasons"]} | {
        cause["source"] for cause in data["likely_causes"]}
    assert set(sources) == linked | ({data["course"]["source"]} if data["course"] else set())
    assert all(citation["for"] for citation in data["citations"])


HEAVY_ANSWERS = {"hours_since_massage": 100, "severity": 6, "trend": "worse",
                 "pain_down_leg": True, "massage_type": "deep_tissue", "bruising": "at_site"}
