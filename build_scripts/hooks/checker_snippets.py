# Text that pages take from the checker's own data, so that it cannot drift:
# every list of warning signs on the site (from the rule table), every
# instruction sentence that belongs to a triage level, the pain scale in words
# (from the question data) and the emergency numbers (from their table). A page
# asks for one with a marker, in the manner of mkdocs-material's shortcodes:
#
#   <!-- warning-signs: emergency -->   the box of a level's signs (emergency, urgent, doctor)
#   <!-- level-action: doctor -->       the level's instruction, as a sentence (with its
#                                       call buttons where it is a call: emergency, urgent)
#   <!-- pain-scale -->                 the bands of the pain score, as a table
#   <!-- when-to-get-help -->           the "When to get help" block under a health page's
#                                       answer: each level's commonest signs, calmest first
#                                       (build_scripts/when_to_get_help.py)
#   <!-- emergency-numbers -->          the emergency numbers in words, from their table
#                                       (also in the footer's copyright line, mkdocs.yml)
#
# Theme templates (the 404 page, the checker's fallback) include the same
# partial as the boxes, partials/warning-signs.html. Adding or changing a rule
# changes every page that shows it, with no other edit. An unknown marker stops
# the build.

from __future__ import annotations

import re

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts.call_buttons import CALLED_LEVELS, call_buttons, table_json
from build_scripts.warning_signs import LISTED_LEVELS, render_box, warning_signs
from build_scripts.when_to_get_help import block, problems
from checker.emergency_numbers import numbers_in_words
from checker.i18n import _
from checker.levels import LEVELS_BY_ID
from checker.questions import QUESTIONS_BY_ID
from checker.wording import upper_first

# ---------------------------------------------------------------------------
# Hooks

# Put the emergency numbers into the footer's copyright line, where mkdocs.yml asks.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.copyright:
        config.copyright = config.copyright.replace(NUMBERS_MARKER, numbers_in_words())
    return config


# Give theme templates the lists, for {% include "partials/warning-signs.html" %}.
def on_env(env: jinja2.Environment, *, config: MkDocsConfig,
           files: Files) -> jinja2.Environment:
    env.globals["warning_signs"] = warning_signs()
    env.globals["call_buttons"] = call_buttons
    env.globals["call_table"] = table_json()
    return env


# Replace the markers in a page's Markdown with the text they stand for.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, level = match["kind"] or match["whole"] or match["numbers"], match["level"]
        if kind == "pain-scale":
            return "\n\n" + pain_scale() + "\n\n"
        if kind == NUMBERS:
            return numbers_in_words()
        if kind == "when-to-get-help":
            wrong = problems()
            if wrong:
                raise PluginError("build_scripts/commonest_signs.py: " + "; ".join(wrong))
            return "\n\n" + block(page.url) + "\n\n"
        allowed = LISTED_LEVELS if kind == "warning-signs" else LEVELS_BY_ID
        if level not in allowed:
            raise PluginError(f"{page.file.src_uri}: unknown level {level!r} in "
                              f"'{match[0]}'; use one of {sorted(allowed)}")
        if kind == "level-action":
            action = LEVELS_BY_ID[level].action
            return f"{action} {call_buttons(level)}" if level in CALLED_LEVELS else action
        return f"\n\n{render_box(level, page, config)}\n\n"

    for found in ANY_MARKER.finditer(markdown):
        if not MARKER.fullmatch(found[0]):
            raise PluginError(f"{page.file.src_uri}: unknown marker {found[0]!r}; use "
                              "<!-- warning-signs: LEVEL -->, <!-- level-action: LEVEL -->, "
                              f"<!-- pain-scale -->, <!-- when-to-get-help --> or {NUMBERS_MARKER}")
    return MARKER.sub(replace, markdown)


# ---------------------------------------------------------------------------
# The snippets

def pain_scale() -> str:
    """Return the pain score's bands as a Markdown table: words first, then numbers."""
    rows = [f"| **{upper_first(_(band.word))}** | "
            f"{_('{low} to {high}').format(low=band.minimum, high=band.maximum)} "
            f"| {_(band.meaning)} |"
            for band in QUESTIONS_BY_ID["severity"].bands if band.minimum > 0]
    heading = f"| {_('Pain')} | {_('Score out of 10')} | {_('What it is like')} |"
    return "\n".join([heading, "|---|---|---|", *rows])


# ---------------------------------------------------------------------------
# Data

NUMBERS = "emergency-numbers"
NUMBERS_MARKER = f"<!-- {NUMBERS} -->"
MARKER = re.compile(r"<!-- (?:(?P<kind>warning-signs|level-action): (?P<level>[a-z_]+)"
                    rf"|(?P<whole>pain-scale|when-to-get-help)|(?P<numbers>{NUMBERS})) -->")
ANY_MARKER = re.compile(r"<!--\s*(?:warning|level|pain|when|emergency)[-\w]*.*?-->", re.DOTALL)
