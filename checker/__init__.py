"""After the Massage: the symptom checker's triage engine.

``assess(answers)`` turns a mapping of answers into a :class:`Result`; invalid
answers raise :class:`InvalidAnswers`. The questions, levels, rules, advice and
causes are data in their own modules.
"""

from .answers import Answers, InvalidAnswers, validate
from .engine import assess
from .json_text import assess_json, assess_reply
from .levels import LEVELS, Level
from .questions import QUESTIONS, SECTIONS, Question, Section
from .result import Reason, Result
from .rules import RULES, Rule

__all__ = [
    "LEVELS",
    "QUESTIONS",
    "RULES",
    "SECTIONS",
    "Answers",
    "InvalidAnswers",
    "Level",
    "Question",
    "Reason",
    "Result",
    "Rule",
    "Section",
    "assess",
    "assess_json",
    "assess_reply",
    "validate",
]
