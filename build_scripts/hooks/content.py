# Brings the health articles from content/ into the build: checks each
# article's front matter, adds the disclaimer and the list of sources, turns the
# glossary into hover tooltips and a Glossary page. Nothing is written to docs/.

from __future__ import annotations

import datetime
import logging
import re
from pathlib import Path

import jinja2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "build_scripts" / "templates"

log = logging.getLogger("mkdocs.hooks.content")
templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    # Markdown's attribute lists ({#anchor}) would otherwise open a Jinja comment.
    comment_start_string="{##",
    comment_end_string="##}",
)

# Filled by on_config from the data files in content/.
sources_by_title: dict[str, dict] = {}
glossary: list[dict] = []
abbreviations = ""
disclaimer = ""


# ---------------------------------------------------------------------------
# Hooks

# Load the data files once per build.
def on_config(config):
    global abbreviations, disclaimer
    sources_by_title.clear()
    for source in load_yaml_list("sources.yml", SOURCE_FIELDS):
        sources_by_title[normalise(source["title"])] = source
    glossary[:] = sorted(load_yaml_list("glossary.yml", GLOSSARY_FIELDS),
                         key=lambda entry: entry["term"].lower())
    abbreviations = render_abbreviations(glossary)
    disclaimer = (CONTENT / "_disclaimer.md").read_text(encoding="utf-8").strip()
    return config


# Add every article in content/ (files starting with "_" are partials) and the
# generated Glossary page to the files MkDocs builds.
def on_files(files: Files, config) -> Files:
    for path in sorted(CONTENT.glob("*.md")):
        if path.name.startswith("_"):
            continue
        if files.get_file_from_path(path.name):
            raise PluginError(f"content/{path.name}: docs/{path.name} has the same name; "
                              "an article lives in content/ only")
        files.append(File(path.name, src_dir=str(CONTENT), dest_dir=config["site_dir"],
                          use_directory_urls=config["use_directory_urls"],
                          inclusion=InclusionLevel.INCLUDED))
    files.append(File.generated(config, "glossary.md",
                                content=templates.get_template("glossary.md.j2").render(
                                    entries=glossary)))
    return files


# Check an article's front matter, then add the disclaimer, its sources and
# (on every page) the glossary tooltips.
def on_page_markdown(markdown: str, page, config, files) -> str:
    if is_article(page):
        meta = check_front_matter(page.file.src_uri, page.meta, markdown)
        # The front matter's full title is the heading; the nav may use a shorter one.
        markdown = templates.get_template("article.md.j2").render(
            title=meta["title"],
            body=markdown.rstrip(),
            disclaimer=disclaimer,
            sources=[sources_by_title[normalise(title)] for title in meta["sources"]],
            show_source_documents=meta.get("show_source_documents", False),
            all_sources=list(sources_by_title.values()),
            reviewed=format_date(meta["reviewed"]),
        )
    return markdown + "\n\n" + abbreviations


# ---------------------------------------------------------------------------
# Articles

def is_article(page) -> bool:
    """Return True for a page whose source is an article in content/."""
    return Path(page.file.abs_src_path or "").parent == CONTENT


def check_front_matter(name: str, meta: dict, markdown: str) -> dict:
    """Return the article's front matter; raise PluginError naming what is wrong."""
    where = f"content/{name}"
    unknown = sorted(set(meta) - set(FRONT_MATTER))
    if unknown:
        raise PluginError(f"{where}: unknown front matter field(s) {unknown}; "
                          f"allowed: {sorted(FRONT_MATTER)}")
    for field, (kind, required) in FRONT_MATTER.items():
        if field not in meta:
            if required:
                raise PluginError(f"{where}: front matter needs '{field}'")
            continue
        if not isinstance(meta[field], kind) or meta[field] in ("", []):
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
    return meta


def format_date(day: datetime.date) -> str:
    """Return a date as '22 November 2026'."""
    return f"{day.day} {day:%B %Y}"


def normalise(title: str) -> str:
    """Return a title with its white space (no-break spaces included) folded."""
    return " ".join(title.split())


# ---------------------------------------------------------------------------
# Data files

def load_yaml_list(name: str, fields: dict[str, bool]) -> list[dict]:
    """Return the entries of content/<name>; raise PluginError naming a bad entry."""
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
        unknown = sorted(set(entry) - set(fields))
        missing = sorted(field for field, required in fields.items()
                         if required and not entry.get(field))
        if unknown or missing:
            raise PluginError(f"content/{name}: entry {number} ({entry.get('title') or entry.get('term')!r})"
                              f" has unknown field(s) {unknown} or lacks {missing}")
    return entries


def render_abbreviations(entries: list[dict]) -> str:
    """Return Markdown abbreviation lines for each term, its capitalised form and its other forms."""
    lines = {}
    for entry in entries:
        definition = " ".join(entry["definition"].split())
        for form in [entry["term"], *entry.get("also", [])]:
            for variant in (form, form[:1].upper() + form[1:]):
                lines.setdefault(variant, f"*[{variant}]: {definition}")
    return "\n".join(lines.values())


# ---------------------------------------------------------------------------
# Data

# Front matter of an article: field -> (type, required).
FRONT_MATTER = {
    "title": (str, True),
    "description": (str, True),
    "sources": (list, True),
    "reviewed": (datetime.date, True),
    "show_source_documents": (bool, False),
}

# content/sources.yml: field -> required.
SOURCE_FIELDS = {"title": True, "publisher": True, "used": True, "left_out": True}

# content/glossary.yml: field -> required.
GLOSSARY_FIELDS = {"term": True, "definition": True, "also": False}
