# Puts the checker on the site for the browser: builds the triage package as a
# pure-Python wheel, copies the pinned Pyodide runtime from node_modules, and
# registers the wheel in the site's pyodide-lock.json with pyodide-build's
# `pyodide lockfile add-wheels`, so the page finds it by name, sha256 checked;
# writes the engine's own standard library (only what it loads, compiled); and
# checks that a memory snapshot of the engine, which the reader's browser makes
# after the first start, restores, and that the engine restored from it gives every
# vignette its expected level (a safety gate, as in the clinical_safety hook).

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.site_layout import (
    CHECKER_STDLIB,
    CHECKER_WORKER,
    ENGINE_LAYOUT,
    ENGINE_MANIFEST,
    ROOT,
    RUNTIME_FOLDER,
    checker_build,
    engine_layout_js,
    package_name,
)
from build_scripts.vignettes import VIGNETTES_FILE

RUNTIME = ROOT / "node_modules" / "pyodide"


# ---------------------------------------------------------------------------
# Hooks

# Check the runtime is installed before spending time on the pages; tell the
# checker page's head which files to fetch early, which worker to start and
# which package its engine loads.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_runtime()
    config.extra["runtime_prefetch"] = [f"{RUNTIME_FOLDER}/{name}" for name in PREFETCHED]
    config.extra["checker_package"] = package_name()
    config.extra["checker_worker"] = CHECKER_WORKER
    return config


# Add the module that tells the engine's worker where the runtime is.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, ENGINE_LAYOUT, content=engine_layout_js()))
    return files


# Copy the runtime, build the wheel and register it, write the engine's standard
# library and check its snapshot, under site/pyodide/.
def on_post_build(*, config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / RUNTIME_FOLDER
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in CHECKER_FILES:
        shutil.copy2(RUNTIME / name, target / name)
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(Path(scratch))
        shutil.copy2(wheel, target / wheel.name)
        register_wheel(target / wheel.name, target / "pyodide-lock.json", Path(scratch))
    stdlib = target / CHECKER_STDLIB
    run_node("trim_stdlib.mjs", RUNTIME, target, package_name(), VIGNETTES_FILE, stdlib)
    snapshot = json.loads(run_node("check_snapshot.mjs", RUNTIME, target, package_name(),
                                   VIGNETTES_FILE, stdlib))
    limit = initial_memory(RUNTIME / "pyodide.asm.wasm")
    check_snapshot(snapshot, limit)
    write_manifest(target, wheel.name, limit)


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
    missing = [name for name in CHECKER_FILES if not (RUNTIME / name).is_file()]
    if missing:
        raise PluginError(f"node_modules/pyodide lacks {missing}: run 'npm ci'")


def build_wheel(outdir: Path) -> Path:
    """Return the path of the checker's py3-none-any wheel, built reproducibly in
    ``outdir`` from a copy of the package without what the engine never reads
    (NOT_SHIPPED: the vignettes)."""
    from flit_core.wheel import make_wheel_in

    project = outdir / "project"
    project.mkdir()
    pyproject = ROOT / "pyproject.toml"
    readme = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["readme"]
    for name in (pyproject.name, readme):
        shutil.copy2(ROOT / name, project / name)
    package = ROOT / "checker"
    shutil.copytree(package, project / package.name, ignore=lambda folder, names: [
        name for name in names
        if name == "__pycache__" or Path(name).suffix in NOT_SHIPPED_KINDS
        or (Path(folder) == package and name in NOT_SHIPPED)])
    # A fixed timestamp makes the same sources give the same wheel and sha256.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = WHEEL_TIMESTAMP
    try:
        return Path(make_wheel_in(project / pyproject.name, outdir).file)
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
    if package_name() not in json.loads(lock.read_text())["packages"]:
        raise PluginError(f"{lock} does not list {package_name()} after "
                          "'pyodide lockfile add-wheels'")


def run_node(script: str, *args: object) -> str:
    """Run one of build_scripts/*.mjs with Node; return what it printed."""
    command = ["node", str(ROOT / "build_scripts" / script), *map(str, args)]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise PluginError("node is not installed: the checker's engine is prepared with Node.js "
                          "(build_scripts/project.sh installs it)") from None
    if result.returncode != 0:
        # The end says what went wrong (the start can be a line of minified Pyodide).
        raise PluginError(f"build_scripts/{script} failed:\n{result.stdout[-3000:]}"
                          f"{result.stderr[-3000:]}")
    return result.stdout


def initial_memory(wasm: Path) -> int:
    """Return the bytes of memory a WebAssembly module starts with (its memory section)."""
    data = wasm.read_bytes()
    if data[:4] != b"\0asm":
        raise PluginError(f"{wasm} is not a WebAssembly module")
    position = 8
    while position < len(data):
        section, position = data[position], position + 1
        size, position = read_leb128(data, position)
        if section == MEMORY_SECTION:
            _count, at = read_leb128(data, position)
            _flags, at = data[at], at + 1
            pages, _ = read_leb128(data, at)
            return pages * WASM_PAGE
        position += size
    raise PluginError(f"{wasm} declares no memory of its own")


def read_leb128(data: bytes, position: int) -> tuple[int, int]:
    """Return the unsigned LEB128 number at ``position`` and the position after it."""
    value = shift = 0
    while True:
        byte, position = data[position], position + 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, position


def check_snapshot(snapshot: dict[str, Any], limit: int) -> None:
    """Raise PluginError unless the engine's snapshot restores and will keep restoring,
    and the engine restored from it gives every vignette its expected level.

    Pyodide restores a snapshot into the memory its WebAssembly module starts with
    and never grows it first, so a snapshot of a heap that grew past that fails to
    restore (pyodide issue 6254). The heap grows when what the engine holds at
    start-up no longer fits; the build fails before that, while HEAP_MARGIN is
    still free, because a browser's start differs slightly from Node's.
    """
    mib = 2**20
    if snapshot["differing"]:
        raise PluginError(f"the engine restored from its snapshot answers vignettes "
                          f"{', '.join(snapshot['differing'])} differently from the engine it "
                          "was made from")
    check_levels(snapshot["levels"])
    heap, in_use = snapshot["heap_bytes"], snapshot["heap_in_use"]
    remedy = ("Import less when the checker starts (checker/ and the modules it imports at "
              "the top), or keep fewer or smaller objects at module level.")
    if heap > limit:
        raise PluginError(
            f"the snapshot of the checker's engine has a heap of {heap / mib:.1f} MiB, more "
            f"than the {limit / mib:.1f} MiB Pyodide starts with: it would fail to restore "
            f"(pyodide issue 6254), and every return visit would start slowly. {remedy}")
    if in_use + HEAP_MARGIN > limit:
        raise PluginError(
            f"the checker's engine holds {in_use / mib:.1f} MiB at start-up, less than "
            f"{HEAP_MARGIN / mib:.0f} MiB short of the {limit / mib:.1f} MiB Pyodide starts "
            "with: a little more and its heap grows, and a snapshot of a grown heap fails to "
            f"restore (pyodide issue 6254). {remedy}")


def check_levels(levels: list[dict[str, str]]) -> None:
    """Raise PluginError naming every vignette the engine in Pyodide does not give its
    expected level: each of ``levels`` is a vignette's id, its expected level (expect)
    and what the engine gave (got: a level, or why it refused the answers)."""
    wrong = [f"  {case['id']}: expected {case['expect']}, got {case['got']}"
             for case in levels if case["got"] != case["expect"]]
    if wrong:
        raise PluginError(f"the checker's engine in Pyodide (the site's wheel and standard "
                          f"library, restored from its snapshot, run in Node) does not give "
                          f"{len(wrong)} of {len(levels)} vignettes their expected level:\n"
                          + "\n".join(wrong))


def write_manifest(target: Path, wheel: str, limit: int) -> None:
    """Write engine.json: what the page's worker needs besides pyodide-lock.json, and the
    files the engine loads, for the service worker to keep: "runtime", which changes
    only with Pyodide or the modules the checker imports, and "checker", which changes
    with the checker. (Nothing in it varies from build to build of the same sources,
    so an unchanged engine keeps the name of its offline cache.)"""
    (target / ENGINE_MANIFEST).write_text(json.dumps({
        "pyodide": json.loads((RUNTIME / "package.json").read_text())["version"],
        # Which checker this engine is: the page compares it with its own (site_layout).
        "checker_build": checker_build(),
        "stdlib": CHECKER_STDLIB,
        "stdlib_sha256": hashlib.sha256((target / CHECKER_STDLIB).read_bytes()).hexdigest(),
        "heap_limit": limit,
        "files": {"runtime": [*CHECKER_FILES, CHECKER_STDLIB],
                  "checker": ["pyodide-lock.json", wheel]},
    }, indent=2))


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

# What the checker's engine needs from the runtime, as Pyodide publishes it (the
# lock file is written anew, the standard library trimmed): all the site serves of
# it. Pyodide's complete standard library is not deployed; the benchmark's bare page
# takes it from node_modules.
CHECKER_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

# In the checker's package, what its wheel leaves out: the vignettes (checker/data/),
# which the build and the tests read and the engine never does.
NOT_SHIPPED = ("data",)
# ... and the translation catalogs' sources and back-translations: it reads only the
# compiled .mo files.
NOT_SHIPPED_KINDS = (".po", ".pot", ".yml")

# The largest files the engine needs, which the checker page fetches into the
# browser's cache while it loads, so that its worker finds them there.
PREFETCHED = ("pyodide.asm.wasm", CHECKER_STDLIB, "pyodide.asm.mjs")

# WebAssembly: the memory section's id, and the size of a page of memory.
MEMORY_SECTION = 5
WASM_PAGE = 65536

# Memory the engine must leave free at start-up (see check_snapshot).
HEAP_MARGIN = 2**20

# 2026-01-01T00:00:00Z, stamped on every file in the wheel.
WHEEL_TIMESTAMP = "1767225600"
