"""Data: the few warning signs of each level that the "When to get help" block shows
near the top of every health page (build_scripts/when_to_get_help.py).

The levels come in the NHS's order, the calmest first: book an appointment if...,
see a doctor today if..., call the emergency number if... Each level names four
to six rules of checker/rules.py, the commonest signs first; the words shown are
the rules' own signs, and every other sign of the level is one link away, in the
section of warning-signs.md named here.
"""

from __future__ import annotations

from checker.levels import DOCTOR, EMERGENCY, URGENT

# (level, the rule ids of its commonest signs, in the order shown)
COMMONEST_SIGNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Pain that lasts or grows, is severe, is not eased, or spreads down a limb.
    (DOCTOR, ("D4", "D6", "D13", "D3", "D7")),
    # A fever, the neck's warning signs, numbness that grows, pain nothing eases, the belly.
    (URGENT, ("U4", "U11", "U1", "U10", "U6")),
    # The emergency signs of general back-pain advice: nerves, bladder, legs, chest.
    (EMERGENCY, ("E1", "E2", "E3", "E6", "E5")),
)

# The section of warning-signs.md that lists every sign of a level.
LEVEL_SECTIONS = {DOCTOR: "book-appointment", URGENT: "urgent", EMERGENCY: "emergency"}

# How many signs a level shows: enough to be useful, few enough to read on a phone.
FEWEST_SIGNS = 4
MOST_SIGNS = 6
