# Generates the page "How the checker decides" (checker/how-it-decides.md) from
# the checker's own data: its levels, its rule table, the advice that depends on
# the answers and its questions. The page cannot drift from the engine because
# both read the same tables. Nothing is written to docs/.

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from build_scripts.article_links import cited_link
from build_scripts.jinja_env import render
from checker.advice import ADVICE, WATCH_FOR, Tip
from checker.levels import LEVEL_IDS, LEVELS
from checker.questions import (
    BOOLEAN,
    CHOICE,
    INTEGER,
    MULTI_CHOICE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    SECTIONS,
    SECTIONS_BY_ID,
    Question,
)
from checker.result import POLICY_VERSION
from checker.rules import RETIRED_IDS, RULES, Rule
from checker.wording import upper_first

# ---------------------------------------------------------------------------
# Hooks

# Add the generated page to the files MkDocs builds.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, PAGE, content=render_page()))
    return files


# ---------------------------------------------------------------------------
# Page

# Return the page's Markdown, rendered from the checker's data.
def render_page() -> str:
    return render(TEMPLATE, **page_data())


# Return the plain data the template shows: levels, rules by level, questions.
def page_data() -> dict[str, Any]:
    return {
        "levels": [{
            "id": level.id,
            "headline": level.headline,
            "action": level.action,
            "massage": level.massage,
            "rules": [rule_data(rule) for rule in RULES if rule.level == level.id],
        } for level in LEVELS],
        "fitted_advice": [tip_data(tip) for tip in (*ADVICE, *WATCH_FOR) if tip.when is not None],
        "questions": [question_data(question) for question in QUESTIONS],
        "required": [f"`{question.id}`" for question in QUESTIONS if question.required],
        "policy": POLICY_VERSION,
        "retired": sorted(RETIRED_IDS, key=lambda rule_id: (rule_id[0], int(rule_id[1:]))),
    }


# Return one rule as plain data, its source as a relative Markdown link.
def rule_data(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "condition": upper_first(rule.condition.describe()),
        "reason": rule.reason.format_map({field: f"`{{{field}}}`"
                                          for field in rule.reason_fields()}),
        "link": cited_link(rule.source, PAGE),
    }


# Return a tip that depends on the answers as plain data: when it is given (the answers,
# and the levels of the results it is in), and its words.
def tip_data(tip: Tip) -> dict[str, Any]:
    assert tip.when is not None
    return {"when": upper_first(tip.when.describe()), "text": tip.text,
            "levels": [level for level in LEVEL_IDS if level in tip.levels]}


# Return one question as plain data: its wording, allowed answers and default.
def question_data(question: Question) -> dict[str, Any]:
    if question.kind == INTEGER:
        answers = [f"a whole number from {question.minimum} to {question.maximum}"]
        if question.parts:
            answers.append("asked as " + " and ".join(part.many for part in question.parts))
    elif question.kind == BOOLEAN:
        answers = ["`true` (yes)", "`false` (no)"]
    else:
        answers = [f"`{value}`: {label}" for value, label in question.choices]
    if question.required:
        default = "required"
    elif question.kind == MULTI_CHOICE:
        default = "none (`[]`)"
    elif question.kind == BOOLEAN:
        default = f"`{str(question.default).lower()}`"
    else:
        default = f"`{question.default}`"
    return {"id": question.id, "text": question.text, "answers": answers,
            "list": question.kind == MULTI_CHOICE, "default": default, "why": question.why,
            "form": how_the_form_asks(question)}


# Return how the form asks a question: its step, and how it is answered there, from
# the same question data the form is drawn from ("Step 2, More signs that need help
# now: Yes or No").
def how_the_form_asks(question: Question) -> str:
    section = SECTIONS_BY_ID[question.section]
    if question.asked_as_list:
        how = f'a box to tick, or "{section.none_label}" for the whole list'
    elif question.kind == BOOLEAN:
        how = "Yes or No"
    elif question.kind == CHOICE:
        how = "one answer; none is chosen for you"
    elif question.kind == MULTI_CHOICE:
        how = f'any that apply, or "{question.none_label}"' if question.none_label else (
            "any that apply, or none")
    else:
        how = "typed in " + " and ".join(part.many for part in question.parts) if (
            question.parts) else "a score to tap"
    if question.unsure:
        how += f', or "{question.unsure}", which leaves it out'
    if question.show_if:
        how += f"; asked only after {shown_after(question.show_if)}"
    return f"Step {SECTIONS.index(section) + 1}, {section.title}: {how}"


# Return the answers that show a question in words: "Yes" to "Are you pregnant?";
# "37.5 to 37.9 °C" or "38 °C or more" to "Do you have a raised temperature?".
def shown_after(show_if: tuple[str, ...]) -> str:
    answers: dict[str, list[str]] = {}
    for token in show_if:
        field, _, value = token.partition("=")
        question = QUESTIONS_BY_ID[field]
        if question.kind == BOOLEAN:
            answers.setdefault(field, []).append("Yes" if value in ("", "true") else "No")
        else:
            answers.setdefault(field, []).append(question.label(value))
    return "; or ".join(" or ".join(f'"{answer}"' for answer in given)
                        + f' to "{QUESTIONS_BY_ID[field].text}"'
                        for field, given in answers.items())


# ---------------------------------------------------------------------------
# Data

PAGE = "checker/how-it-decides.md"
TEMPLATE = "how_it_decides.md.j2"
