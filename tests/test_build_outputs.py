"""What the build puts beside the pages: the Pyodide runtime with the checker's
wheel registered in its lock file, the start-up snapshot, the service worker,
the web app manifest and its icons."""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zipfile
from pathlib import Path

import pytest

from tests.mkdocs_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# The runtime

def test_the_site_ships_only_what_a_stdlib_only_checker_needs(built_site):
    shipped = {path.name for path in (built_site / "pyodide").iterdir()}
    wheel = [name for name in shipped if name.endswith(".whl")]
    assert len(wheel) == 1 and wheel[0].endswith("-py3-none-any.whl")
    assert shipped == {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                       "pyodide-lock.json", "snapshot.bin.gz", "snapshot.json", *wheel}


def test_the_lock_file_registers_the_wheel_with_its_sha256(built_site):
    lock = json.loads((built_site / "pyodide" / "pyodide-lock.json").read_text())
    assert list(lock["packages"]) == ["after-the-massage-checker"]
    entry = lock["packages"]["after-the-massage-checker"]
    assert entry["imports"] == ["checker"]
    assert entry["sha256"] == sha256(built_site / "pyodide" / entry["file_name"])
    assert lock["info"]["python"].startswith("3.")


def test_the_wheel_holds_the_checker_package_and_nothing_else(built_site):
    wheel = next((built_site / "pyodide").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "checker/__init__.py" in names and "checker/rules.py" in names
    assert all(name.startswith(("checker/", "after_the_massage_checker-")) for name in names)


def test_the_wheel_is_reproducible(tmp_path):
    hook = load_hook("pyodide_runtime")
    wheels = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        wheels.append(hook.build_wheel(tmp_path / name).read_bytes())
    assert wheels[0] == wheels[1]


def test_the_snapshot_imports_what_the_checker_imports_from_the_standard_library():
    modules = load_hook("pyodide_runtime").checker_imports()
    assert {"dataclasses", "json", "collections.abc"} <= set(modules)
    # Not the checker itself (its wheel loads with a sha256 check), nor the command line's.
    assert not any(module.startswith("checker") for module in modules)
    assert "argparse" not in modules and "__future__" not in modules


def test_the_snapshot_manifest_carries_the_snapshot_sha256(built_site):
    manifest = json.loads((built_site / "pyodide" / "snapshot.json").read_text())
    assert manifest["sha256"] == sha256(built_site / "pyodide" / manifest["file"])
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert manifest["pyodide"] == pinned


# ---------------------------------------------------------------------------
# Offline and installable

def service_worker_caches(site: Path) -> list[dict]:
    text = (site / "sw.js").read_text()
    return json.loads(re.search(r"^const CACHES = (.*);$", text, re.MULTILINE).group(1))


def test_the_service_worker_keeps_every_page_and_the_runtime(built_site):
    caches = {cache["name"].rsplit("-", 1)[0]: cache for cache in service_worker_caches(built_site)}
    assert set(caches) == {"after-the-massage-core", "after-the-massage-runtime",
                           "after-the-massage-snapshot"}
    core = caches["after-the-massage-core"]
    assert core["when"] == "install"
    for page in built_site.rglob("index.html"):
        folder = page.parent.relative_to(built_site).as_posix()
        assert (folder + "/" if folder != "." else "./") in core["files"], folder
    assert "./" in core["files"] and "search/search_index.json" in core["files"]
    runtime = caches["after-the-massage-runtime"]["files"]
    assert "pyodide/pyodide.asm.wasm" in runtime and "pyodide/pyodide-lock.json" in runtime
    assert caches["after-the-massage-snapshot"]["files"] == ["pyodide/snapshot.bin.gz",
                                                              "pyodide/snapshot.json"]
    every = [path for cache in caches.values() for path in cache["files"]]
    assert all(not re.match(r"[a-z]+://", path) for path in every), "only the site's own files"
    for path in every:
        file = built_site / path / "index.html" if path.endswith("/") else built_site / path
        assert file.is_file(), path


def test_cache_names_change_with_their_files_only(tmp_path):
    hook = load_hook("offline")
    site = tmp_path / "site"
    (site / "pyodide").mkdir(parents=True)
    (site / "index.html").write_text("one")
    (site / "pyodide" / "pyodide.asm.wasm").write_bytes(b"wasm")
    before = {group: hook.version_of(paths, site) for group, paths in hook.cached_files(site).items()}
    (site / "index.html").write_text("two")
    after = {group: hook.version_of(paths, site) for group, paths in hook.cached_files(site).items()}
    assert before["core"] != after["core"]
    assert before["runtime"] == after["runtime"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_web_app_manifest_and_its_icons(built_site):
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "After the Massage"
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        width, height = png_size(built_site / icon["src"])
        assert f"{width}x{height}" == icon["sizes"]
    home = (built_site / "index.html").read_text()
    assert 'rel="manifest" href="manifest.webmanifest"' in home


@pytest.mark.parametrize("page", ["index.html", "warning-signs/index.html"])
def test_only_the_checker_page_fetches_the_runtime_early(built_site, page):
    assert "pyodide.asm.wasm" not in (built_site / page).read_text()
    assert "pyodide.asm.wasm" in (built_site / "checker" / "index.html").read_text()
