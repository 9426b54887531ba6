"""The triage engine: answers in, result out. Pure functions, no I/O."""

from __future__ import annotations

from .advice import advice_for, get_help_sooner, safety_net
from .answers import Answers, validate
from .causes import causes_for
from .course import HOURS_FIELD, PAIN_FIELD, reader_on_course
from .i18n import SOURCE_LANGUAGE, _, speaking
from .levels import LEVEL_IDS, LEVELS_BY_ID, most_urgent
from .result import Reason, Result
from .rules import RULES, Rule


def rules_that_fire(answers: Answers) -> tuple[Rule, ...]:
    """Return the rules that fire for validated answers, most urgent level first."""
    fired = [rule for rule in RULES if rule.fires(answers)]
    return tuple(sorted(fired, key=lambda rule: LEVEL_IDS.index(rule.level)))


def assess(data: object, language: str = SOURCE_LANGUAGE) -> Result:
    """Return the triage result for a mapping of answers, in ``language``.

    The level is the most urgent level among the rules that fire, or
    ``self_care`` when none does; the language changes only the words. Raises
    InvalidAnswers if the answers are not valid (see :func:`checker.validate`), and
    UnknownLanguage for a language the checker does not speak.
    """
    with speaking(language):
        answers = validate(data)
        fired = rules_that_fire(answers)
        return result_for(answers, fired, language)


def result_for(answers: Answers, fired: tuple[Rule, ...], language: str) -> Result:
    """Return the result for validated answers and the rules they fire, in the words
    of the language being spoken."""
    level = LEVELS_BY_ID[most_urgent(rule.level for rule in fired)]
    return Result(
        language=language,
        level=level.id,
        headline=_(level.headline),
        action=level.action,
        reasons=tuple(Reason(rule=rule.id, level=rule.level, text=rule.reason_for(answers),
                             source=rule.source) for rule in fired),
        advice=advice_for(answers, level.id),
        safety_net=safety_net(answers, level.id),
        pause_massage=level.pause_massage,
        massage=_(level.massage),
        likely_causes=causes_for(answers, level.id),
        get_help_sooner=get_help_sooner(answers, level.id),
        course=reader_on_course(answers[HOURS_FIELD], answers[PAIN_FIELD], level.id),
    )
