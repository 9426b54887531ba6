"""The call buttons beside every instruction to call: one large button with the
number the reader most likely needs, and the others in smaller type.

The build draws them for the table's default place (checker/emergency_numbers.py),
so that they work without JavaScript; on the device, assets/javascripts/call.js
guesses the place from the browser's time zone and languages (no request) and
draws them again the same way, from the same table, which every page carries
once (the script's data-table, docs/overrides/main.html).
"""

from __future__ import annotations

import json
from html import escape

from markupsafe import Markup

from checker.emergency_numbers import EMERGENCY_LINE, PLACES, PLACES_BY_ID, Place, call_table
from checker.i18n import _
from checker.levels import EMERGENCY, URGENT

# The levels whose instruction is a call, and the place's lines each calls.
CALLED_LEVELS = (EMERGENCY, URGENT)


def table_json() -> str:
    """Return the table as the JSON text the page's script reads."""
    return json.dumps(call_table(), separators=(",", ":"), ensure_ascii=False)


def others(place: Place) -> list[tuple[str, str]]:
    """Return the emergency numbers other than the place's first, each with who uses
    it ("103", "ambulance, Russia"): the place's own others first, then every other
    number in the table, in table order."""
    users: dict[str, list[str]] = {}
    for each in (place, *PLACES):
        for line in each.emergency:
            name = _(each.name) if line.name == EMERGENCY_LINE \
                else f"{_(line.name)}, {_(each.name)}"
            if name not in users.setdefault(line.number, []):
                users[line.number].append(name)
    first = place.emergency[0].number
    return [(number, ", ".join(names)) for number, names in users.items() if number != first]


def call_buttons(level: str, place_id: str | None = None) -> Markup:
    """Return the call buttons of a level for a place (the default place if None);
    hidden when the place has no line for the level (no national line for help today)."""
    place = PLACES_BY_ID[place_id or call_table()["default"]]
    lines = place.emergency if level == EMERGENCY else place.urgent
    if not lines:
        return Markup(f'<span class="call-now" data-call="{escape(level)}" hidden></span>')
    first = lines[0]
    words = call_table()["words"]
    label = words["call"].format(number=first.number) \
        + ("" if first.name == "emergency" else f" ({first.name})")
    parts = [f'<span class="call-now" data-call="{escape(level)}">',
             f'<a class="md-button md-button--primary call-now__button" '
             f'href="tel:{first.number}">{escape(label)}</a>']
    if level == EMERGENCY:
        links = ", ".join(f'<a href="tel:{number}">{number}</a> ({escape(names)})'
                          for number, names in others(place))
        parts.append(f'<span class="call-now__others">{escape(words["others"])} {links}.</span>')
    parts.append("</span>")
    return Markup("".join(parts))
