# Renders the symptom checker's form into the checker page at build time, from
# the question definitions in checker/ (no question, label or choice is written
# twice), with the warning signs shown when the engine cannot run. The form
# carries, as data, the names the page script needs: the kinds of question and
# the triage levels come from checker/, never as copies in the script.

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts.jinja_env import render
from build_scripts.site_layout import CHECKER_PAGE, package_name
from build_scripts.warning_signs import render_box
from checker.levels import EMERGENCY, LEVELS_BY_ID, URGENT
from checker.questions import (
    BOOLEAN,
    CHOICE,
    DANGER_SECTION,
    INTEGER,
    MULTI_CHOICE,
    QUESTIONS,
    SECTIONS,
    Question,
)

# ---------------------------------------------------------------------------
# Hooks


# Put the form where the checker page's marker stands; a missing marker stops the build.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != CHECKER_PAGE:
        return html
    if html.count(MARKER) != 1:
        raise PluginError(f"docs/{CHECKER_PAGE} must hold the marker {MARKER} exactly once")
    return html.replace(MARKER, render("checker_form.html.j2", **form_data(page, config)))


# ---------------------------------------------------------------------------
# The data the template receives

def form_data(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Return the plain data the form template renders: sections, questions, levels,
    the names the page script reads, and the boxes of warning signs for when the
    engine cannot run."""
    return {
        "package": package_name(),
        "kinds": json.dumps(KIND_NAMES),
        "emergency_section": DANGER_SECTION,
        "sections": [
            {"id": section.id, "title": section.title, "intro": section.intro,
             "questions": [question_data(question) for question in QUESTIONS
                           if question.section == section.id]}
            for section in SECTIONS
        ],
        "emergency": level_data(EMERGENCY),
        "warning_signs": [render_box(level, page, config) for level in (EMERGENCY, URGENT)],
    }


def question_data(question: Question) -> dict[str, Any]:
    """Return one question as the template needs it, with how to draw it."""
    data = question.to_dict()
    data["widget"] = widget_for(question)
    data["show_if"] = " ".join(question.show_if)
    return data


def widget_for(question: Question) -> str:
    """Return the form control for a question: checkbox, radios, checkboxes, scale or number."""
    if question.kind == INTEGER:
        assert question.minimum is not None and question.maximum is not None
        return "scale" if question.maximum - question.minimum <= 10 else "number"
    return WIDGETS[question.kind]


def level_data(level_id: str) -> dict[str, str]:
    """Return a level's headline and the instruction it gives."""
    level = LEVELS_BY_ID[level_id]
    return {"id": level.id, "headline": level.headline, "action": level.action}


# ---------------------------------------------------------------------------
# Data

MARKER = "<!-- checker:form -->"

WIDGETS = {BOOLEAN: "checkbox", CHOICE: "radios", MULTI_CHOICE: "checkboxes"}

# The kinds of question, under the names the page script reads them by.
KIND_NAMES = {"integer": INTEGER, "boolean": BOOLEAN, "choice": CHOICE,
              "multiChoice": MULTI_CHOICE}
