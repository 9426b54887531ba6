"""The four triage levels, most urgent first, as data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass
from types import MappingProxyType

from .emergency_numbers import numbers_in_words
from .i18n import _

EMERGENCY = "emergency"
URGENT = "urgent"
DOCTOR = "doctor"
SELF_CARE = "self_care"


@dataclass(frozen=True)
class Level:
    """A triage level: what the person is told, whether massage should stop, and the
    one sentence that says so (``massage``), wherever it is said."""

    id: str
    _: KW_ONLY
    headline: str
    # The action in words, with "{numbers}" where the emergency numbers go (see action).
    action_template: str
    pause_massage: bool
    massage: str

    @property
    def action(self) -> str:
        """Return what to do, in the language being spoken, with the emergency numbers
        of the places that language's readers are in."""
        return _(self.action_template).format(numbers=numbers_in_words())


# ---------------------------------------------------------------------------
# Data

# What a level says about more massage.
NO_MORE_MASSAGE = "Have no more massage until a doctor has checked you and says it is safe."
MASSAGE_AGAIN = "Massage again is fine once the soreness has gone: ask for lighter pressure."

# Ordered from most to least urgent; the action sentences are the spec's, with the
# numbers from the one table (emergency_numbers.py); the page shows call buttons beside.
LEVELS = (
    Level(EMERGENCY, headline="Call the emergency number now",
          action_template="Call the emergency number ({numbers}) or go to an emergency "
                          "department now.",
          pause_massage=True, massage=NO_MORE_MASSAGE),
    Level(URGENT, headline="See a doctor today",
          action_template="See a doctor today: same-day appointment, urgent care, or an "
                          "out-of-hours service.",
          pause_massage=True, massage=NO_MORE_MASSAGE),
    Level(DOCTOR, headline="Book a doctor's appointment",
          action_template="Book a doctor's appointment in the next few days; no more massage "
                          "until a doctor has looked at it.",
          pause_massage=True, massage=NO_MORE_MASSAGE),
    Level(SELF_CARE, headline="This looks like normal soreness",
          action_template="This fits ordinary post-massage soreness: self-care, and what "
                          "would change that.",
          pause_massage=False, massage=MASSAGE_AGAIN),
)

LEVEL_IDS = tuple(level.id for level in LEVELS)
LEVELS_BY_ID = MappingProxyType({level.id: level for level in LEVELS})

# Sets of levels that advice, safety-netting and causes are shown at.
ALL_LEVELS = frozenset(LEVEL_IDS)
NOT_EMERGENCY = frozenset({URGENT, DOCTOR, SELF_CARE})
CALM = frozenset({DOCTOR, SELF_CARE})


def most_urgent(level_ids: Iterable[str]) -> str:
    """Return the most urgent of the given level ids, or self_care if there are none."""
    return min(level_ids, key=LEVEL_IDS.index, default=SELF_CARE)
