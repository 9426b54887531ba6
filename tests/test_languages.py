"""The checker in every language it speaks: the catalogs are complete and current, and
a translation changes the words only, never the level or the rules that fire.

The engine in real Pyodide is checked in every language by test_engine_in_pyodide.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from build_scripts import catalogs
from build_scripts.vignettes import load_vignettes
from checker import RULES, assess, assess_reply
from checker.i18n import LANGUAGES, SOURCE_LANGUAGE, UnknownLanguage, speaking
from checker.questions import QUESTIONS_BY_ID

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = load_vignettes()
TRANSLATED = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
# A word in Latin letters: English left in a translated result.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def shown_texts(result: dict[str, Any]) -> list[str]:
    """Return every text of a result that the page shows the reader."""
    texts = [result["headline"], result["action"], result["massage"], *result["advice"],
             *result["watch_for"], *result["get_help_sooner"]]
    texts += [reason["text"] for reason in result["reasons"]]
    for line in result["safety_net"]:
        texts += [line["text"], *line["signs"]]
    for cause in result["likely_causes"]:
        texts += [cause["title"], cause["text"]]
    if result["course"]:
        texts += [result["course"][key] for key in ("phase", "summary", "text")]
    texts += [citation["for"] for citation in result["citations"]]
    return texts


def test_the_catalogs_are_complete_current_and_keep_every_name_in_braces():
    """Extracting again changes nothing; no text is missing, empty, fuzzy or obsolete;
    every {name} of the English is in the translation; the .mo files are compiled from
    the .po files as they are."""
    assert catalogs.problems() == []


def test_a_catalog_problem_is_found_and_named(tmp_path, monkeypatch):
    """The check above can fail: a translation that drops a name in braces, an empty
    one and a fuzzy one are each reported."""
    po = catalogs.po_path("ru")
    text = po.read_text(encoding="utf-8")
    damaged = tmp_path / "ru" / "LC_MESSAGES" / "checker.po"
    damaged.parent.mkdir(parents=True)
    reason = next(rule.reason for rule in RULES if "{severity}" in rule.reason)
    catalog = catalogs.read_catalog(po, "ru")
    catalog[reason].string = catalog[reason].string.replace("{severity}", "7")
    headline = "See a doctor today"
    catalog[headline].string = ""
    catalog["yes"].flags.add("fuzzy")
    damaged.write_bytes(catalogs.po_text(catalog))
    monkeypatch.setattr(catalogs, "po_path", lambda language: damaged)
    found = "\n".join(catalogs.problems())
    assert "the names in braces differ" in found and "not translated: 'See a doctor today'" in found
    assert "fuzzy: 'yes'" in found
    assert text == po.read_text(encoding="utf-8")


def test_every_safety_critical_translation_has_a_current_back_translation():
    """Each emergency and urgent sign and reason, and each level's instruction, was
    translated back into English from the Russian now in the catalog."""
    assert catalogs.back_translation_problems() == []


def test_a_changed_translation_needs_a_new_back_translation(tmp_path, monkeypatch):
    catalog = catalogs.read_catalog(catalogs.po_path("ru"), "ru")
    catalog["See a doctor today"].string = "Сходите к врачу на днях"
    changed = tmp_path / "checker.po"
    changed.write_bytes(catalogs.po_text(catalog))
    monkeypatch.setattr(catalogs, "po_path", lambda language: changed)
    assert catalogs.back_translation_problems() == [
        "checker/locale/ru/back-translations.yml: the translation of 'See a doctor today' has "
        "changed since it was translated back: translate it back again"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_vignette_gives_the_same_level_and_rules_in_every_language(language):
    differing = []
    for vignette in VIGNETTES:
        english = assess(vignette["answers"])
        translated = assess(vignette["answers"], language)
        if (translated.level, [reason.rule for reason in translated.reasons]) != (
                english.level, [reason.rule for reason in english.reasons]):
            differing.append(vignette["id"])
        # The same advice, line for line, and the same signs: only the words differ.
        assert len(translated.advice) == len(english.advice), vignette["id"]
        assert [len(line.signs) for line in translated.safety_net] == \
            [len(line.signs) for line in english.safety_net], vignette["id"]
    assert differing == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_reaches_a_translated_result(language):
    english_left = {}
    for vignette in VIGNETTES:
        result = json.loads(assess_reply(json.dumps(vignette["answers"]), language))["result"]
        assert result["language"] == language
        left = [text for text in shown_texts(result) if LATIN_WORD.search(text)]
        if left:
            english_left[vignette["id"]] = left
    assert english_left == {}


def test_russian_numbers_take_their_plural_forms():
    """1 час, 3 часа, 5 часов, 21 час: the catalog's plural rule, not "hours" for all."""
    answers = {"severity": 2}
    for hours, word in ((1, "час"), (3, "часа"), (5, "часов"), (21, "час"), (12, "часов")):
        course = assess({**answers, "hours_since_massage": hours}, "ru").course
        assert course is not None and f"{hours} {word} " in course["text"], (hours, course)
    with speaking("ru"):
        assert QUESTIONS_BY_ID["hours_since_massage"].in_parts(50) == "2 дня и 2 часа"
        assert QUESTIONS_BY_ID["hours_since_massage"].in_parts(121) == "5 дней и 1 час"


def test_the_emergency_instruction_names_the_numbers_of_the_readers_of_its_language():
    assert "(112, 999 or 911)" in assess({"hours_since_massage": 2, "severity": 3,
                                          "saddle_numbness": True}).action
    russian = assess({"hours_since_massage": 2, "severity": 3, "saddle_numbness": True}, "ru")
    assert "112 или 103" in russian.action and "999" not in russian.action


def test_a_language_the_checker_does_not_speak_is_refused_by_name():
    answers = {"hours_since_massage": 2, "severity": 3}
    with pytest.raises(UnknownLanguage, match="unknown language 'de': the checker speaks en, ru"):
        assess(answers, "de")
    reply = json.loads(assess_reply(json.dumps(answers), "de"))
    assert reply == {"invalid": {"message": "unknown language 'de': the checker speaks en, ru",
                                 "field": None}}
    # The language of one assessment never leaks into the next.
    assess(answers, "ru")
    assert assess(answers).headline == "This looks like normal soreness"


def test_the_command_line_answers_in_russian():
    done = subprocess.run([sys.executable, "-m", "checker", "assess", "--language", "ru"],
                          input='{"hours_since_massage": 20, "severity": 4}', cwd=ROOT,
                          capture_output=True, text=True, timeout=60, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["level"] == "self_care" and result["language"] == "ru"
    assert not LATIN_WORD.search(result["headline"])
    done = subprocess.run([sys.executable, "-m", "checker", "assess", "--language", "de"],
                          input="{}", cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "invalid choice: 'de'" in done.stderr
