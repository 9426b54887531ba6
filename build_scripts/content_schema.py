"""Typed definitions of the content's data, as dataclasses: an article's front
matter, and the entries of content/sources.yml, content/glossary.yml and
content/hazard_log.yml. The checks in the hooks read each field's type, and
whether it is required, from these classes, in the manner of pyodide-build's
validated specs, so that a field is defined once.
"""

from __future__ import annotations

import dataclasses
import datetime
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

Record = TypeVar("Record")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of an article in content/."""

    title: str
    description: str
    sources: list[str]
    reviewed: datetime.date
    show_source_documents: bool = False
    # A translation's (content/<language>/, docs/<language>/): the sha256 of the English
    # file it translates, who translated it, and who checked it ("" for no one yet).
    english_sha256: str = ""
    translated_by: str = ""
    checked_by: str = ""


@dataclass(frozen=True)
class Source:
    """A source document the articles are curated from (content/sources.yml)."""

    title: str
    publisher: str
    used: str
    left_out: str


@dataclass(frozen=True)
class GlossaryEntry:
    """A medical word and its plain meaning (content/glossary.yml)."""

    term: str
    definition: str
    also: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Hazard:
    """One hazard of the checker's hazard log (content/hazard_log.yml)."""

    id: str
    hazard: str
    cause: str
    effect: str
    questions: list[str]
    rules: list[str]
    pages: list[str]
    tests: list[str]


def field_spec(record: type[Any]) -> dict[str, tuple[type, bool]]:
    """Return each field of a record class: its type (the outer type for ``list[str]``)
    and whether it is required."""
    hints = typing.get_type_hints(record)
    return {
        item.name: (typing.get_origin(hints[item.name]) or hints[item.name],
                    item.default is dataclasses.MISSING
                    and item.default_factory is dataclasses.MISSING)
        for item in dataclasses.fields(record)
    }


def make(record: type[Record], data: dict[str, Any]) -> Record:
    """Return a record from checked data (its keys are the record's fields)."""
    return record(**data)
