"""The result of an assessment, and its JSON form (spec section 4)."""

from __future__ import annotations

from dataclasses import dataclass

from .causes import Cause


@dataclass(frozen=True)
class Reason:
    """A rule that fired, in the words shown to the person."""

    rule: str
    level: str
    text: str
    source: str

    def to_dict(self) -> dict:
        """Return the reason as JSON-ready data."""
        return {"rule": self.rule, "level": self.level, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Result:
    """How soon to get help, why, and what to do meanwhile.

    ``reasons`` lists every rule that fired, most urgent level first, then in
    rule-table order. ``watch_for`` is never empty.
    """

    level: str
    headline: str
    action: str
    reasons: tuple[Reason, ...]
    advice: tuple[str, ...]
    watch_for: tuple[str, ...]
    pause_massage: bool
    likely_causes: tuple[Cause, ...]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Return the ids of the rules that fired, in the order of ``reasons``."""
        return tuple(reason.rule for reason in self.reasons)

    def to_dict(self) -> dict:
        """Return the result as JSON-ready data: the same keys the command line prints."""
        return {
            "level": self.level,
            "headline": self.headline,
            "action": self.action,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "advice": list(self.advice),
            "watch_for": list(self.watch_for),
            "pause_massage": self.pause_massage,
            "likely_causes": [cause.to_dict() for cause in self.likely_causes],
        }
