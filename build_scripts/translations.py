"""The translated pages: which English file each translates, and whether it is current.

    python -m build_scripts.translations status          # each translation: current or stale
    python -m build_scripts.translations stamp FILE...   # record the English file's sha256

A translation is content/<language>/<name>.md (of content/<name>.md) or
docs/<language>/<path> (of docs/<path>). Its front matter records the sha256 of the
English file it translates (``english_sha256``), who translated it and who checked
it; the build stops on a translation whose English has changed since
(hooks/content.py). ``stamp`` is for after the translation has been brought up to
date: it changes nothing else in the file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_scripts.site_layout import ROOT, sha256_file
from checker.i18n import LANGUAGES, SOURCE_LANGUAGE

FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?\n)---\n", re.DOTALL)
HASH_LINE = re.compile(r"^english_sha256: *(?P<hash>\S*) *$", re.MULTILINE)


def edition_language(config: Mapping[str, Any]) -> str:
    """Return the language of a build (its theme's; English where none is set), one the
    checker speaks."""
    theme = config.get("theme") or {}
    try:
        language = str(theme["language"])
    except KeyError:
        return SOURCE_LANGUAGE
    if language not in LANGUAGES:
        raise PluginError(f"theme.language is {language!r}; the site is built in "
                          f"{', '.join(LANGUAGES)}")
    return language


def has_translation(language: str, source: str) -> bool:
    """Return whether the page whose source is ``source`` (in content/ or docs/) has a
    translation in ``language``: content/<language>/ or docs/<language>/."""
    return any((ROOT / top / language / source).is_file() for top in ("content", "docs"))


def english_of(translation: Path) -> Path:
    """Return the English file a translation translates."""
    relative = translation.resolve().relative_to(ROOT)
    top, language, *rest = relative.parts
    if top not in ("content", "docs") or language not in LANGUAGES or not rest:
        raise ValueError(f"{relative}: not a translation (content/<language>/... or "
                         "docs/<language>/...)")
    return ROOT / top / Path(*rest)


def translations() -> list[Path]:
    """Return every translated page, in order."""
    found = []
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            found += sorted((ROOT / "content" / language).glob("[!_]*.md"))
            found += sorted((ROOT / "docs" / language).rglob("*.md"))
    return found


def recorded_hash(text: str) -> str | None:
    """Return the English file's sha256 recorded in a translation's front matter."""
    front = FRONT_MATTER.match(text)
    found = HASH_LINE.search(front["body"]) if front else None
    return found["hash"] if found else None


def is_current(translation: Path) -> bool:
    """Return whether a translation records the sha256 of its English file as it is."""
    english = english_of(translation)
    return english.is_file() and recorded_hash(translation.read_text(encoding="utf-8")) \
        == sha256_file(english)


def stamp(translation: Path) -> None:
    """Record the English file's sha256 in a translation's front matter."""
    text = translation.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    if front is None:
        raise ValueError(f"{translation}: has no front matter")
    line = f"english_sha256: {sha256_file(english_of(translation))}"
    body = front["body"]
    body = HASH_LINE.sub(line, body) if HASH_LINE.search(body) else body + line + "\n"
    translation.write_text(f"---\n{body}---\n" + text[front.end():], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["status"]:
        stale = [path for path in translations() if not is_current(path)]
        for path in translations():
            state = "stale: its English has changed" if path in stale else "current"
            print(f"{path.relative_to(ROOT)}: {state}")
        return 1 if stale else 0
    if arguments[:1] == ["stamp"] and arguments[1:]:
        try:
            for name in arguments[1:]:
                stamp(Path(name))
        except (OSError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return 0
    print("usage: python -m build_scripts.translations status | stamp FILE...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
