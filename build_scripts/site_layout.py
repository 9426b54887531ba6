"""Where things are in the built site, and how it looks: one home for the names
and colours that the hooks, the templates and the page scripts share.

Templates and page scripts receive what they need from here as data (the
checker form's data attributes, the generated stylesheet), never as copies.
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import tomllib
from pathlib import Path

from checker.levels import DOCTOR, EMERGENCY, SELF_CARE, URGENT

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# Pages

# The checker page's source, in docs/.
CHECKER_PAGE = "checker/index.md"

# ---------------------------------------------------------------------------
# The checker's engine

# Pyodide's runtime and the engine's own files, in the built site.
RUNTIME_FOLDER = "pyodide"
# In RUNTIME_FOLDER: what the engine's worker reads besides pyodide-lock.json, and the
# service worker's list of the engine's files (written by hooks/pyodide_runtime.py);
# and the engine's own standard library, only what it loads, compiled.
ENGINE_MANIFEST = "engine.json"
CHECKER_STDLIB = "checker_stdlib.zip"
# The module worker that runs the engine, and the module that tells it where the
# runtime is and where to keep its snapshot (generated from this file).
CHECKER_WORKER = "assets/javascripts/checker-worker.mjs"
ENGINE_LAYOUT = "assets/javascripts/engine-layout.mjs"

# Every Cache Storage cache the site makes starts with this: the service worker's
# (CACHE_PREFIX + group + "-" + hash of its files) and the engine's snapshot.
CACHE_PREFIX = "after-the-massage-"
SNAPSHOT_CACHE = f"{CACHE_PREFIX}engine-snapshot"


def sha256_file(path: Path) -> str:
    """Return the sha256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def engine_layout_js() -> str:
    """Return the JavaScript module of the names the engine's worker needs."""
    runtime = posixpath.relpath(RUNTIME_FOLDER, posixpath.dirname(ENGINE_LAYOUT)) + "/"
    return ("// Generated from build_scripts/site_layout.py by hooks/pyodide_runtime.py.\n"
            f"// The runtime's folder, relative to this module.\n"
            f"export const RUNTIME = {json.dumps(runtime)};\n"
            f"// The Cache Storage cache that holds this browser's snapshot of the engine.\n"
            f"export const SNAPSHOT_CACHE = {json.dumps(SNAPSHOT_CACHE)};\n")


# ---------------------------------------------------------------------------
# Colours

# A deep teal: white text on it, and it as text on white, pass WCAG AA.
BRAND = {"primary": "#00695c", "light": "#439889", "dark": "#003d33"}

# The colour of each triage level in a result: white text on each passes WCAG AA.
LEVEL_COLOURS = {EMERGENCY: "#b71c1c", URGENT: "#bf360c", DOCTOR: "#1a5e9a",
                 SELF_CARE: "#1b5e20"}

# The generated stylesheet that carries these colours, and the favicon drawn in them.
COLOURS_CSS = "assets/stylesheets/colours.css"
FAVICON = "assets/favicon.svg"


@functools.cache
def checker_build() -> str:
    """Return the checker's build: a short hash of its package's sources.

    The page's form and the engine.json beside the wheel both carry it, so that a page
    and an engine of different builds (one deployment's page, another's engine) can
    tell, and never exchange answers.
    """
    digest = hashlib.sha256()
    for source in sorted((ROOT / "checker").rglob("*.py")):
        digest.update(source.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(source.read_bytes()).digest())
    return digest.hexdigest()[:16]


@functools.cache
def package_name() -> str:
    """Return the checker's distribution name, as pyproject.toml gives it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(project["project"]["name"])
