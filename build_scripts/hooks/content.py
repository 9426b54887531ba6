# Brings the health articles from content/ into the build: checks each
# article's front matter, adds the disclaimer and the list of sources, turns the
# glossary into hover tooltips and a Glossary page. Nothing is written to docs/.
#
# Another language's edition (hooks/languages.py) takes its articles and its
# disclaimer from content/<language>/, with the same file names and anchors. Each
# records the sha256 of the English file it translates: a translation left behind
# by a change to the English stops the build, rather than show outdated safety
# advice. It has no glossary (the glossary is English words).

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date as babel_format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from build_scripts.content_schema import (
    FrontMatter,
    GlossaryEntry,
    Record,
    Source,
    field_spec,
    make,
)
from build_scripts.jinja_env import render
from build_scripts.site_layout import ROOT, sha256_file
from build_scripts.translations import edition_language, english_of
from checker.i18n import SOURCE_LANGUAGE
from checker.wording import upper_first

CONTENT = ROOT / "content"

log = logging.getLogger("mkdocs.hooks.content")

# Filled by on_config from the data files in content/.
sources_by_title: dict[str, Source] = {}
glossary: list[GlossaryEntry] = []
abbreviations = ""
disclaimer = ""
# The build's language, and where its articles are.
language = SOURCE_LANGUAGE
articles = CONTENT


# ---------------------------------------------------------------------------
# Hooks

# Load the data files once per build.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global abbreviations, disclaimer, language, articles
    language = edition_language(config)
    articles = CONTENT if language == SOURCE_LANGUAGE else CONTENT / language
    sources_by_title.clear()
    for source in load_yaml_list("sources.yml", Source):
        sources_by_title[normalise(source.title)] = source
    glossary[:] = [] if language != SOURCE_LANGUAGE else sorted(
        load_yaml_list("glossary.yml", GlossaryEntry), key=lambda entry: entry.term.lower())
    abbreviations = render_abbreviations(glossary)
    disclaimer = (articles / "_disclaimer.md").read_text(encoding="utf-8").strip()
    return config


# Add every article in content/ (files starting with "_" are partials) and the
# generated Glossary page to the files MkDocs builds.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for path in sorted(articles.glob("*.md")):
        if path.name.startswith("_"):
            continue
        if files.get_file_from_path(path.name):
            raise PluginError(f"{shown(path)}: {config.docs_dir}/{path.name} has the same "
                              "name; an article lives in content/ only")
        files.append(File(path.name, src_dir=str(articles), dest_dir=config["site_dir"],
                          use_directory_urls=config["use_directory_urls"],
                          inclusion=InclusionLevel.INCLUDED))
    if language != SOURCE_LANGUAGE:
        missing = sorted({path.name for path in CONTENT.glob("*.md")}
                         - {path.name for path in articles.glob("*.md")})
        if missing:
            raise PluginError(f"{shown(articles)}: no translation of {', '.join(missing)}")
        return files
    files.append(File.generated(config, "glossary.md",
                                content=render("glossary.md.j2",
                                               entries=[asdict(entry) for entry in glossary])))
    return files


# Check an article's front matter, then add the disclaimer, its sources and
# (on every page) the glossary tooltips. Early: what it adds holds markers that
# hooks/checker_snippets.py fills (the emergency numbers in the disclaimer).
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if language != SOURCE_LANGUAGE and not is_article(page) and page.file.abs_src_path:
        # A page of docs/<language>/ translates the same page of docs/.
        check_translation(page.file.src_uri, page.meta,
                          english_of(Path(page.file.abs_src_path)))
    if is_article(page):
        meta = check_front_matter(page.file.src_uri, page.meta, markdown)
        # The front matter's full title is the heading; the nav may use a shorter one.
        markdown = render(
            "article.md.j2",
            title=meta.title,
            body=markdown.rstrip(),
            disclaimer=disclaimer,
            sources=[asdict(sources_by_title[normalise(title)]) for title in meta.sources],
            show_source_documents=meta.show_source_documents,
            all_sources=[asdict(source) for source in sources_by_title.values()],
            reviewed=format_date(meta.reviewed),
        )
    return markdown + "\n\n" + abbreviations


# ---------------------------------------------------------------------------
# Articles

def is_article(page: Page) -> bool:
    """Return True for a page whose source is an article in content/ (or in the
    folder of the build's language)."""
    return Path(page.file.abs_src_path or "").parent == articles


def shown(path: Path) -> str:
    """Return a path as an error names it: within the project, from its root."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def check_translation(where: str, meta: Mapping[str, Any], english: Path) -> None:
    """Raise PluginError unless a translation names who translated it and who checked it,
    and translates the English file as it is now (its recorded sha256)."""
    for field in ("english_sha256", "translated_by"):
        if not meta.get(field):
            raise PluginError(f"{where}: a translation's front matter needs '{field}'")
    if "checked_by" not in meta:
        raise PluginError(f"{where}: a translation's front matter needs 'checked_by' "
                          "(\"\" if no one has checked it yet)")
    if not english.is_file():
        raise PluginError(f"{where}: translates {shown(english)}, which does not exist")
    if meta["english_sha256"] != sha256_file(english):
        raise PluginError(f"{where}: {shown(english)} has changed since it was translated "
                          f"(sha256 {sha256_file(english)}, not {meta['english_sha256']}): "
                          "bring the translation up to date, then record the new sha256")


def check_front_matter(name: str, meta: Mapping[str, Any], markdown: str) -> FrontMatter:
    """Return the article's front matter; raise PluginError naming what is wrong."""
    where = shown(articles / name)
    translation = {"english_sha256", "translated_by", "checked_by"} & set(meta)
    if language == SOURCE_LANGUAGE and translation:
        raise PluginError(f"{where}: {sorted(translation)} are for a translation's front matter")
    if language != SOURCE_LANGUAGE:
        check_translation(where, meta, english_of(articles / name))
    unknown = sorted(set(meta) - set(FRONT_MATTER))
    if unknown:
        raise PluginError(f"{where}: unknown front matter field(s) {unknown}; "
                          f"allowed: {sorted(FRONT_MATTER)}")
    for field, (kind, required) in FRONT_MATTER.items():
        if field not in meta:
            if required:
                raise PluginError(f"{where}: front matter needs '{field}'")
            continue
        if not isinstance(meta[field], kind) or (meta[field] in ("", [])
                                                 and field not in MAY_BE_EMPTY):
            raise PluginError(f"{where}: front matter '{field}' must be a non-empty "
                              f"{kind.__name__}, got {meta[field]!r}")
    if len(meta["description"]) > 200:
        raise PluginError(f"{where}: 'description' is {len(meta['description'])} characters; "
                          "keep it to 200 or fewer for search results")
    for title in meta["sources"]:
        if not isinstance(title, str) or normalise(title) not in sources_by_title:
            raise PluginError(f"{where}: source {title!r} is not a title in content/sources.yml")
    if len(set(map(normalise, meta["sources"]))) != len(meta["sources"]):
        raise PluginError(f"{where}: a source is listed twice")
    if isinstance(meta["reviewed"], datetime.datetime) or meta["reviewed"] > datetime.date.today():
        raise PluginError(f"{where}: 'reviewed' must be a past date (YYYY-MM-DD), "
                          f"got {meta['reviewed']!r}")
    if re.search(r"^# ", markdown, re.MULTILINE):
        raise PluginError(f"{where}: has an H1 heading; the title comes from the front matter")
    return make(FrontMatter, dict(meta))


def format_date(day: datetime.date) -> str:
    """Return a date as '22 November 2026', or as the build's language writes it
    ('22 ноября 2026 г.')."""
    if language == SOURCE_LANGUAGE:
        return f"{day.day} {day:%B %Y}"
    return str(babel_format_date(day, format="long", locale=language))


def normalise(title: str) -> str:
    """Return a title with its white space (no-break spaces included) folded."""
    return " ".join(title.split())


# ---------------------------------------------------------------------------
# Data files

def load_yaml_list(name: str, record: type[Record]) -> list[Record]:
    """Return the entries of content/<name> as records; raise PluginError naming a bad entry."""
    fields = field_spec(record)
    path = CONTENT / name
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"content/{name}: cannot be read: {error}") from error
    if not isinstance(entries, list) or not entries:
        raise PluginError(f"content/{name}: must be a non-empty list")
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise PluginError(f"content/{name}: entry {number} is not a mapping")
        label = entry.get("title") or entry.get("term")
        unknown = sorted(set(entry) - set(fields))
        missing = sorted(field for field, (_, required) in fields.items()
                         if required and not entry.get(field))
        if unknown or missing:
            raise PluginError(f"content/{name}: entry {number} ({label!r})"
                              f" has unknown field(s) {unknown} or lacks {missing}")
        for field, (kind, _) in fields.items():
            value = entry.get(field)
            if field in entry and (not isinstance(value, kind) or (
                    isinstance(value, list) and not all(isinstance(item, str) for item in value))):
                raise PluginError(f"content/{name}: entry {number} ({label!r}): "
                                  f"'{field}' must be {KIND_WORDS[kind]}, got {value!r}")
    return [make(record, entry) for entry in entries]


def render_abbreviations(entries: list[GlossaryEntry]) -> str:
    """Return Markdown abbreviation lines for each term, its capitalised and other forms."""
    lines: dict[str, str] = {}
    for entry in entries:
        definition = " ".join(entry.definition.split())
        for form in [entry.term, *entry.also]:
            for variant in (form, upper_first(form)):
                lines.setdefault(variant, f"*[{variant}]: {definition}")
    return "\n".join(lines.values())


# ---------------------------------------------------------------------------
# Data

# Front matter of an article: field -> (type, required), from its typed definition.
FRONT_MATTER = field_spec(FrontMatter)

# The front matter fields that may be empty: "checked_by", until someone has checked.
MAY_BE_EMPTY = {"checked_by"}

# How a type is named in an error message.
KIND_WORDS = {str: "a text", list: "a list of texts", bool: "true or false"}
