# Renders the symptom checker's form into the checker page at build time, from
# the question definitions in checker/ (no question, label or choice is written
# twice), with the static warning signs shown when the engine cannot run.

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_scripts.warning_signs import render_box  # noqa: E402 - needs the path above
from checker.levels import LEVELS_BY_ID  # noqa: E402
from checker.questions import QUESTIONS, SECTIONS  # noqa: E402

templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(ROOT / "build_scripts" / "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=True,
)


# ---------------------------------------------------------------------------
# Hooks

# Put the form where the checker page's marker stands; a missing marker stops the build.
def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri != CHECKER_PAGE:
        return html
    if html.count(MARKER) != 1:
        raise PluginError(f"docs/{CHECKER_PAGE} must hold the marker {MARKER} exactly once")
    form = templates.get_template("checker_form.html.j2").render(form_data(page, config))
    return html.replace(MARKER, form)


# ---------------------------------------------------------------------------
# The data the template receives

def form_data(page, config) -> dict:
    """Return the plain data the form template renders: sections, questions, levels,
    and the boxes of warning signs for when the engine cannot run."""
    return {
        "package": tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"],
        "sections": [
            {"id": section.id, "title": section.title, "intro": section.intro,
             "questions": [question_data(question) for question in QUESTIONS
                           if question.section == section.id]}
            for section in SECTIONS
        ],
        "emergency": level_data("emergency"),
        "warning_signs": [render_box(level, page, config) for level in ("emergency", "urgent")],
    }


def question_data(question) -> dict:
    """Return one question as the template needs it, with how to draw it."""
    data = question.to_dict()
    data["widget"] = widget_for(question)
    data["show_if"] = " ".join(question.show_if)
    return data


def widget_for(question) -> str:
    """Return the form control for a question: checkbox, radios, checkboxes, scale or number."""
    if question.kind == "integer":
        return "scale" if question.maximum - question.minimum <= 10 else "number"
    return {"boolean": "checkbox", "choice": "radios", "multi-choice": "checkboxes"}[question.kind]


def level_data(level_id: str) -> dict:
    """Return a level's headline and the instruction it gives."""
    level = LEVELS_BY_ID[level_id]
    return {"id": level.id, "headline": level.headline, "action": level.action}


# ---------------------------------------------------------------------------
# Data

CHECKER_PAGE = "checker/index.md"
MARKER = "<!-- checker:form -->"
