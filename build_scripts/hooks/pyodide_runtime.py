# Puts the checker on the site for the browser: builds the triage package as a
# pure-Python wheel, copies the pinned Pyodide runtime from node_modules, and
# registers the wheel in the site's pyodide-lock.json with pyodide-build's
# `pyodide lockfile add-wheels`, so the page loads it by name, sha256 checked;
# and makes a memory snapshot of the booted interpreter for a faster start.

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "node_modules" / "pyodide"


# ---------------------------------------------------------------------------
# Hooks

# Check the runtime is installed before spending time on the pages, and tell
# the checker page's head which files to fetch early.
def on_config(config):
    check_runtime()
    config["extra"]["runtime_prefetch"] = [f"{RUNTIME_FOLDER}/{name}" for name in PREFETCHED]
    return config


# Copy the runtime, build the wheel and register it, under site/pyodide/.
def on_post_build(config):
    target = Path(config["site_dir"]) / RUNTIME_FOLDER
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(RUNTIME / name, target / name)
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(Path(scratch))
        shutil.copy2(wheel, target / wheel.name)
        register_wheel(target / wheel.name, target / "pyodide-lock.json", Path(scratch))
        make_snapshot(target, Path(scratch))


# ---------------------------------------------------------------------------
# Steps

def check_runtime() -> None:
    """Raise PluginError unless node_modules holds the Pyodide version package.json pins."""
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    try:
        installed = json.loads((RUNTIME / "package.json").read_text())["version"]
    except OSError:
        raise PluginError("node_modules/pyodide is missing: run 'npm ci' "
                          "(build_scripts/project.sh does it for you)") from None
    if installed != pinned:
        raise PluginError(f"node_modules has pyodide {installed}, package.json pins {pinned}: "
                          "run 'npm ci'")
    missing = [name for name in RUNTIME_FILES if not (RUNTIME / name).is_file()]
    if missing:
        raise PluginError(f"node_modules/pyodide lacks {missing}: run 'npm ci'")


def build_wheel(outdir: Path) -> Path:
    """Return the path of the checker's py3-none-any wheel, built reproducibly in ``outdir``."""
    from flit_core.wheel import make_wheel_in

    # A fixed timestamp makes the same sources give the same wheel and sha256.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = WHEEL_TIMESTAMP
    try:
        return Path(make_wheel_in(ROOT / "pyproject.toml", outdir).file)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def register_wheel(wheel: Path, lock: Path, scratch: Path) -> None:
    """Write ``lock``: Pyodide's lock file, cut down to the checker's wheel alone."""
    # Only the stdlib ships with the site, so the other packages are left out of the lock.
    base = json.loads((RUNTIME / "pyodide-lock.json").read_text())
    base["packages"] = {}
    base_lock = scratch / "base-lock.json"
    base_lock.write_text(json.dumps(base))
    command = [pyodide_cli(), "lockfile", "add-wheels", "--input", str(base_lock),
               "--output", str(lock), "--base-path", str(wheel.parent), str(wheel)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not lock.is_file():
        raise PluginError(f"'pyodide lockfile add-wheels' failed:\n{result.stdout}{result.stderr}")
    name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    if name not in json.loads(lock.read_text())["packages"]:
        raise PluginError(f"{lock} does not list {name} after 'pyodide lockfile add-wheels'")


def make_snapshot(target: Path, scratch: Path) -> None:
    """Write the start-up snapshot, gzip-compressed, and snapshot.json with its sha256.

    The page checks the sha256 before it restores the snapshot, as Pyodide checks
    the wheel's against pyodide-lock.json.
    """
    raw = scratch / "snapshot.bin"
    command = ["node", str(ROOT / "build_scripts" / "make_snapshot.mjs"), str(RUNTIME), str(raw),
               *checker_imports()]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise PluginError("node is not installed: the start-up snapshot is made with Node.js "
                          "(build_scripts/project.sh installs it)") from None
    if result.returncode != 0 or not raw.is_file():
        raise PluginError(f"making the start-up snapshot failed:\n{result.stdout}{result.stderr}")
    # mtime=0 keeps the compressed file the same for the same snapshot.
    packed = gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0)
    (target / SNAPSHOT).write_bytes(packed)
    (target / "snapshot.json").write_text(json.dumps({
        "file": SNAPSHOT,
        "sha256": hashlib.sha256(packed).hexdigest(),
        "pyodide": json.loads((RUNTIME / "package.json").read_text())["version"],
    }, indent=2))


def checker_imports() -> list[str]:
    """Return the modules the checker package imports from outside itself (all from
    the standard library), read from its source, for the snapshot to hold already
    imported. The command line (``__main__``) does not run in the page."""
    modules = set()
    for source in sorted((ROOT / "checker").glob("*.py")):
        if source.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module)
    return sorted(modules - {"__future__"})


def pyodide_cli() -> str:
    """Return the path of pyodide-build's `pyodide` command, next to this Python first."""
    beside = Path(sys.executable).parent / "pyodide"
    found = str(beside) if beside.is_file() else shutil.which("pyodide")
    if found is None:
        raise PluginError("the 'pyodide' command (pip package pyodide-build) is not installed: "
                          "run build_scripts/project.sh, which installs it")
    return found


# ---------------------------------------------------------------------------
# Data

# Where the runtime lives in the built site.
RUNTIME_FOLDER = "pyodide"

# What a stdlib-only package needs from the runtime (the lock file is written anew).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

# The start-up snapshot, gzip-compressed (the page decompresses it).
SNAPSHOT = "snapshot.bin.gz"

# The largest files the engine needs, which the checker page fetches into the
# browser's cache while it loads, so that its worker finds them there.
PREFETCHED = ("pyodide.asm.wasm", SNAPSHOT, "python_stdlib.zip", "pyodide.asm.mjs")

# 2026-01-01T00:00:00Z, stamped on every file in the wheel.
WHEEL_TIMESTAMP = "1767225600"
