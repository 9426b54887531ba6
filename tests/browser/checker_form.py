"""Using the checker's form as a person on a phone does: one step at a time,
tapping each answer (typing only the days and hours), then Next; and reading
where the page is. Shared by the browser tests. On a page without touch, the same
answers are given by mouse clicks."""

from __future__ import annotations

from functools import cache
from weakref import WeakKeyDictionary

from playwright.sync_api import Locator, Page, expect

ENGINE_TIMEOUT = 120_000  # ms; a cold start is a few seconds, a loaded CI machine is slower


def wait_for_form(page: Page) -> None:
    """Wait until the page's script has set up the form (and started the engine)."""
    page.wait_for_function("() => window.checker !== undefined", timeout=ENGINE_TIMEOUT)


def wait_for_engine(page: Page) -> None:
    wait_for_form(page)
    page.evaluate("() => window.checker.ready")


def shown_step(page: Page) -> Locator:
    return page.locator(".checker-step:not([hidden])")


def step_number(page: Page) -> int:
    return int(shown_step(page).get_attribute("data-step") or 0)


def step_count(page: Page) -> int:
    return page.locator(".checker-step").count()


def button(page: Page, action: str) -> Locator:
    """The form's Next, Back, "Back to your answers" or "See my advice" button."""
    return page.locator(f".checker-nav [data-action='{action}']")


def question(page: Page, field: str) -> Locator:
    return page.locator(f"[data-field='{field}']")


# Whether each page is on a touch screen, asked of it once.
_TOUCH: WeakKeyDictionary[Page, bool] = WeakKeyDictionary()


def press(target: Locator) -> None:
    """Tap the target on a touch screen; click it with a mouse."""
    page = target.page
    if page not in _TOUCH:
        _TOUCH[page] = page.evaluate("navigator.maxTouchPoints > 0")
    if _TOUCH[page]:
        target.tap()
    else:
        target.click()


def type_in_parts(item: Locator, value: int) -> None:
    """Type a number in its boxes, largest part first (hours as days and hours:
    days = hours // 24, then the hours left), as a person does: a part of 0 is left
    empty, unless the whole answer is 0."""
    boxes = item.locator("input[data-size]")
    sizes = boxes.evaluate_all("boxes => boxes.map(box => Number(box.dataset.size) || 1)")
    typed = False
    for index, size in enumerate(sizes):
        count, value = divmod(value, size)
        box = boxes.nth(index)
        if count or (index == len(sizes) - 1 and not typed):
            press(box)  # a box left empty is not tapped
            box.fill(str(count))
            typed = True
        else:
            box.fill("")


# How the form asks a question: its kind, its widget, its boxes for parts of a
# number or its number box, a "None of these" among its choices, the choices on a map.
DESCRIBE = """(q) => ({
    field: q.dataset.field, kind: q.dataset.kind, widget: q.dataset.widget ?? null,
    parts: q.querySelectorAll("input[data-size]").length > 0,
    number: q.querySelector("input[type='number']") !== null,
    noneOf: q.querySelector("[data-none-of]") !== null,
    map: [...q.querySelectorAll(".checker-map__area[data-value]")].map((a) => a.dataset.value),
})"""


def tap_answer(item: Locator, value: object, *, use_map: bool = True,
               asked: dict | None = None) -> None:
    """Give one question its answer: tap the box (a danger sign: only a Yes is a
    tap), Yes or No, the choices (on the back map where there is one) or the
    score; type the days and hours. ``asked`` is the question's DESCRIBE, if read."""
    asked = asked or item.evaluate(DESCRIBE)
    if asked["kind"] == "boolean":
        if asked["widget"] == "checkbox":
            if value:
                press(item.locator("label"))
        else:
            press(item.locator(f"label:has(input[value='{'true' if value else 'false'}'])"))
    elif asked["parts"]:
        assert isinstance(value, int)
        type_in_parts(item, value)
    elif asked["number"]:
        press(item.locator("input"))
        item.locator("input").fill(str(value))
    else:
        for choice in value if isinstance(value, list) else [value]:
            if use_map and choice in asked["map"]:
                press(item.locator(f".checker-map__area[data-value='{choice}'] path").first)
            else:
                press(item.locator(f"label:has(input[value='{choice}'])"))


def continue_past_the_stop(page: Page) -> None:
    """If an answer stopped the questions (an emergency), tap "Continue the questions
    anyway", as a reader who has called, or will, does."""
    stop = page.locator("#checker-stop")
    if stop.is_visible():
        press(stop.locator("[data-action='continue']"))
        expect(stop).to_be_hidden()


def usual_answer(field: str) -> object:
    """The answer a reader gives who has nothing to report: No, none, or the
    spec's default choice (nothing on the page is chosen for them)."""
    from checker.questions import QUESTIONS_BY_ID
    default = QUESTIONS_BY_ID[field].default
    return list(default) if isinstance(default, tuple) else default


# Which questions of the step are shown now (as Playwright's is_visible judges: a
# box with a size, not visibility: hidden), and whether the danger stop is.
SHOWN_NOW = """(step) => {
    const shown = (element) => {
        const box = element ? element.getBoundingClientRect() : { width: 0, height: 0 };
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    return { shown: [...step.querySelectorAll("[data-field]")].map(shown),
             stop: shown(document.querySelector("#checker-stop")) };
}"""


@cache
def shows_others() -> frozenset[str]:
    """The questions whose answer shows another question (the spec's show_if)."""
    from checker.questions import QUESTIONS
    return frozenset(condition.partition("=")[0] for asked in QUESTIONS
                     for condition in asked.show_if)


def changes_what_is_shown(field: str) -> bool:
    """Whether an answer to ``field`` can show or hide anything on its step: a question
    it shows, or the danger stop (a question of a danger step)."""
    from checker.questions import QUESTIONS_BY_ID, SECTIONS
    danger = {section.id for section in SECTIONS if section.danger}
    return field in shows_others() or QUESTIONS_BY_ID[field].section in danger


def answer_step(page: Page, answers: dict, *, all_shown: bool = True) -> set[str]:
    """Answer, on the step shown, each question of ``answers`` it holds, in page
    order (so a question shown by an earlier answer is there in time), and, with
    ``all_shown``, every other question shown as a reader with nothing to report
    does (No, "None of these", the usual choice); return the fields answered."""
    step = shown_step(page)
    questions = step.locator("[data-field]").evaluate_all(f"qs => qs.map({DESCRIBE})")
    now = step.evaluate(SHOWN_NOW)
    answered = set()
    for index, asked in enumerate(questions):
        field = asked["field"]
        item = step.locator(f"[data-field='{field}']")
        if field in answers:
            assert now["shown"][index], f"the question {field} is not shown"
            tap_answer(item, answers[field], asked=asked)
            if changes_what_is_shown(field):  # it may show questions, or the stop
                now = step.evaluate(SHOWN_NOW)
                if now["stop"]:
                    continue_past_the_stop(page)
                    now = step.evaluate(SHOWN_NOW)
            answered.add(field)
        elif all_shown and now["shown"][index] and asked["widget"] != "checkbox":
            usual = usual_answer(field)
            if asked["noneOf"]:
                press(item.locator("label:has([data-none-of])"))
            elif usual not in (None, []):
                tap_answer(item, usual, asked=asked)
            else:
                continue
            if changes_what_is_shown(field):
                now = step.evaluate(SHOWN_NOW)
    if all_shown and step.evaluate("""(step) => step.querySelector("[data-none-of-section]")
            !== null && !step.querySelector("[data-widget='checkbox'] input:checked")"""):
        press(step.locator("label:has([data-none-of-section])"))
    return answered


def step_of(field: str) -> int:
    """The number of the step that asks a question: one step per section."""
    from checker.questions import QUESTIONS_BY_ID, SECTIONS
    return [section.id for section in SECTIONS].index(QUESTIONS_BY_ID[field].section) + 1


def answer_up_to(page: Page, field: str, answers: dict | None = None) -> None:
    """From the step shown, answer each step before the one that asks ``field`` (with
    ``answers`` where they are asked, the usual answer elsewhere), and stop on it."""
    while step_number(page) < step_of(field):
        answer_step(page, answers or {})
        next_step(page)


def change_answer(page: Page, field: str) -> None:
    """On the review, tap the "Change" of a question's answer, opening the fold of the
    usual answers first if the answer is in it."""
    change = shown_step(page).locator(f"[data-change='{field}']")
    if not change.is_visible():
        press(shown_step(page).locator("details.checker-review__rest > summary"))
    press(change)


def next_step(page: Page) -> None:
    """Tap Next and wait for the next step."""
    number = step_number(page)
    press(button(page, "next"))
    expect(page.locator(f".checker-step[data-step='{number + 1}']")).to_be_visible()


def enter_answers(page: Page, answers: dict) -> None:
    """From the first step, answer every step by tapping, up to the review."""
    answered: set[str] = set()
    while step_number(page) < step_count(page):
        answered |= answer_step(page, answers)
        next_step(page)
    assert answered == set(answers), f"never asked: {set(answers) - answered}"


def see_result(page: Page) -> Locator:
    """On the review, tap "See my advice" and wait for the result."""
    press(button(page, "check"))
    result = page.locator("#checker-result[data-level]")
    result.wait_for(timeout=ENGINE_TIMEOUT)
    return result
