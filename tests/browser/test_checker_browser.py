"""The in-page checker in real headless Chromium with real Pyodide: parity with
the command line, a few journeys per level and a few that between them give every
answer of every question, each tapped on a phone through the steps; the emergency
instruction, instant navigation, the fallbacks, the snapshot of the engine, and no
request leaving 127.0.0.1 (the checker under a sub-path: test_privacy_browser.py).
Every vignette's reply from the site's engine is compared byte for byte with
CPython's in tests/test_engine_in_pyodide.py (Pyodide in Node, in seconds); here
the page's engine answers them all on a first visit and again restored from its
snapshot. The steps themselves (history, focus, review, days and hours, map, chart,
printout, keyboard, target sizes) are tested in test_checker_steps.py; replies that
come too late or never, in test_checker_replies.py.

Tests that only need a ready checker use a returning reader's page (checker_phone,
checker_page: a context kept for the session, the engine restored from its
snapshot); a first visit, the snapshot and the fallbacks have a fresh context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from build_scripts.site_layout import SNAPSHOT_CACHE
from build_scripts.vignettes import load_vignettes
from checker import assess
from checker.conditions import Is
from checker.json_text import assess_json
from checker.levels import EMERGENCY, LEVEL_IDS
from checker.questions import (
    BOOLEAN,
    CHOICE,
    INTEGER,
    MULTI_CHOICE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    SECTIONS,
)
from checker.rules import RULES
from tests.browser.checker_form import (
    ENGINE_TIMEOUT,
    answer_step,
    answer_up_to,
    button,
    enter_answers,
    next_step,
    question,
    see_result,
    shown_step,
    shows_others,
    step_count,
    step_number,
    step_of,
    tap_answer,
    usual_answer,
    wait_for_engine,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VIGNETTES = load_vignettes()

__all__ = ["ENGINE_TIMEOUT", "wait_for_engine"]  # the offline tests use them too


def command_line_result(answers: dict) -> dict:
    """Return what `python -m checker assess` prints for these answers: the text of
    checker.json_text.assess_json (tests/test_cli.py checks the command line prints
    exactly that), read as JSON."""
    return json.loads(assess_json(json.dumps(answers)))


@pytest.fixture
def first_visit_checker(page, site_url):
    """The checker, ready, on a first visit (a fresh context: an ordinary start)."""
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    return page


# ---------------------------------------------------------------------------
# The engine in the page

# Every vignette's answers given to the page's engine at once; its result for each, by id.
ASSESS_EVERY_CASE = """async (cases) => {
    const results = {};
    for (const [id, answers] of cases) results[id] = await window.checker.assess(answers);
    return results;
}"""


def every_vignette_differing(page) -> dict[str, dict]:
    """Give every vignette to the page's engine; return those whose result is not the
    command line's or whose level is not the one expected, by id."""
    results = page.evaluate(ASSESS_EVERY_CASE,
                            [[vignette["id"], vignette["answers"]] for vignette in VIGNETTES])
    assert list(results) == [vignette["id"] for vignette in VIGNETTES]
    return {vignette["id"]: results[vignette["id"]] for vignette in VIGNETTES
            if results[vignette["id"]] != command_line_result(vignette["answers"])
            or results[vignette["id"]]["level"] != vignette["expect"]}


# The package's bridge (checker.json_text.assess_reply), run by the page's Pyodide:
# each answers given, and the message and field it is refused with.
INVALID = [
    ({"severity": 3}, "hours_since_massage: is required but missing", "hours_since_massage"),
    ({"hours_since_massage": 5, "severity": 3, "sevrity": 3},
     "sevrity: unknown field; did you mean severity?", "sevrity"),
    ([], "the answers must be a JSON object, not a list", None),
    (None, "the answers must be a JSON object, not null", None),
]


def test_invalid_answers_reject_with_the_engine_message_and_field(checker_page):
    rejected = checker_page.evaluate("""cases => Promise.all(cases.map(answers =>
        window.checker.assess(answers).then(() => "resolved", error => (
            {message: error.message, field: error.field, invalid: error.invalidAnswers}))))""",
                                     [answers for answers, _, _ in INVALID])
    assert rejected == [{"message": message, "field": field, "invalid": True}
                        for _, message, field in INVALID]


def test_the_result_is_not_stored_anywhere(checker_page):
    checker_page.evaluate("() => window.checker.assess({hours_since_massage: 20, severity: 4})")
    stored = checker_page.evaluate("""() => [document.cookie, localStorage.length,
        Object.keys(localStorage).filter(key => !key.includes('__palette')
                                          && !key.includes('__consent')).join(),
        sessionStorage.length]""")
    assert stored[0] == "" and stored[2] == "" and stored[3] == 0


# ---------------------------------------------------------------------------
# The form, as a person on a phone uses it: journeys tapped through the steps

def answer_pairs(answers: dict) -> set[tuple[str, object]]:
    """Each answer given, as (field, answer): each choice of a list on its own, a
    number as its field alone."""
    pairs: set[tuple[str, object]] = set()
    for field, answer in answers.items():
        for each in answer if isinstance(answer, list) else [answer]:
            pairs.add((field, "a number") if QUESTIONS_BY_ID[field].kind == INTEGER else
                      (field, each))
    return pairs


def vignettes_to_tap(per_level: int = 2) -> list[dict]:
    """Return ``per_level`` vignettes of each level: in turn, each level's vignette that
    gives the most answers not given by those chosen before it (the first, in the
    file's order, of those that give as many)."""
    chosen: list[dict] = []
    given: set[tuple[str, object]] = set()
    for _ in range(per_level):
        for level in LEVEL_IDS:
            left = [vignette for vignette in VIGNETTES
                    if vignette["expect"] == level and vignette not in chosen]
            best = max(left, key=lambda vignette: len(answer_pairs(vignette["answers"]) - given))
            chosen.append(best)
            given |= answer_pairs(best["answers"])
    return chosen


def shown(asked, answers: dict) -> bool:
    """Whether the form shows the question for these answers (its show_if: "field", that
    box ticked; "field=value", that answer given), as checker/questions.py describes."""
    def holds(condition: str) -> bool:
        field, _, value = condition.partition("=")
        given = answers.get(field, QUESTIONS_BY_ID[field].default)
        if not value:
            return given is True
        if QUESTIONS_BY_ID[field].kind == BOOLEAN:
            return given is (value == "true")
        return value in given if isinstance(given, list | tuple) else given == value

    return not asked.show_if or any(holds(condition) for condition in asked.show_if)


def every_answer_journeys() -> list[dict]:
    """Answers for the fewest journeys that between them give every answer of every
    question: journey k gives each choice its k-th answer (round again), each list of
    choices every k-th of its choices, each question of Yes or No a Yes in the even
    journeys and a No in the odd ones (a box in a list: ticked, or left), and each
    number a value from the least to the most it may be. A Yes or No that shows other
    questions is a Yes in all but the last journey, so that those are asked, Yes and
    No; a question the form hides for the answers of a journey is left out of it."""
    count = max(len(asked.values) for asked in QUESTIONS if asked.kind == CHOICE)
    journeys = []
    for k in range(count):
        answers: dict = {}
        for asked in QUESTIONS:
            yes = (k < count - 1) if asked.id in shows_others() else k % 2 == 0
            if asked.kind == CHOICE:
                answers[asked.id] = asked.values[k % len(asked.values)]
            elif asked.kind == MULTI_CHOICE and asked.values[k::count]:
                answers[asked.id] = list(asked.values[k::count])
            elif asked.kind == BOOLEAN and (yes or not asked.asked_as_list):
                answers[asked.id] = yes
            elif asked.kind == INTEGER:
                assert asked.minimum is not None and asked.maximum is not None, asked.id
                answers[asked.id] = (asked.minimum
                                     + (asked.maximum - asked.minimum) * k // (count - 1))
        journeys.append({field: answer for field, answer in answers.items()
                         if shown(QUESTIONS_BY_ID[field], answers)})
    return journeys


JOURNEYS = {**{f"{vignette['id']} ({vignette['expect']})": vignette
               for vignette in vignettes_to_tap()},
            **{f"every answer {number} of {len(every_answer_journeys())}":
               {"id": f"every answer {number}", "answers": answers, "expect": None}
               for number, answers in enumerate(every_answer_journeys(), start=1)}}


def test_the_journeys_tapped_cover_every_level_and_every_answer_of_every_question():
    # Two vignettes of each level...
    levels = [journey["expect"] for journey in JOURNEYS.values() if journey["expect"]]
    assert sorted(levels) == sorted(LEVEL_IDS * 2)
    # ...and every answer of every question, tapped in some journey: each choice, each
    # Yes and each No (a box in a list is only ever ticked), the least and the most of a
    # number.
    given = set().union(*(answer_pairs(journey["answers"]) for journey in JOURNEYS.values()))
    numbers = {(field, answer) for journey in JOURNEYS.values()
               for field, answer in journey["answers"].items()
               if QUESTIONS_BY_ID[field].kind == INTEGER}
    for asked in QUESTIONS:
        if asked.kind in (CHOICE, MULTI_CHOICE):
            expected = {(asked.id, value) for value in asked.values}
        elif asked.kind == BOOLEAN:
            expected = {(asked.id, True)} | (set() if asked.asked_as_list else {(asked.id, False)})
        else:
            expected = {(asked.id, asked.minimum), (asked.id, asked.maximum)}
        assert expected <= (numbers if asked.kind == INTEGER else given), asked.id


# Records, in the page, the answers the form gives the engine (window.checker.assess),
# as JSON sends them, and passes them on unchanged.
RECORD_ANSWERS_SENT = """() => {
    const engine = window.checker;
    const assess = engine.assess;
    window.answersSent = [];
    engine.assess = (answers) => {
        window.answersSent.push(JSON.parse(JSON.stringify(answers)));
        return assess.call(engine, answers);
    };
}"""


def sent_for(answers: dict) -> dict:
    """The answers the form sends when a reader taps ``answers`` and gives every other
    question shown its usual answer: every question shown, none hidden."""
    every = {asked.id: answers.get(asked.id, usual_answer(asked.id)) for asked in QUESTIONS}
    return {asked.id: every[asked.id] for asked in QUESTIONS if shown(asked, every)}


def tap_a_journey(page, journey: dict) -> None:
    """Tap a journey through the steps to its result, check it, and start again (the
    page records the answers sent: RECORD_ANSWERS_SENT)."""
    page.evaluate("() => { window.answersSent = []; }")
    enter_answers(page, journey["answers"])
    result = see_result(page)
    # Every answer tapped reached the engine as given, and every other as its usual one.
    assert page.evaluate("() => window.answersSent") == [sent_for(journey["answers"])], \
        journey["id"]
    expected = command_line_result(journey["answers"])
    assert result.get_attribute("data-level") == expected["level"], journey["id"]
    if journey["expect"]:
        assert expected["level"] == journey["expect"], journey["id"]
    assert result.locator("#checker-headline").inner_text() == expected["headline"], journey["id"]
    for reason in expected["reasons"]:
        assert reason["text"] in result.inner_text(), journey["id"]
    result.get_by_role("button", name="Start again").tap()
    expect(shown_step(page)).to_have_attribute("data-step", "1")


# The journeys in two runs, each on one phone: a reader who taps "Start again" and
# goes through the steps once more, as someone checking for a friend does.
@pytest.mark.parametrize("kind", ["vignettes", "every answer"])
def test_the_journeys_tapped_through_the_steps(checker_phone, kind):
    journeys = [journey for journey in JOURNEYS.values()
                if (journey["expect"] is None) == (kind == "every answer")]
    assert len(journeys) == 8
    checker_phone.evaluate(RECORD_ANSWERS_SENT)
    for journey in journeys:
        tap_a_journey(checker_phone, journey)


def test_emergency_screen_shows_its_instruction_at_once(checker_phone):
    page = checker_phone
    stop = page.locator("#checker-stop")
    alert = page.locator("#checker-emergency-alert")
    assert step_number(page) == 1
    assert stop.is_hidden() and alert.is_hidden()
    page.locator("label[for='q-saddle_numbness']").tap()
    assert stop.is_visible() and page.locator("#checker-form").is_hidden()
    assert "emergency number" in stop.inner_text()
    stop.get_by_role("button", name="Continue the questions anyway").tap()
    assert stop.is_hidden() and alert.is_visible()
    assert "emergency number" in alert.inner_text()
    page.locator("label[for='q-saddle_numbness']").tap()
    assert alert.is_hidden()
    # Each answer of the danger steps alone, by what the engine makes of it: the
    # questions stop for exactly the answers that are an emergency on their own, and
    # once past the stop the instruction stays below the step.
    danger = [section.id for section in SECTIONS if section.danger]
    asked = set()
    while shown_step(page).get_attribute("data-section") in danger:
        for field in shown_step(page).locator("[data-field]:not([hidden])").evaluate_all(
                "questions => questions.map(q => q.dataset.field)"):
            item, spec = question(page, field), QUESTIONS_BY_ID[field]
            for answer in [True] if spec.kind == BOOLEAN else spec.values[1:]:
                tap_answer(item, answer)
                alone = assess({"hours_since_massage": 5, "severity": 2, field: answer}).level
                assert stop.is_visible() == (alone == EMERGENCY), (field, answer)
                if alone == EMERGENCY:
                    stop.get_by_role("button", name="Continue the questions anyway").tap()
                assert alert.is_visible() == (alone == EMERGENCY), (field, answer)
                # Back to no: a box is tapped again, Yes becomes No, a choice its first.
                if spec.kind == BOOLEAN and item.get_attribute("data-widget") == "checkbox":
                    tap_answer(item, True)
                else:
                    tap_answer(item, False if spec.kind == BOOLEAN else spec.values[0])
                assert stop.is_hidden() and alert.is_hidden(), (field, answer)
            asked.add(field)
        answer_step(page, {})
        next_step(page)
    assert asked >= {rule.condition.field for rule in RULES
                     if rule.level == EMERGENCY and isinstance(rule.condition, Is)}


def test_urgent_case_links_to_its_warning_sign(checker_phone):
    page = checker_phone
    enter_answers(page, {"hours_since_massage": 24, "severity": 4, "fever": "high"})
    result = see_result(page)
    assert result.get_attribute("data-level") == "urgent"
    result.locator("a[href*='warning-signs/#high-fever']").tap()
    page.wait_for_url("**/warning-signs/#high-fever")
    page.locator("#high-fever").wait_for()  # instant navigation swaps the content in


def test_a_missing_answer_is_named_and_focused_on_its_step(checker_phone):
    page = checker_phone
    answer_up_to(page, "hours_since_massage")
    button(page, "next").tap()
    problem = page.locator("#checker-problem")
    expect(problem).to_be_visible()
    assert 'Please answer this question: "How long ago' in problem.inner_text()
    assert page.evaluate("document.activeElement.name") == "hours_since_massage"
    assert step_number(page) == step_of("hours_since_massage")
    answer_up_to(page, "severity", {"hours_since_massage": 20})
    button(page, "next").tap()  # no pain score yet
    expect(problem).to_be_visible()
    assert "How bad is the pain" in problem.inner_text()
    assert page.evaluate("document.activeElement.name") == "severity"
    assert step_number(page) == step_of("severity")


def test_an_answer_out_of_range_is_named(checker_phone):
    page = checker_phone
    answer_up_to(page, "hours_since_massage")
    tap_answer(question(page, "hours_since_massage"), 9000)  # 375 days
    button(page, "next").tap()
    problem = page.locator("#checker-problem")
    expect(problem).to_be_visible()
    assert "How long ago" in problem.inner_text()
    assert "days: type a whole number from 0 to 365" in problem.inner_text()
    assert step_number(page) == step_of("hours_since_massage")


def test_an_answer_the_engine_refuses_takes_the_reader_to_its_question(checker_phone):
    page = checker_phone
    # As if the form had no limit on the days: only the engine's limit is left.
    page.locator("#q-hours_since_massage-days").evaluate("input => input.removeAttribute('max')")
    enter_answers(page, {"hours_since_massage": 400 * 24, "severity": 3})
    button(page, "check").tap()
    problem = page.locator("#checker-problem")
    expect(problem).to_be_visible()
    assert "How long ago" in problem.inner_text()
    assert "hours_since_massage" in problem.inner_text()  # the engine's own words
    assert step_number(page) == step_of("hours_since_massage")
    assert page.evaluate("document.activeElement.name") == "hours_since_massage"
    assert page.locator("#checker-result").is_hidden()


def test_start_again_clears_the_result_and_the_answers(checker_phone):
    page = checker_phone
    enter_answers(page, {"hours_since_massage": 100, "severity": 6, "first_massage": True})
    result = see_result(page)
    assert result.get_attribute("data-level") == "doctor"
    result.get_by_role("button", name="Start again").tap()
    expect(page.locator("#checker-result")).to_be_hidden()
    assert step_number(page) == 1
    assert question(page, "hours_since_massage").locator("input").evaluate_all(
        "boxes => boxes.map(box => box.value)") == ["", ""]
    assert page.locator("#checker-form input:checked").count() == 0


def test_a_question_that_does_not_apply_stays_out_of_the_way(checker_phone):
    page = checker_phone
    enter_answers(page, {"hours_since_massage": 20, "severity": 3})
    for _ in range(step_count(page) - step_of("cough")):  # back from the review
        page.go_back()
    assert shown_step(page).get_attribute("data-section") == "symptoms"
    cough = question(page, "cough")
    assert cough.is_hidden()
    tap_answer(question(page, "fever"), "low")
    assert cough.is_visible()


# ---------------------------------------------------------------------------
# Getting there, and when it cannot run

def test_reached_by_instant_navigation(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='checker/']").first.click()
    page.wait_for_url("**/checker/**")
    wait_for_engine(page)
    assert page.evaluate("window.__sameDocument") is True
    result = page.evaluate("() => window.checker.assess({hours_since_massage: 10, severity: 2})")
    assert result["level"] == "self_care"


def test_engine_load_failure_shows_the_warning_signs(page, site_url, page_errors):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_url + "checker/")
    fallback = page.locator("#checker-fallback")
    fallback.wait_for(timeout=ENGINE_TIMEOUT)
    assert "could not start" in fallback.inner_text()
    assert "genitals" in fallback.inner_text()  # the emergency signs, from the rule table
    assert page.locator("#checker-form").is_hidden()
    # The blocked download is the only error (Pyodide leaves its failed fetch unhandled).
    assert set(page_errors) <= {"Failed to fetch"}
    page_errors.clear()


# ---------------------------------------------------------------------------
# The snapshot of the engine this browser keeps for the next visit

def wait_for_snapshot(page) -> dict:
    """Wait until the worker has kept (or given up keeping) the engine's snapshot."""
    page.wait_for_function("() => window.checkerSnapshot !== undefined", timeout=ENGINE_TIMEOUT)
    return page.evaluate("() => window.checkerSnapshot")


# The name of the cache that holds the engine's snapshot: SNAPSHOT_CACHE, or, where the
# worker keeps one per copy of the site, SNAPSHOT_CACHE@<the site's path>.
SNAPSHOT_CACHE_NAME = """async (prefix) => (await caches.keys())
    .find((name) => name === prefix || name.startsWith(`${prefix}@`)) || prefix"""


def snapshot_cache_names(names: list[str]) -> list[str]:
    """Return those of the cache ``names`` that hold the engine's snapshot."""
    return [name for name in names
            if name == SNAPSHOT_CACHE or name.startswith(f"{SNAPSHOT_CACHE}@")]


# Which of the given texts the kept snapshot holds, once gunzipped: the engine's whole
# memory, so an answer the engine had seen would be in it as the page sent it.
SNAPSHOT_HOLDS = """async ([prefix, texts]) => {
    const cache = await caches.open(await (NAME)(prefix));
    const [request] = await cache.keys();
    const kept = await cache.match(request);
    const memory = await new Response(kept.body.pipeThrough(new DecompressionStream("gzip")))
        .arrayBuffer();
    const text = new TextDecoder("latin1").decode(memory);
    return texts.filter((each) => text.includes(each));
}""".replace("NAME", SNAPSHOT_CACHE_NAME)


def snapshot_holds(page, texts: list[str]) -> list[str]:
    """Return those of ``texts`` that the engine's kept snapshot holds."""
    return page.evaluate(SNAPSHOT_HOLDS, [SNAPSHOT_CACHE, texts])


def test_a_first_visit_starts_python_and_keeps_a_snapshot_the_next_visit_restores(
        first_visit_checker, requests_made):
    page = first_visit_checker
    first = page.evaluate("() => window.checkerStartup")
    assert first["snapshot"] is False and first["snapshotSkipped"] == "no snapshot kept yet"
    # The engine started on its own trimmed standard library, never Pyodide's whole one.
    worker_files = {download["file"] for download in first["downloads"]}
    assert "checker_stdlib.zip" in worker_files and "python_stdlib.zip" not in worker_files
    assert not any(url.endswith("python_stdlib.zip") for url in requests_made.urls)
    # Every vignette: the command line's result, and the level expected.
    assert every_vignette_differing(page) == {}
    assert wait_for_snapshot(page)["kept"] is True
    page.reload()
    wait_for_engine(page)
    second = page.evaluate("() => window.checkerStartup")
    assert second["snapshot"] is True, second
    # Restored with the checker already imported: its wheel is not even fetched.
    assert not any(download["file"].endswith(".whl") for download in second["downloads"])
    assert every_vignette_differing(page) == {}


# Each way a kept snapshot can be wrong, done to it in the page's Cache Storage.
DAMAGE = {
    "a flipped byte": "bytes[bytes.length >> 1] ^= 0xff;",
    "cut short": "bytes = bytes.slice(0, bytes.length >> 1);",
    "made from another engine": "headers.set('X-Engine', 'pyodide 0.1; stdlib 0; wheel 0');",
    "not a snapshot": """bytes = new Uint8Array(await new Response(
        new Blob([new Uint8Array(1 << 20)]).stream().pipeThrough(new CompressionStream("gzip")))
        .arrayBuffer());""",
}
DAMAGE_SAID = {"made from another engine": "made from another version of the engine",
               "not a snapshot": "invalid magic number"}


DAMAGE_IN_THE_CACHE = """async (prefix) => {
    const cache = await caches.open(await (NAME)(prefix));
    const [request] = await cache.keys();
    const kept = await cache.match(request);
    let bytes = new Uint8Array(await kept.arrayBuffer());
    const headers = new Headers(kept.headers);
    DAMAGE
    await cache.put(request, new Response(bytes, { headers }));
}""".replace("NAME", SNAPSHOT_CACHE_NAME)


def test_a_damaged_snapshot_means_an_ordinary_start_and_a_new_snapshot(first_visit_checker):
    page = first_visit_checker
    assert wait_for_snapshot(page)["kept"] is True
    # Each damage in turn, to the snapshot the visit before kept.
    for damage, done in DAMAGE.items():
        page.evaluate(DAMAGE_IN_THE_CACHE.replace("DAMAGE", done), SNAPSHOT_CACHE)
        page.reload()
        wait_for_engine(page)
        startup = page.evaluate("() => window.checkerStartup")
        assert startup["snapshot"] is False, damage
        assert startup["snapshotSkipped"] not in ("", "no snapshot kept yet"), (damage, startup)
        assert DAMAGE_SAID.get(damage, "") in startup["snapshotSkipped"], (damage, startup)
        result = page.evaluate(
            "() => window.checker.assess({hours_since_massage: 5, severity: 9})")
        assert result["level"] == "doctor", damage
        # The damaged copy is replaced, and the next visit restores the new one.
        assert wait_for_snapshot(page)["kept"] is True, damage
        page.reload()
        wait_for_engine(page)
        assert page.evaluate("() => window.checkerStartup.snapshot") is True, damage


def test_a_return_visit_whose_runtime_fails_shows_the_warning_signs_and_keeps_the_snapshot(
        chromium, site_url):
    # No service worker here, so that the route below sees every request.
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    assert wait_for_snapshot(page)["kept"] is True
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.reload()
    page.locator("#checker-fallback").wait_for(timeout=ENGINE_TIMEOUT)
    # Not the snapshot's fault: it is still there for a visit whose runtime loads.
    kept = page.evaluate(f"async (prefix) => (await caches.open(await ({SNAPSHOT_CACHE_NAME})"
                         "(prefix))).keys().then(keys => keys.length)", SNAPSHOT_CACHE)
    context.close()
    assert kept == 1


def test_the_kept_snapshot_never_holds_a_readers_answers(page, site_url):
    page.goto(site_url + "checker/")
    page.wait_for_function("() => window.checker !== undefined", timeout=ENGINE_TIMEOUT)
    # Sent at once, so it is the first thing the engine answers: an unknown field's name
    # comes back in the message, so the engine held it in its memory.
    marker = "zq7_private_answer_marker"
    message = page.evaluate("""marker => window.checker.assess(
        {hours_since_massage: 5, severity: 2, [marker]: true}).catch(error => error.message)""",
                            marker)
    assert marker in message
    assert wait_for_snapshot(page)["kept"] is True
    # The engine's own names are in it (the search works); the answer is not.
    assert snapshot_holds(page, [marker, "hours_since_massage"]) == ["hours_since_massage"]


def test_without_snapshots_the_engine_neither_restores_nor_keeps_one(page, site_url):
    for _ in range(2):
        page.goto(site_url + "checker/?snapshot=off")
        wait_for_engine(page)
        assert page.evaluate("() => window.checkerStartup.snapshot") is False
    names = page.evaluate("() => caches.keys()")
    assert snapshot_cache_names(names) == []


def test_without_javascript_the_warning_signs_show(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "checker/")
    text = page.locator("article").inner_text()
    form_shown = page.locator("#checker-form").is_visible()
    context.close()
    assert "The checker needs JavaScript" in text
    assert "genitals" in text
    assert not form_shown  # it could only put the answers in the address
