"""How ordinary soreness after a massage usually runs, as numbers.

The rules (D4, D6, D8, U15, D5), the cold-or-warmth advice, the articles and the
checker page's chart of the usual course all use these hours, so that "normal
soreness is easing by two days and mostly gone by three" means the same
everywhere. tests/test_course.py holds the curve to the hours and to the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from .citations import Citation
from .i18n import _, ngettext
from .questions import QUESTIONS_BY_ID

# Ordinary soreness is at its worst from about a day after the massage.
WORST_FROM_HOURS = 24
# Ordinary soreness peaks within the first day or two and is easing by this time.
EASING_BY_HOURS = 48
# By this time it is mostly gone: pain that is not getting better needs a doctor.
GONE_BY_HOURS = 72
# Pain that is still there a week after the massage needs a doctor.
WEEK_HOURS = 168
# Any pain still there two weeks after the massage needs a doctor (rule D21).
TWO_WEEKS_HOURS = 336

# The answers that place a reader on the usual course: the hours since the massage,
# and the pain score.
HOURS_FIELD = "hours_since_massage"
PAIN_FIELD = "severity"

# Ordinary soreness is mild to moderate: at its worst, the top of the pain scale's
# "moderate" band. A score above it is a reason to see a doctor (rule D13).
USUAL_WORST_SEVERITY = next(band.maximum for band in QUESTIONS_BY_ID[PAIN_FIELD].bands
                            if band.word == "moderate")

# The usual course, drawn as a picture on the checker's result: (hours since the
# massage, how strong ordinary soreness is as a share of its worst). It starts
# within hours, is at its worst in the first day or two, is easing by
# EASING_BY_HOURS and is mostly gone by GONE_BY_HOURS. A schematic of the
# pattern the articles describe, not a measurement.
USUAL_COURSE: tuple[tuple[int, float], ...] = (
    (0, 0.0), (3, 0.25), (6, 0.45), (12, 0.75), (18, 0.92), (WORST_FROM_HOURS, 1.0),
    (36, 1.0), (EASING_BY_HOURS, 0.65), (60, 0.35), (GONE_BY_HOURS, 0.15), (84, 0.05),
    (96, 0.0),
)


@dataclass(frozen=True)
class Phase:
    """A stretch of the usual course in words: it holds until ``before_hours``
    (None: from then on)."""

    before_hours: int | None
    words: str

    def to_dict(self) -> dict[str, Any]:
        """Return the phase as JSON-ready data."""
        return {"before_hours": self.before_hours, "words": _(self.words)}


# What ordinary soreness is usually doing at a given time, to finish the sentence
# "At 20 hours, ordinary soreness ...".
PHASES = (
    Phase(WORST_FROM_HOURS, "is usually still building up"),
    Phase(EASING_BY_HOURS, "is usually at its worst"),
    Phase(GONE_BY_HOURS, "is usually easing"),
    Phase(None, "has usually gone, or nearly"),
)

# The article section that explains the usual course.
SOURCE = Citation("is-my-pain-normal", "timeline")

SUMMARY = ("Ordinary soreness after a massage starts within a few hours, is at its worst "
           f"in the first day or two, is easing by {EASING_BY_HOURS} hours "
           f"({EASING_BY_HOURS // 24} days) and has mostly gone by {GONE_BY_HOURS} hours "
           f"({GONE_BY_HOURS // 24} days). It is mild to moderate: at most about "
           f"{USUAL_WORST_SEVERITY} out of 10.")


# The results that show the usual course: never beside an emergency or urgent
# instruction, which nothing may distract from.
CHART_LEVELS = frozenset({"doctor", "self_care"})


def reader_on_course(hours: int, pain: int, level: str) -> dict[str, Any] | None:
    """Return the reader's point on the usual course and the phase it falls in,
    in words, for a result at ``level``; None where the result shows no course."""
    if level not in CHART_LEVELS:
        return None
    phase = _(phase_at(hours).words)
    # TRANSLATORS: "{phase}" is a phase of the course: "is usually at its worst".
    text = ngettext("You: {hours} hour after the massage, pain {pain} out of 10. At {hours} "
                    "hour, ordinary soreness {phase}.",
                    "You: {hours} hours after the massage, pain {pain} out of 10. At {hours} "
                    "hours, ordinary soreness {phase}.", hours)
    return {"hours": hours, "pain": pain, "phase": phase, "summary": _(SUMMARY),
            "source": SOURCE.link, "text": text.format(hours=hours, pain=pain, phase=phase)}


def phase_at(hours: int) -> Phase:
    """Return the phase of the usual course at ``hours`` since the massage."""
    return next(phase for phase in PHASES
                if phase.before_hours is None or hours < phase.before_hours)


def usual_share(hours: float) -> float:
    """Return how strong ordinary soreness usually is at ``hours``, as a share of
    its worst, reading between the points of the curve in straight lines."""
    for (h0, s0), (h1, s1) in pairwise(USUAL_COURSE):
        if h0 <= hours <= h1:
            return s0 + (s1 - s0) * (hours - h0) / (h1 - h0)
    return 0.0 if hours > USUAL_COURSE[-1][0] else USUAL_COURSE[0][1]


def usual_course() -> dict[str, Any]:
    """Return the usual course as JSON-ready data, for the page's chart."""
    return {
        "points": [[hours, share] for hours, share in USUAL_COURSE],
        "worst_severity": USUAL_WORST_SEVERITY,
        "phases": [phase.to_dict() for phase in PHASES],
        "summary": _(SUMMARY),
        "source": SOURCE.link,
    }
