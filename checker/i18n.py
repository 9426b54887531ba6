"""The reader's language: the checker's texts in English, the language they are
written in, or through a gettext catalog.

Every text a reader sees is data in the checker's modules, in English; that
English is the catalogs' msgid. ``build_scripts/catalogs.py`` collects them into
``locale/checker.pot``, merges them into each language's ``.po`` and compiles the
``.mo`` files that ship inside the package (and so inside the site's wheel).

An assessment runs ``with speaking(language):``; the code that puts a text
together calls ``_()`` on each part (and ``ngettext()`` where a number decides the
form), so that a sentence built from parts is built from translated parts.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

# The language the texts are written in, and every language the checker speaks.
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "ru")

DOMAIN = "checker"
LOCALE_FOLDER = Path(__file__).resolve().parent / "locale"


class UnknownLanguage(ValueError):
    """A language the checker does not speak, or whose catalog is missing."""


def catalog_path(language: str) -> Path:
    """Return where the compiled catalog of ``language`` lives in the package."""
    return LOCALE_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def check_language(language: object) -> str:
    """Return ``language`` if the checker speaks it; raise UnknownLanguage if not."""
    if not isinstance(language, str) or language not in LANGUAGES:
        shown = repr(language)[:40]
        raise UnknownLanguage(f"unknown language {shown}: the checker speaks "
                              f"{', '.join(LANGUAGES)}")
    return language


def load(language: str) -> gettext.NullTranslations:
    """Return the catalog of ``language`` read from its .mo file (none for the source
    language)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = catalog_path(language)
    if not path.is_file():
        raise UnknownLanguage(f"the {language} catalog is missing ({path.name}): run "
                              "'python -m build_scripts.catalogs compile'")
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


# Every catalog, read once, at import: in the browser the engine is restored from a
# memory snapshot taken after import, which holds what Python has read but not the
# files of the wheel, so a catalog read later would not be found.
CATALOGS = {language: load(language) for language in LANGUAGES}


def translations(language: str) -> gettext.NullTranslations:
    """Return the catalog of ``language`` (none for the source language)."""
    return CATALOGS[check_language(language)]


_speaking: ContextVar[str] = ContextVar("speaking", default=SOURCE_LANGUAGE)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate every text put together inside the block into ``language``."""
    translations(language)  # a language the checker cannot speak fails here, at once
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)


def language_now() -> str:
    """Return the language texts are being put together in."""
    return _speaking.get()


def _(message: str) -> str:
    """Return ``message`` in the language being spoken."""
    return translations(_speaking.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a message that fits ``count``, in the language being spoken
    (Russian has three: 1 час, 2 часа, 5 часов)."""
    return translations(_speaking.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for the marker
    """Mark a text written in code for the catalog, to be translated where it is used."""
    return message
