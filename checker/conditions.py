"""A tiny vocabulary of declarative conditions over the answers.

Each condition can say whether it holds for a set of answers, and can describe
itself in plain words from the question data, so the generated documentation of
the rules cannot drift from the rules themselves. A condition that names an
unknown field or choice, or a number its question cannot take, fails when it is
built, not when it is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .course import EASING_BY_HOURS
from .questions import BOOLEAN, CHOICE, INTEGER, MULTI_CHOICE, QUESTIONS_BY_ID, Question
from .wording import lower_first


class Condition:
    """Base class: something that is true or false for a set of answers."""

    def holds(self, answers: Mapping[str, Any]) -> bool:
        """Return True if the condition is true for these (validated) answers."""
        raise NotImplementedError

    def describe(self) -> str:
        """Return the condition in plain words."""
        raise NotImplementedError

    def describe_negated(self) -> str:
        """Return the opposite of the condition in plain words."""
        raise NotImplementedError

    def mentions(self) -> dict[str, frozenset[str]]:
        """Return the fields the condition looks at, each with the values it names."""
        raise NotImplementedError

    @property
    def is_compound(self) -> bool:
        """Return True if the condition joins several parts (so may need brackets)."""
        return False


# ---------------------------------------------------------------------------
# Conditions on one answer

@dataclass(frozen=True, init=False)
class OneOf(Condition):
    """A choice answer is one of ``values``."""

    field: str
    values: tuple[str, ...]

    def __init__(self, field: str, *values: str) -> None:
        check_values(question_for(field, CHOICE), values)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "values", values)

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return answers[self.field] in self.values

    def describe(self) -> str:
        question = QUESTIONS_BY_ID[self.field]
        return f"{question.topic}: {labels(question, self.values)}"

    def describe_negated(self) -> str:
        question = QUESTIONS_BY_ID[self.field]
        others = tuple(value for value in question.values if value not in self.values)
        return f"{question.topic}: {labels(question, others)}"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.field: frozenset(self.values)}


class Is(OneOf):
    """A boolean answer is true (or ``value``), or a choice answer is ``value``."""

    def __init__(self, field: str, value: str | bool = True) -> None:
        if question_for(field, BOOLEAN, CHOICE).kind == CHOICE:
            if not isinstance(value, str):
                raise ValueError(f"Is({field!r}, ...): the value must be one of the choices")
            super().__init__(field, value)
        elif not isinstance(value, bool):
            raise ValueError(f"Is({field!r}, ...): the value must be True or False")
        else:
            object.__setattr__(self, "field", field)
            object.__setattr__(self, "values", (value,))

    def describe(self) -> str:
        question = QUESTIONS_BY_ID[self.field]
        if question.kind == BOOLEAN:
            return question.topic if self.values[0] else f"not {question.topic}"
        return super().describe()

    def describe_negated(self) -> str:
        if QUESTIONS_BY_ID[self.field].kind == BOOLEAN:
            return Is(self.field, not self.values[0]).describe()
        return super().describe_negated()


@dataclass(frozen=True)
class Comparison(Condition):
    """A number answer compared with ``number``; subclasses say how, in code and words."""

    field: str
    number: int
    words = ("", "")  # how to say it, and its opposite, with {} for the number

    def __post_init__(self) -> None:
        question = question_for(self.field, INTEGER)
        low, high = question.minimum, question.maximum
        if (low is not None and self.number < low) or (high is not None and self.number > high):
            raise ValueError(f"condition on {self.field!r}: {self.number} is outside its "
                             f"range, {low} to {high}")

    def describe(self) -> str:
        return self.say(self.words[0])

    def describe_negated(self) -> str:
        return self.say(self.words[1])

    def say(self, words: str) -> str:
        """Return the comparison in words, naming the band that starts at the number."""
        question = QUESTIONS_BY_ID[self.field]
        text = f"{question.topic} {words.format(question.label(self.number))}"
        band = question.band(self.number)
        if band is not None and band.minimum == self.number and self.words[0] in words:
            text += f" ({band.word})"
        return text

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.field: frozenset()}


class AtLeast(Comparison):
    """A number answer is ``number`` or more."""

    words = ("is at least {}", "is less than {}")

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return bool(answers[self.field] >= self.number)


class Above(Comparison):
    """A number answer is more than ``number``."""

    words = ("is more than {}", "is at most {}")

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return bool(answers[self.field] > self.number)


@dataclass(frozen=True, init=False)
class Includes(Condition):
    """A list answer includes at least one of ``values``."""

    field: str
    values: tuple[str, ...]

    def __init__(self, field: str, *values: str) -> None:
        check_values(question_for(field, MULTI_CHOICE), values)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "values", values)

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return any(value in answers[self.field] for value in self.values)

    def describe(self) -> str:
        return self.say("include")

    def describe_negated(self) -> str:
        return self.say("do not include")

    def say(self, verb: str) -> str:
        question = QUESTIONS_BY_ID[self.field]
        which = "" if len(self.values) == 1 else "any of "
        return f"{question.topic} {verb} {which}{labels(question, self.values)}"

    def mentions(self) -> dict[str, frozenset[str]]:
        return {self.field: frozenset(self.values)}


# ---------------------------------------------------------------------------
# Combinations

@dataclass(frozen=True, init=False)
class Combination(Condition):
    """Several conditions joined; subclasses say how, in code and words."""

    conditions: tuple[Condition, ...]
    joiners = ("", "")  # the word between the parts, and between their opposites

    def __init__(self, *conditions: Condition) -> None:
        if not conditions or not all(isinstance(item, Condition) for item in conditions):
            raise ValueError(f"{type(self).__name__}(...) needs one or more conditions")
        object.__setattr__(self, "conditions", conditions)

    def describe(self) -> str:
        return f" {self.joiners[0]} ".join(part(condition.describe(), condition)
                                          for condition in self.conditions)

    def describe_negated(self) -> str:
        return f" {self.joiners[1]} ".join(part(condition.describe_negated(), condition)
                                          for condition in self.conditions)

    def mentions(self) -> dict[str, frozenset[str]]:
        merged: dict[str, frozenset[str]] = {}
        for condition in self.conditions:
            for field, values in condition.mentions().items():
                merged[field] = merged.get(field, frozenset()) | values
        return merged

    @property
    def is_compound(self) -> bool:
        return len(self.conditions) > 1


class AnyOf(Combination):
    """At least one of the conditions holds."""

    joiners = ("or", "and")

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return any(condition.holds(answers) for condition in self.conditions)


class AllOf(Combination):
    """Every one of the conditions holds."""

    joiners = ("and", "or")

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return all(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class Not(Condition):
    """The condition does not hold."""

    condition: Condition

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return not self.condition.holds(answers)

    def describe(self) -> str:
        return self.condition.describe_negated()

    def describe_negated(self) -> str:
        return self.condition.describe()

    def mentions(self) -> dict[str, frozenset[str]]:
        return self.condition.mentions()

    @property
    def is_compound(self) -> bool:
        return self.condition.is_compound


# ---------------------------------------------------------------------------
# Checks and wording

def question_for(field: str, *kinds: str) -> Question:
    """Return the question for ``field``; raise ValueError if unknown or of another kind."""
    question = QUESTIONS_BY_ID.get(field)
    if question is None:
        raise ValueError(f"condition on unknown field {field!r}")
    if question.kind not in kinds:
        raise ValueError(f"condition on {field!r} needs a question of kind "
                         f"{' or '.join(kinds)}, not {question.kind}")
    return question


def check_values(question: Question, values: tuple[str, ...]) -> None:
    """Raise ValueError unless ``values`` is a non-empty tuple of the question's choices."""
    unknown = [value for value in values if value not in question.values]
    if not values or unknown:
        raise ValueError(f"condition on {question.id!r}: unknown or missing choice(s) {unknown}")


def part(text: str, condition: Condition) -> str:
    """Return one part of a combination's description, in brackets if it has its own
    "and", "or" or comma outside quotes (a combination, several choices, or a topic
    such as "a, b or c")."""
    unquoted = re.sub("“[^”]*”", "“”", text)
    plain = not condition.is_compound and not any(
        separator in unquoted for separator in (" or ", " and ", ","))
    return text if plain else f"({text})"


def labels(question: Question, values: tuple[str | bool, ...]) -> str:
    """Return the values' labels, quoted and joined with "or"."""
    return " or ".join(f"“{lower_first(question.label(value))}”" for value in values)


# ---------------------------------------------------------------------------
# Data: named conditions that the rules, the advice and the causes share

# "fever present" in the policy: a temperature of 37.5 °C or more.
FEVER = Not(Is("fever", "none"))
# Bleeding risk: blood thinners or a bleeding disorder.
BLEEDING_RISK = AnyOf(Is("anticoagulants"), Includes("conditions", "bleeding_disorder"))
# Severe pain, by the pain scale's bands (7 to 10).
SEVERE = AtLeast("severity", 7)
# Within two days of the massage, when bruising and swelling are fresh.
FRESH = Not(Above("hours_since_massage", EASING_BY_HOURS))
# A known condition that a doctor should check before any more massage (the choices the
# question flags): rule D14, and massage despite a contraindication as a likely cause.
ASK_A_DOCTOR_FIRST = Includes("conditions", *QUESTIONS_BY_ID["conditions"].ask_a_doctor)
