"""The "When to get help" block that every health page shows just under its answer.

In the NHS's order and shape: book an appointment if..., see a doctor today if...,
call the emergency number if... Each level shows its commonest signs (the rule ids
in build_scripts/commonest_signs.py), in the rules' own words, each linking to the
section of warning-signs.md that explains it, and a link to all of the level's
signs. A page asks for the block with the marker <!-- when-to-get-help -->
(hooks/checker_snippets.py); the full box of emergency signs stays further down.
"""

from __future__ import annotations

from typing import Any

from mkdocs.utils import get_relative_url

from build_scripts.article_links import cited_url
from build_scripts.call_buttons import CALLED_LEVELS, call_buttons
from build_scripts.commonest_signs import (
    COMMONEST_SIGNS,
    FEWEST_SIGNS,
    LEVEL_SECTIONS,
    MOST_SIGNS,
)
from build_scripts.jinja_env import render
from checker.i18n import N_, _, ngettext
from checker.levels import LEVELS_BY_ID
from checker.rules import RULES_BY_ID, rules_at
from checker.wording import lower_first

HEADING = N_("When to get help")
ANCHOR = "when-to-get-help"
TEMPLATE = "when_to_get_help.html.j2"
# Where every sign is explained, as a page's URL.
WARNING_SIGNS_URL = "warning-signs/"


def problems(commonest: tuple[tuple[str, tuple[str, ...]], ...] = COMMONEST_SIGNS) -> list[str]:
    """Return what is wrong with a choice of commonest signs: an unknown rule, a
    rule of another level, a rule named twice, too few or too many signs, or a
    level with no section of its own on warning-signs.md."""
    found = []
    for level, rule_ids in commonest:
        if level not in LEVEL_SECTIONS:
            found.append(f"{level}: no section of warning-signs.md lists its signs")
        if not FEWEST_SIGNS <= len(rule_ids) <= MOST_SIGNS:
            found.append(f"{level}: {len(rule_ids)} signs; show {FEWEST_SIGNS} to {MOST_SIGNS}")
        if len(set(rule_ids)) != len(rule_ids):
            found.append(f"{level}: a rule is named twice")
        for rule_id in rule_ids:
            rule = RULES_BY_ID.get(rule_id)
            if rule is None:
                found.append(f"{level}: {rule_id} is not a rule")
            elif rule.level != level:
                found.append(f"{level}: {rule_id} is a {rule.level} rule")
    return found


def help_levels(page_url: str) -> list[dict[str, Any]]:
    """Return each level of the block, calmest first: its title, its commonest signs
    (rule id, the rule's sign, a link to its section) and a link to all its signs,
    the links relative to the page at ``page_url``."""
    # On warning-signs.md itself, a link is to a section of the same page.
    warning_signs = "" if page_url == WARNING_SIGNS_URL else \
        get_relative_url(WARNING_SIGNS_URL, page_url)
    levels = []
    for level_id, rule_ids in COMMONEST_SIGNS:
        headline = _(LEVELS_BY_ID[level_id].headline)
        rules = [RULES_BY_ID[rule_id] for rule_id in rule_ids]
        count = len(rules_at(level_id))
        levels.append({
            "id": level_id,
            "title": _("{headline} if you have any of these").format(headline=headline),
            "signs": [{"rule": rule.id, "text": _(rule.sign),
                       "href": cited_url(rule.source, page_url)}
                      for rule in rules],
            # TRANSLATORS: "{headline}" is a level's headline, its first letter lower-cased.
            "all_text": ngettext("All {count} sign that means you should {headline}",
                                 "All {count} signs that mean you should {headline}",
                                 count).format(count=count, headline=lower_first(headline)),
            "all_href": f"{warning_signs}#{LEVEL_SECTIONS[level_id]}",
            # An instruction to call is a call button, as everywhere on the site.
            "call": call_buttons(level_id) if level_id in CALLED_LEVELS else "",
        })
    return levels


def block(page_url: str) -> str:
    """Return the block as Markdown: its heading, then the levels' HTML."""
    html = render(TEMPLATE, levels=help_levels(page_url)).strip()
    return f"## {_(HEADING)} {{#{ANCHOR}}}\n\n{html}"
