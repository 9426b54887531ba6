"""The lists of warning signs the site shows, from the checker's rule table.

Each listed level gets a box: its title, the signs of its rules (each linking to
the warning-signs section that explains it) and its instruction. Markdown pages
ask for a box with a marker (hooks/checker_snippets.py), theme templates include
the partial, and the checker page puts the boxes in its fallback: all of them
render the same partial, partials/warning-signs.html, with the theme's own
Jinja environment so that its ``url`` filter makes the links.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from build_scripts.call_buttons import CALLED_LEVELS, call_buttons, table_json
from checker.i18n import _
from checker.levels import LEVELS_BY_ID
from checker.rules import rules_at

PARTIAL = "partials/warning-signs.html"

# The levels whose signs are listed, with the admonition each box is drawn as.
LISTED_LEVELS = {"emergency": "danger", "urgent": "warning", "doctor": "note"}


def warning_signs() -> dict[str, dict]:
    """Return, for each listed level, its box title, instruction and signs (each
    with its rule id and the site-relative link to the section that explains it)."""
    lists = {}
    for level_id, admonition in LISTED_LEVELS.items():
        level = LEVELS_BY_ID[level_id]
        lists[level_id] = {
            "id": level_id,
            "title": _("{headline} if you have any of these").format(
                headline=_(level.headline)),
            "action": level.action,
            "admonition": admonition,
            # An instruction to call has its call buttons (call_buttons.py).
            "call": level_id in CALLED_LEVELS,
            "signs": [{"rule": rule.id, "text": _(rule.sign), "link": rule.source.link}
                      for rule in rules_at(level_id)],
        }
    return lists


def render_box(level: str, page, config) -> Markup:
    """Return the HTML box of a level's warning signs, its links relative to ``page``."""
    env = config.theme.get_env()
    env.globals["warning_signs"] = warning_signs()
    env.globals["call_buttons"] = call_buttons
    env.globals["call_table"] = table_json()
    return Markup(env.get_template(PARTIAL).render(
        level=level, page=page, base_url=get_relative_url(".", page.url), config=config,
    ).strip())
