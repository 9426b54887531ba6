"""The checker page's own words: what its script (assets/javascripts/checker.js) says
besides the engine's result, as data. The form carries them in the language of its
page (data-texts), from the same catalogs as every other text; the script fills in
the names in braces. The script holds no sentence of its own.
"""

from __future__ import annotations

from types import MappingProxyType

from checker.i18n import N_, _

TEXTS = MappingProxyType({
    # Answers in words, in the review and the printout.
    "yes": N_("Yes"),
    "no": N_("No"),
    "not_answered": N_("Not answered"),
    "none": N_("None"),
    # A number typed in parts: "2 days and 4 hours".
    "and": N_("{first} and {second}"),
    # The problems with an answer.
    "answer_this": N_("Please answer this question: \"{title}\""),
    "answer_list": N_("Please answer this question: \"{title}\" (choose \"{none}\" if none "
                      "apply)"),
    "tick_each": N_("Please tick each box that is true for you, or \"{none}\""),
    "check_number": N_("Please check this answer: \"{title}\" (type a whole number)"),
    "check_part": N_("Please check this answer: \"{title}\" ({box}: type a whole number from "
                     "{low} to {high})"),
    "check_answer": N_("Please check this answer: \"{title}\" ({problem})"),
    # The review.
    "change": N_("Change"),
    "change_label": N_("Change: {question}"),
    "said_no": N_("You said no to {count} others"),
    "other_answers": N_("Your {count} other answers (no, none or the usual answer)"),
    # The chart of the usual course.
    "chart_pain": N_("Pain"),
    "chart_time": N_("Time since the massage"),
    "chart_you": N_("You"),
    "chart_you_later": N_("You (later)"),
    "chart_label": N_("Chart of how ordinary soreness after a massage usually runs, with your "
                      "answers marked"),
    "course_title": N_("How soreness usually runs, and where you are"),
    "course_more": N_("Read more about the usual course"),
    # The result.
    "why": N_("Why"),
    "read_more": N_("Read more"),
    "read_more_label": N_("Read more: {text}"),
    "sooner": N_("Get help sooner"),
    "advice": N_("What to do now"),
    "folded": N_("More is folded below: tap a heading to open it."),
    "all_signs": N_("All the warning signs ({count})"),
    "watch_for": N_("What to watch for"),
    "causes": N_("What may be causing it"),
    "print": N_("Print or save for your doctor"),
    "change_answers": N_("Change my answers"),
    "start_again": N_("Start again"),
    # The printout.
    "printed": N_("Date: {date}. Checker policy version {policy}. Made on this device; nothing "
                  "was sent."),
    "answers": N_("The answers"),
    "massage_when": N_("Massage: about {date}."),
    "shapes": N_("(\u25B6 shapes the advice)"),
    "answered_no": N_("Answered no: {topics}."),
    "other": N_("Other answers: {answers}."),
    # While the engine works.
    "changed_meanwhile": N_("Your answers changed while the checker was loading. Press \"See my "
                            "advice\" again to see the result for them."),
    "still_loading": N_("The checker is still loading. Your result will appear here in a "
                        "moment."),
    "leave": N_("Leave the checker? Your answers will be lost."),
})


def page_texts() -> dict[str, str]:
    """Return the page's words in the language being spoken."""
    return {key: _(text) for key, text in TEXTS.items()}
