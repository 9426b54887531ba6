"""The result of an assessment, and its JSON form (spec section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .advice import SafetyNetLine
from .causes import Cause
from .citations import Citation
from .course import SOURCE as COURSE_SOURCE
from .i18n import _, speaking

# The triage policy the results follow (the spec's "policy v3").
POLICY_VERSION = "3"


@dataclass(frozen=True, kw_only=True)
class Reason:
    """A rule that fired, in the words shown to the person."""

    rule: str
    level: str
    text: str
    source: Citation

    def to_dict(self) -> dict[str, Any]:
        """Return the reason as JSON-ready data."""
        return {"rule": self.rule, "level": self.level, "text": self.text,
                "source": self.source.link}


@dataclass(frozen=True)
class Result:
    """How soon to get help, why, and what to do meanwhile.

    ``reasons`` lists every rule that fired, most urgent level first, then in
    rule-table order. ``safety_net`` is never empty; ``watch_for`` is the same
    lines as sentences.
    """

    level: str
    headline: str
    action: str
    reasons: tuple[Reason, ...]
    advice: tuple[str, ...]
    safety_net: tuple[SafetyNetLine, ...]
    pause_massage: bool
    # What the level says about more massage, in its one sentence.
    massage: str
    likely_causes: tuple[Cause, ...]
    # The few points of the safety-netting that fit the answers, for the top of the page.
    get_help_sooner: tuple[str, ...] = ()
    # The reader's point and phase on the usual course of soreness, or None.
    course: dict[str, Any] | None = None
    # The language of its words ("en", "ru"): the level and the rules are the same in all.
    language: str = "en"

    @property
    def watch_for(self) -> tuple[str, ...]:
        """Return the safety-netting as sentences."""
        return tuple(line.sentence() for line in self.safety_net)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data: the same keys the command line prints."""
        with speaking(self.language):
            return self._as_dict()

    def _as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "headline": self.headline,
            "action": self.action,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "advice": list(self.advice),
            "watch_for": list(self.watch_for),
            "safety_net": [line.to_dict() for line in self.safety_net],
            "pause_massage": self.pause_massage,
            "massage": self.massage,
            "likely_causes": [cause.to_dict() for cause in self.likely_causes],
            "policy": POLICY_VERSION,
            "get_help_sooner": list(self.get_help_sooner),
            "course": dict(self.course) if self.course else None,
            "citations": self.citations(),
            "language": self.language,
        }

    def citations(self) -> list[dict[str, str]]:
        """Return the article sections the result cites, once each, in the order the
        page shows them: the reasons, the usual course, the likely causes."""
        cited: dict[Citation, str] = {}
        for reason in self.reasons:
            cited.setdefault(reason.source, reason.text)
        if self.course:
            cited.setdefault(COURSE_SOURCE, _("How soreness usually runs"))
        for cause in self.likely_causes:
            cited.setdefault(cause.source, cause.title)
        return [{"source": citation.link, "for": words} for citation, words in cited.items()]
