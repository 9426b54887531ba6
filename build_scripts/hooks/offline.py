# Makes the built site work offline and installable: writes the web app
# manifest and its icons, and the service worker with the list of files it
# keeps, versioned by their contents so that a new deployment replaces the old
# cache cleanly. Runs last, once the other hooks have written the site: it needs
# the engine's manifest (hooks/pyodide_runtime.py) and pages that carry their
# Content-Security-Policy (hooks/csp.py), and stops the build, naming the hook,
# without them.

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.app_icon import png
from build_scripts.content_security_policy import policy_for, read_page
from build_scripts.jinja_env import render
from build_scripts.site_layout import (
    BRAND,
    CACHE_PREFIX,
    ENGINE_MANIFEST,
    RUNTIME_FOLDER,
    SNAPSHOT_CACHE,
    sha256_file,
)
from checker.i18n import LANGUAGES, SOURCE_LANGUAGE

# ---------------------------------------------------------------------------
# Hooks

# Write the icons and the manifest, then the service worker that lists them too.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    check_policies(site)
    for name, (size, maskable) in ICONS.items():
        (site / name).write_bytes(png(size, maskable))
    (site / MANIFEST).write_text(json.dumps(manifest(config), indent=2), encoding="utf-8")
    groups = cached_files(site)
    worker = render("sw.js.j2", prefix=CACHE_PREFIX, snapshot_cache=SNAPSHOT_CACHE,
                    worker_policy=policy_for([]), caches=[
        {"name": f"{CACHE_PREFIX}{group}-{version_of(paths, site)}",
         "when": WHEN.get(group, group),
         # Each file with its sha256: the worker keeps only this build's bytes.
         "files": [[url_of(path, site), sha256_of(path)] for path in paths]}
        for group, paths in groups.items()
    ])
    (site / "sw.js").write_text(worker, encoding="utf-8")


# ---------------------------------------------------------------------------
# What the service worker keeps

def cached_files(site: Path) -> dict[str, list[Path]]:
    """Return the site's files the service worker keeps, in groups with a cache each:
    "core", the pages and their assets (kept when it installs), and the files the
    checker's engine loads (kept once the checker has run), in the groups its manifest
    (written by the pyodide_runtime hook) gives: "runtime", large and changing rarely,
    and "checker", small and changing with the checker, so that a new deployment of
    the checker does not make a phone download the runtime again. The runtime
    folder's other files (Pyodide's complete standard library) are not kept."""
    folder = f"{RUNTIME_FOLDER}/"
    engine_manifest = folder + ENGINE_MANIFEST
    group_of = {engine_manifest: "checker"}
    if not (site / engine_manifest).is_file():
        raise PluginError(f"{engine_manifest} is missing: hooks/pyodide_runtime.py writes it, "
                          "and must run before hooks/offline.py lists the engine's files")
    manifest = json.loads((site / engine_manifest).read_text(encoding="utf-8"))
    for group, names in manifest["files"].items():
        group_of.update((folder + name, group) for name in names)
    groups: dict[str, list[Path]] = {"core": []}
    groups.update((group, []) for group in sorted(set(group_of.values())))
    groups.update((language, []) for language in OTHER_LANGUAGES)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        top, _, within = relative.partition("/")
        # Another language's edition is a site of its own one folder down.
        language = top if top in OTHER_LANGUAGES and within else None
        own = within if language else relative
        if not path.is_file() or own in NEVER_CACHED or path.suffix in SKIPPED_SUFFIXES \
                or (own.startswith(SKIPPED) and own not in search_files(language)):
            continue
        if relative in group_of:
            groups[group_of[relative]].append(path)
        elif language:
            groups[language].append(path)
        elif not relative.startswith(folder):
            groups["core"].append(path)
    # A language with no edition in this site (a test's) has no cache.
    return {group: paths for group, paths in groups.items()
            if paths or group not in OTHER_LANGUAGES}


def search_files(language: str | None) -> set[str]:
    """Return the files of Lunr's language support that an edition's search loads (as
    Material's search worker asks for them): none for English."""
    if language is None:
        return set()
    return {f"{SKIPPED[0]}min/lunr.stemmer.support.min.js",
            f"{SKIPPED[0]}min/lunr.{language}.min.js"}


def check_policies(site: Path) -> None:
    """Raise PluginError naming the pages that carry no Content-Security-Policy yet: the
    service worker keeps each page's bytes by their sha256, so the policy must be in."""
    missing = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))
               if not read_page(path.read_text(encoding="utf-8")).policies]
    if missing:
        others = f" and {len(missing) - 1} other pages" if missing[1:] else ""
        raise PluginError(f"no Content-Security-Policy in {missing[0]}{others}: hooks/csp.py "
                          "writes it into every page, and must run before hooks/offline.py "
                          "hashes them")


def url_of(path: Path, site: Path) -> str:
    """Return a file's URL relative to the site root, as a page links to it."""
    relative = path.relative_to(site).as_posix()
    if relative == "index.html":
        return "./"
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


def sha256_of(path: Path) -> str:
    """Return the sha256 of a file's bytes, in hex."""
    return sha256_file(path)


def version_of(paths: list[Path], site: Path) -> str:
    """Return a short hash of the files' names and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def manifest(config: MkDocsConfig) -> dict[str, Any]:
    """Return the web app manifest, so the site can be installed on a phone's home screen."""
    return {
        "name": config.site_name,
        "short_name": "After Massage",
        "description": " ".join((config.site_description or "").split()),
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": BRAND["primary"],
        "icons": [
            {"src": name, "sizes": f"{size}x{size}", "type": "image/png",
             "purpose": "maskable" if maskable else "any"}
            for name, (size, maskable) in ICONS.items()
        ],
    }


# ---------------------------------------------------------------------------
# Data

MANIFEST = "manifest.webmanifest"

# Icon file -> (size in pixels, maskable).
ICONS = {
    "assets/icon-192.png": (192, False),
    "assets/icon-512.png": (512, False),
    "assets/icon-maskable-512.png": (512, True),
}

# Not kept: the worker itself, the compressed sitemap for crawlers (instant
# navigation reads sitemap.xml), and search languages other than each edition's own.
NEVER_CACHED = {"sw.js", "sitemap.xml.gz"}
SKIPPED = ("assets/javascripts/lunr/",)

# The other languages' editions (hooks/languages.py), each kept in a cache of its own
# once a page of it has been read (assets/javascripts/offline.js asks), so that a
# reader of one language never downloads another's pages.
OTHER_LANGUAGES = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)

# When each group is kept: the site's pages when the worker installs, an edition's
# pages once one of them is read, the engine's files once the checker has run.
WHEN = {"core": "install", "runtime": "checker", "checker": "checker"}
SKIPPED_SUFFIXES = {".map"}
