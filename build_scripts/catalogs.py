"""The checker's translation catalogs, made with Babel.

    python -m build_scripts.catalogs extract   # write checker/locale/checker.pot
    python -m build_scripts.catalogs update    # merge it into each language's .po
    python -m build_scripts.catalogs compile   # write each language's .mo
    python -m build_scripts.catalogs check     # say what is missing, fuzzy or stale

The texts are data in the checker's modules (the question list, the rule table,
the tips, the causes, the levels), so the template is made by walking that data,
together with the texts that code marks with ``_()``, ``N_()`` or ``ngettext()``
(found by Babel's own extractor). The compiled ``.mo`` files ship inside the
package; ``check`` (run by the tests) fails when any of them is out of date.
"""

from __future__ import annotations

import io
import string
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from checker import advice, causes, course, emergency_numbers, levels, questions, rules
from checker.i18n import DOMAIN, LANGUAGES, LOCALE_FOLDER, SOURCE_LANGUAGE, catalog_path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "checker"
TEMPLATE = LOCALE_FOLDER / f"{DOMAIN}.pot"
PROJECT = "After the Massage checker"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
# The build's own templates write comments as {## ... ##} (build_scripts/jinja_env.py).
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "comment_start_string": "{##",
                 "comment_end_string": "##}"}
# A fixed date in the headers, so that making a catalog again from the same texts
# gives the same bytes.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
# The languages that have a catalog: every one but the source.
TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)

Message = str | tuple[str, str]


# ---------------------------------------------------------------------------
# The texts

def data_texts() -> Iterator[tuple[Message, str]]:
    """Yield every text of the checker's data a reader can see, with a note on what it
    is (for the translator)."""
    for section in questions.SECTIONS:
        yield section.title, f"the title of the form's step {section.id!r}"
        yield section.intro, f"the introduction of the form's step {section.id!r}"
        yield section.none_label, f"the 'none of these' box of step {section.id!r}"
    for question in questions.QUESTIONS:
        yield question.text, f"question {question.id!r}"
        yield question.help, f"the help under question {question.id!r}"
        yield question.why, f"why question {question.id!r} is asked"
        yield question.unsure, f"the 'not sure' answer of question {question.id!r}"
        yield question.none_label, f"the 'none of these' answer of question {question.id!r}"
        yield question.unit, f"the unit of the number answer {question.id!r}"
        yield question.topic, (f"question {question.id!r} in a few words, as the review and "
                               "the printout name it")
        for value, label in question.choices:
            yield label, f"an answer to question {question.id!r} ({value})"
        for band in question.bands:
            yield band.word, f"a named range of {question.id!r} ({band.minimum}-{band.maximum})"
            yield band.meaning, f"what the range {band.word!r} of {question.id!r} means"
        for part in question.parts:
            yield (part.one, part.many), f"a unit of the answer {question.id!r}, by number"
    for level in levels.LEVELS:
        yield level.headline, f"the headline of the level {level.id!r}"
        yield level.action_template, (f"what to do at the level {level.id!r}; {{numbers}} "
                                      "is the emergency numbers")
        yield level.massage, f"what the level {level.id!r} says about more massage"
    for rule in rules.RULES:
        yield rule.reason, (f"the reason rule {rule.id} gives; the names in braces are the "
                            "reader's answers")
        yield rule.sign, f"the warning sign of rule {rule.id}, as lists show it"
        yield rule.name, f"the name of rule {rule.id}, as the stop screen shows it"
    for name in ("ADVICE", "WHILE_YOU_WAIT", "WATCH_FOR", "SOONER"):
        for tip in getattr(advice, name):
            yield tip.text, f"advice ({name.lower().replace('_', ' ')})"
    for group in advice.WARNING_GROUPS:
        yield group.opening_template, (f"opens the list of the {group.level!r} signs; "
                                       "{numbers} is the emergency numbers")
    for cause in causes.CAUSES:
        yield cause.title, f"the title of the likely cause {cause.anchor!r}"
        yield cause.text, f"the likely cause {cause.anchor!r}"
    for phase in course.PHASES:
        yield phase.words, ("a phase of the usual course, after 'ordinary soreness': "
                            "'is usually at its worst'")
    yield course.SUMMARY, "how ordinary soreness usually runs"
    for place in emergency_numbers.PLACES:
        yield place.name, f"a place with its own emergency numbers ({place.id})"
        for line in (*place.emergency, *place.urgent):
            if line.name != emergency_numbers.EMERGENCY_LINE:
                yield line.name, f"the name of the number {line.number} ({place.id})"


def safety_critical_texts() -> Iterator[tuple[str, str]]:
    """Yield the texts whose translation is translated back into English by a second,
    independent translator (back-translations.yml), with what each is: every
    emergency and urgent sign and reason, each level's headline, action and word on
    more massage, and what the emergency and urgent results tell the reader to do."""
    for level in levels.LEVELS:
        yield level.headline, f"level {level.id}: headline"
        yield level.action_template, f"level {level.id}: action"
        yield level.massage, f"level {level.id}: more massage"
    for rule in rules.RULES:
        if rule.level in (levels.EMERGENCY, levels.URGENT):
            yield rule.sign, f"rule {rule.id}: sign"
            yield rule.reason, f"rule {rule.id}: reason"
    for group in advice.WARNING_GROUPS:
        yield group.opening_template, f"the {group.level} signs: opening"
    for level_id, action in advice.SOONER_ACTIONS.items():
        yield action, f"the {level_id} signs: what to do"
    for name in ("ADVICE", "WHILE_YOU_WAIT", "SOONER"):
        for tip in getattr(advice, name):
            if tip.levels & {levels.EMERGENCY, levels.URGENT}:
                yield tip.text, f"advice at {', '.join(sorted(tip.levels))}"


# Where else the site's words are written: the build's Python (marked with _(), N_()
# or ngettext()) and its templates and the theme's ({{ _("...") }}).
SITE_SOURCES = (("build_scripts", [("**.py", "python"), ("templates/**.j2", "jinja2")]),
                ("docs/overrides", [("**.html", "jinja2")]))


def template() -> Catalog:
    """Return the catalog template: every text, with where it is written."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False, charset="utf-8",
                      header_comment="# The checker's texts: made by build_scripts/catalogs.py.",
                      creation_date=STAMP, revision_date=STAMP)
    sources = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.glob("*.py"))}
    for message, note in data_texts():
        if message:
            catalog.add(message, locations=[where(message, sources)], auto_comments=[note])
    for folder, method_map in (("checker", [("**.py", "python")]), *SITE_SOURCES):
        for filename, lineno, found, comments, _context in extract_from_dir(
                str(ROOT / folder), method_map=method_map, keywords=KEYWORDS,
                comment_tags=COMMENT_TAGS, strip_comment_tags=True,
                options_map={"templates/**.j2": JINJA_OPTIONS, "**.html": JINJA_OPTIONS}):
            if found:
                catalog.add(found, locations=[(f"{folder}/{filename}", lineno)],
                            auto_comments=comments)
    return catalog


def where(message: Message, sources: dict[Path, str]) -> tuple[str, int]:
    """Return the file where a text of the data is written, as near as can be told
    (a text built with numbers, or split over lines, is found by its first words), as
    Babel takes a location; the catalogs leave lines out, so the line is 0."""
    first = message[0] if isinstance(message, tuple) else message
    # A short text whole, in its quotes; a long one by its first words.
    found = [quote + first + quote if len(first) < 24 else quote + first[:24]
             for quote in ('"', "'")]
    for path, text in sources.items():
        if any(each in text for each in found):
            return f"checker/{path.name}", 0
    return "checker", 0


# ---------------------------------------------------------------------------
# The catalogs

def po_path(language: str) -> Path:
    return LOCALE_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def po_text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # Files without line numbers, so that an edit elsewhere in a module leaves them be.
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False,
             include_previous=False, include_lineno=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def extract() -> None:
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(po_text(template()))


def update() -> None:
    """Merge the template into each language's catalog: new texts come in empty, texts
    no longer used are dropped (never kept as obsolete), nothing is guessed (no fuzzy
    matching: a safety text is translated by a person, not matched to a near one)."""
    fresh = template()
    for language in TRANSLATED:
        path = po_path(language)
        catalog = read_catalog(path, language) if path.is_file() else Catalog(
            locale=language, domain=DOMAIN, project=PROJECT, fuzzy=False,
            creation_date=STAMP, revision_date=STAMP)
        catalog.update(fresh, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_text(catalog))


def compile_all() -> None:
    for language in TRANSLATED:
        catalog_path(language).write_bytes(mo_bytes(read_catalog(po_path(language), language)))


def placeholders(text: str) -> list[str]:
    """Return the names in braces of a text, sorted: "{severity}"."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def problems() -> list[str]:
    """Return what is wrong with the catalogs: each a line a translator can act on."""
    found = []
    wanted = template()
    wanted_ids = [message.id for message in wanted if message.id]
    for language in TRANSLATED:
        path = po_path(language)
        name = shown(path)
        if not path.is_file():
            found.append(f"{name}: missing: run 'python -m build_scripts.catalogs update'")
            continue
        catalog = read_catalog(path, language)
        have = [message.id for message in catalog if message.id]
        for message_id in wanted_ids:
            if message_id not in have:
                found.append(f"{name}: not in the catalog (run update): "
                             f"{short(forms(message_id))}")
        for message_id in have:
            if message_id not in wanted_ids:
                found.append(f"{name}: no longer used (run update): {short(forms(message_id))}")
        if catalog.obsolete:
            found.append(f"{name}: {len(catalog.obsolete)} obsolete entries (run update)")
        for message in catalog:
            if not message.id:
                continue
            ids, strings = forms(message.id), forms(message.string)
            if message.fuzzy:
                found.append(f"{name}: fuzzy: {short(ids)}")
            if not all(strings):
                found.append(f"{name}: not translated: {short(ids)}")
                continue
            for text in strings:
                try:
                    if placeholders(text) != placeholders(ids[0]):
                        found.append(f"{name}: the names in braces differ from the English "
                                     f"({placeholders(ids[0])}): {short(ids)}")
                except ValueError as error:
                    found.append(f"{name}: a brace is not closed ({error}): {short(ids)}")
        compiled = catalog_path(language)
        if not compiled.is_file() or compiled.read_bytes() != mo_bytes(catalog):
            found.append(f"{shown(compiled)}: out of date (run compile)")
    if not TEMPLATE.is_file() or TEMPLATE.read_bytes() != po_text(wanted):
        found.append(f"{shown(TEMPLATE)}: out of date (run extract)")
    return found


def shown(path: Path) -> str:
    """Return a path as a problem names it: within the project, from its root."""
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def forms(value: object) -> tuple[str, ...]:
    """Return a message's id or string as its forms: one, or one per number form."""
    if value is None:
        return ("",)
    if isinstance(value, str):
        return (value,)
    assert isinstance(value, tuple | list), value
    return tuple(str(form) for form in value)


def short(ids: tuple[str, ...]) -> str:
    """Return a message's first form, cut short, quoted: how a problem names it."""
    text = ids[0]
    return repr(text if len(text) <= 60 else text[:57] + "...")


def back_translations_path(language: str) -> Path:
    return LOCALE_FOLDER / language / "back-translations.yml"


def back_translation_problems() -> list[str]:
    """Return what is wrong with the back-translations: each safety-critical text
    needs one, made from its English and its current translation."""
    import yaml

    found = []
    wanted = list(dict.fromkeys(text for text, _ in safety_critical_texts()))
    for language in TRANSLATED:
        path = back_translations_path(language)
        catalog = read_catalog(po_path(language), language)
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
        by_english = {entry["english"]: entry for entry in entries}
        for text in wanted:
            entry = by_english.get(text)
            message = catalog.get(text)
            if entry is None:
                found.append(f"{shown(path)}: no back-translation of {short((text,))}")
            elif message is None or entry["russian"] != message.string:
                found.append(f"{shown(path)}: the translation of {short((text,))} has changed "
                             "since it was translated back: translate it back again")
            elif not entry.get("back"):
                found.append(f"{shown(path)}: an empty back-translation of {short((text,))}")
        for text in by_english.keys() - set(wanted):
            found.append(f"{shown(path)}: {short((text,))} is no longer a safety-critical text")
    return found


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if arguments == ["check"]:
        found = problems()
        print("\n".join(found) or "the catalogs are complete and current")
        return 1 if found else 0
    if len(arguments) != 1 or arguments[0] not in commands:
        print("usage: python -m build_scripts.catalogs extract|update|compile|check",
              file=sys.stderr)
        return 2
    commands[arguments[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
