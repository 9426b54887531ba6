"""What the build puts beside the pages: the Pyodide runtime with the checker's
wheel registered in its lock file, the engine's own standard library and its
manifest, the snapshot check, the service worker, the web app manifest and its
icons."""

from __future__ import annotations

import ast
import hashlib
import json
import re
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_scripts.content_security_policy import read_page
from build_scripts.site_layout import CACHE_PREFIX, SNAPSHOT_CACHE, package_name
from build_scripts.vignettes import load_vignettes
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
    # Not Pyodide's complete standard library: the engine loads its own.
    assert shipped == {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                       "pyodide-lock.json", "checker_stdlib.zip", "engine.json", *wheel}


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


def test_the_wheel_leaves_out_what_the_engine_never_reads(tmp_path):
    """The vignettes and the catalogs' sources stay out; the compiled catalogs go in."""
    wheel = load_hook("pyodide_runtime").build_wheel(tmp_path)
    assert (ROOT / "checker" / "data" / "vignettes.json").is_file()
    assert (ROOT / "checker" / "locale" / "ru" / "LC_MESSAGES" / "checker.po").is_file()
    names = zipfile.ZipFile(wheel).namelist()
    assert [name for name in names if name.startswith("checker/") and not name.endswith(".py")] \
        == ["checker/locale/ru/LC_MESSAGES/checker.mo"]


def test_the_wheel_is_reproducible(tmp_path):
    hook = load_hook("pyodide_runtime")
    wheels = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        wheels.append(hook.build_wheel(tmp_path / name).read_bytes())
    assert wheels[0] == wheels[1]


# ---------------------------------------------------------------------------
# The engine's own standard library and the manifest

def checker_imports() -> set[str]:
    """Return the modules the checker package imports from outside itself (the
    standard library), read from its source; the command line's are left out."""
    modules = set()
    for source in (ROOT / "checker").glob("*.py"):
        if source.name != "__main__.py":
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules.add(node.module)
    return modules - {"__future__"}


def module_file(module: str, names: set[str]) -> str | None:
    """Return the file of ``module`` among ``names`` (a module or a package), or None."""
    path = module.replace(".", "/")
    return next((name for name in (f"{path}.py", f"{path}/__init__.py") if name in names), None)


def test_the_engine_stdlib_holds_the_checkers_imports_compiled_and_little_else(built_site):
    full = set(zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").namelist())
    trimmed = zipfile.ZipFile(built_site / "pyodide" / "checker_stdlib.zip").namelist()
    assert trimmed and all(name.endswith(".pyc") and name[:-1] in full for name in trimmed)
    sources = {name[:-1] for name in trimmed}
    # What the checker imports itself, and what Pyodide's start-up needs, are there...
    for module in checker_imports() | {"_pyodide._base", "pyodide._package_loader"}:
        frozen_or_builtin = module_file(module, full) is None
        assert frozen_or_builtin or module_file(module, sources), module
    # ...the command line's argument parser and most of the library are not.
    assert module_file("argparse", full) and not module_file("argparse", sources)
    assert len(trimmed) < len(full) / 3


def test_the_engine_stdlib_is_bytecode_for_pyodides_python(built_site):
    lock = json.loads((built_site / "pyodide" / "pyodide-lock.json").read_text())
    major, minor = map(int, lock["info"]["python"].split(".")[:2])
    archive = zipfile.ZipFile(built_site / "pyodide" / "checker_stdlib.zip")
    header = archive.read("json/__init__.pyc")[:16]
    # The magic number is the bytecode format's; Python 3.14's are 3600 to 3699.
    magic = int.from_bytes(header[:2], "little")
    assert (major, minor) == (3, 14) and 3600 <= magic < 3700
    assert header[2:4] == b"\r\n" and int.from_bytes(header[4:8], "little") == 0b01


def test_the_manifest_names_the_engine_stdlib_and_the_snapshot_limits(built_site):
    runtime = built_site / "pyodide"
    manifest = json.loads((runtime / "engine.json").read_text())
    assert manifest["stdlib"] == "checker_stdlib.zip"
    assert manifest["stdlib_sha256"] == sha256(runtime / "checker_stdlib.zip")
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert manifest["pyodide"] == pinned
    hook = load_hook("pyodide_runtime")
    assert manifest["heap_limit"] == hook.initial_memory(runtime / "pyodide.asm.wasm")
    files = [name for names in manifest["files"].values() for name in names]
    assert "checker_stdlib.zip" in files and "python_stdlib.zip" not in files
    for name in files:
        assert (runtime / name).is_file(), name


def wasm_module(*sections: tuple[int, bytes]) -> bytes:
    return b"\0asm\1\0\0\0" + b"".join(bytes([kind, len(body)]) + body
                                          for kind, body in sections)


def test_initial_memory_is_read_from_the_wasm_memory_section(tmp_path):
    hook = load_hook("pyodide_runtime")
    module = tmp_path / "module.wasm"
    # A type section to skip, then memory: one memory, no maximum, 3 pages (LEB128 0x03).
    module.write_bytes(wasm_module((1, b"\1\x60\0\0"), (5, b"\1\0\x03")))
    assert hook.initial_memory(module) == 3 * 65536
    # 480 pages as LEB128 (0xe0 0x03), with a maximum: the layout of Pyodide's.
    module.write_bytes(wasm_module((5, b"\1\1\xe0\x03\x80\x20")))
    assert hook.initial_memory(module) == 480 * 65536
    module.write_bytes(wasm_module((1, b"\1\x60\0\0")))
    with pytest.raises(PluginError, match="declares no memory"):
        hook.initial_memory(module)


MIB = 2**20


@pytest.mark.parametrize(("heap", "in_use", "fails"), [
    (30 * MIB, 22 * MIB, False),
    (30 * MIB, 29 * MIB - 1, False),
    (30 * MIB, 29 * MIB + 1, True),  # less than the margin left: the next change may cross
    (32 * MIB, 22 * MIB, True),  # grown past what Pyodide restores into
])
def test_the_build_fails_before_the_snapshot_heap_crosses_the_limit(heap, in_use, fails):
    hook = load_hook("pyodide_runtime")
    snapshot = {"heap_bytes": heap, "heap_in_use": in_use, "differing": [], "levels": []}
    if not fails:
        hook.check_snapshot(snapshot, 30 * MIB)
        return
    with pytest.raises(PluginError, match=r"30\.0 MiB Pyodide starts with.*pyodide issue 6254"):
        hook.check_snapshot(snapshot, 30 * MIB)


def test_the_build_fails_when_the_restored_engine_answers_differently():
    hook = load_hook("pyodide_runtime")
    with pytest.raises(PluginError, match="vignettes V03, V07 differently"):
        hook.check_snapshot({"heap_bytes": 30 * MIB, "heap_in_use": 20 * MIB,
                             "differing": ["V03", "V07"], "levels": []}, 30 * MIB)


def test_the_build_fails_when_the_engine_in_pyodide_misses_a_vignettes_level():
    # What build_scripts/check_snapshot.mjs prints for each vignette: the level the
    # engine restored from its snapshot gives it, beside the expected one.
    hook = load_hook("pyodide_runtime")
    levels = [{"id": "V01", "expect": "self_care", "got": "self_care"},
              {"id": "V02", "expect": "emergency", "got": "urgent"},
              {"id": "V03", "expect": "doctor", "got": "its answers refused (fainted: unknown "
                                                      "field)"},
              {"id": "V04", "expect": "doctor", "got": "urgent"}]
    snapshot = {"heap_bytes": 30 * MIB, "heap_in_use": 20 * MIB, "differing": []}
    hook.check_snapshot({**snapshot, "levels": levels[:1]}, 30 * MIB)
    with pytest.raises(PluginError) as raised:
        hook.check_snapshot({**snapshot, "levels": levels}, 30 * MIB)
    assert str(raised.value).splitlines() == [
        "the checker's engine in Pyodide (the site's wheel and standard library, restored "
        "from its snapshot, run in Node) does not give 3 of 4 vignettes their expected level:",
        "  V02: expected emergency, got urgent",
        "  V03: expected doctor, got its answers refused (fainted: unknown field)",
        "  V04: expected doctor, got urgent"]


def test_the_snapshot_heap_is_read_from_its_header_where_the_snapshot_starts():
    # One reader of the header, for the build and the page, that minds the byte offset of
    # a snapshot that is a view into a larger buffer.
    engine = (ROOT / "docs" / "assets" / "javascripts" / "checker-engine.mjs").as_uri()
    script = f"""import {{ snapshotHeapBytes }} from "{engine}";
const buffer = new ArrayBuffer(24);
new DataView(buffer).setUint32(4, 999, true);  // what a reader from the buffer's start finds
const snapshot = new Uint8Array(buffer, 8, 16);
new DataView(buffer, 8).setUint32(4, 6, true);  // the snapshot's header: its heap starts at 6
console.log(snapshotHeapBytes(snapshot));"""
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "10"


def test_the_snapshot_check_reports_every_vignettes_level(built_site, tmp_path):
    # The Node side of the gate above: check_snapshot.mjs, run on the built site's
    # engine with one expectation changed, reports the vignette, and the hook stops.
    hook = load_hook("pyodide_runtime")
    vignettes = load_vignettes()
    wrong = {"emergency": "self_care"}.get(vignettes[0]["expect"], "emergency")
    vignettes[0]["expect"] = wrong
    changed = tmp_path / "vignettes.json"
    changed.write_text(json.dumps(vignettes), encoding="utf-8")
    runtime = built_site / "pyodide"
    snapshot = json.loads(hook.run_node("check_snapshot.mjs", hook.RUNTIME, runtime,
                                        package_name(), changed, runtime / "checker_stdlib.zip"))
    assert [case["id"] for case in snapshot["levels"]] == [v["id"] for v in vignettes]
    with pytest.raises(PluginError, match=rf"does not give 1 of {len(vignettes)} vignettes "
                                          rf"their expected level:\n  {vignettes[0]['id']}: "
                                          rf"expected {wrong}, got "):
        hook.check_snapshot(snapshot, hook.initial_memory(hook.RUNTIME / "pyodide.asm.wasm"))


# ---------------------------------------------------------------------------
# Offline and installable

def service_worker_caches(site: Path) -> list[dict]:
    """Return the service worker's caches, each with "files" as paths and "sha256" beside."""
    text = (site / "sw.js").read_text()
    caches = json.loads(re.search(r"^const CACHES = (.*);$", text, re.MULTILINE).group(1))
    return [{**cache, "files": [path for path, _ in cache["files"]],
             "sha256": dict(cache["files"])} for cache in caches]


def test_the_service_worker_knows_the_sha256_of_every_file_it_keeps(built_site):
    for cache in service_worker_caches(built_site):
        for path, digest in cache["sha256"].items():
            file = built_site / path / "index.html" if path.endswith("/") else built_site / path
            assert digest == sha256(file), path


def test_the_service_worker_keeps_every_page_and_the_engines_files(built_site):
    caches = {cache["name"].rsplit("-", 1)[0].removeprefix(CACHE_PREFIX): cache
              for cache in service_worker_caches(built_site)}
    assert set(caches) == {"core", "runtime", "checker", "ru"}
    core, russian = caches["core"], caches["ru"]
    assert core["when"] == "install" and russian["when"] == "ru"
    for page in built_site.rglob("index.html"):
        folder = page.parent.relative_to(built_site).as_posix()
        # The Russian edition's pages are kept once a Russian page is read, not at install.
        kept = russian if folder == "ru" or folder.startswith("ru/") else core
        assert (folder + "/" if folder != "." else "./") in kept["files"], folder
    assert not any(path.startswith("ru/") for path in core["files"])
    # Its search: its index and Lunr's Russian stemmer, and no other language's.
    assert "ru/search/search_index.json" in russian["files"]
    lunr = [path for path in russian["files"] if "/lunr/" in path]
    assert lunr == ["ru/assets/javascripts/lunr/min/lunr.ru.min.js",
                    "ru/assets/javascripts/lunr/min/lunr.stemmer.support.min.js"]
    assert "./" in core["files"] and "search/search_index.json" in core["files"]
    engine = json.loads((built_site / "pyodide" / "engine.json").read_text())
    runtime, checker = caches["runtime"], caches["checker"]
    assert runtime["when"] == checker["when"] == "checker"
    assert runtime["files"] == sorted(f"pyodide/{name}" for name in engine["files"]["runtime"])
    assert checker["files"] == sorted(["pyodide/engine.json",
                                       *(f"pyodide/{name}" for name in engine["files"]["checker"])])
    assert "pyodide/pyodide.asm.wasm" in runtime["files"]
    assert any(path.endswith(".whl") for path in checker["files"])
    every = [path for cache in caches.values() for path in cache["files"]]
    assert "pyodide/python_stdlib.zip" not in every  # the engine loads its own
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
    (site / "pyodide" / "checker.whl").write_bytes(b"wheel one")
    (site / "pyodide" / "python_stdlib.zip").write_bytes(b"not the engine's")
    (site / "pyodide" / "engine.json").write_text(
        '{"files": {"runtime": ["pyodide.asm.wasm"], "checker": ["checker.whl"]}}')

    def versions():
        groups = hook.cached_files(site)
        assert {group: [path.name for path in paths] for group, paths in groups.items()} == {
            "core": ["index.html"], "runtime": ["pyodide.asm.wasm"],
            "checker": ["checker.whl", "engine.json"]}
        return {group: hook.version_of(paths, site) for group, paths in groups.items()}

    first = versions()
    (site / "index.html").write_text("two")
    second = versions()
    assert first["core"] != second["core"]
    assert first["runtime"] == second["runtime"] and first["checker"] == second["checker"]
    (site / "pyodide" / "checker.whl").write_bytes(b"wheel two")
    third = versions()
    assert third["checker"] != second["checker"] and third["runtime"] == second["runtime"]


def test_the_same_sources_give_the_same_engine_files_and_need_no_tests(built_site,
                                                                      sub_path_site):
    # Else every deployment would change the offline caches' names, and phones would
    # download the runtime again. The sub-path build is made from a copy of the project
    # without tests/ (tests/conftest.py), for another address: the build reads the
    # checker's own data (its vignettes among them), never the tests.
    for name in ("checker_stdlib.zip", "engine.json", "pyodide-lock.json"):
        assert sha256(sub_path_site / "pyodide" / name) == sha256(built_site / "pyodide" / name), \
            name
    page = sub_path_site / "checker" / "clinical-safety" / "index.html"
    assert f"{len(load_vignettes())} written case descriptions" in " ".join(
        page.read_text("utf-8").split())


def test_the_service_worker_deletes_only_the_caches_it_versions(built_site):
    # The checker's engine snapshot (docs/assets/javascripts/checker-worker.mjs) must outlive it.
    # Names carry the scope (here the site's root, "/"): another copy's are left alone.
    text = (built_site / "sw.js").read_text()
    prefix = json.loads(re.search(r"^const OUR_CACHES = new RegExp\((\".*?\") \+", text,
                                  re.MULTILINE).group(1))
    pattern = prefix + re.escape("/") + "$"
    layout = (built_site / "assets" / "javascripts" / "engine-layout.mjs").read_text()
    snapshots = json.loads(re.search(r"^export const SNAPSHOT_CACHE = (.*);$", layout,
                                     re.MULTILINE).group(1))
    assert snapshots == SNAPSHOT_CACHE
    assert not re.match(pattern, snapshots)
    assert not re.match(pattern, snapshots + "@/")
    for cache in service_worker_caches(built_site):
        assert re.match(pattern, cache["name"] + "@/"), cache["name"]
    assert re.match(pattern, "after-the-massage-snapshot-0123456789abcdef@/")  # an old build's
    assert not re.match(pattern, "another-site-core-0123456789abcdef@/")
    assert not re.match(pattern, "after-the-massage-core-0123456789abcdef@/preview/")


def test_the_engine_worker_finds_the_runtime_where_the_build_puts_it(built_site):
    layout = (built_site / "assets" / "javascripts" / "engine-layout.mjs").read_text()
    runtime = json.loads(re.search(r"^export const RUNTIME = (.*);$", layout,
                                   re.MULTILINE).group(1))
    folder = (built_site / "assets" / "javascripts" / runtime).resolve()
    assert (folder / "pyodide.mjs").is_file() and (folder / "engine.json").is_file()


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


def engine_starts(html: str) -> list[tuple[str, int]]:
    """Return each engine start in a page's head: its script's opening tag and where."""
    head = html[:html.index("</head>")]
    return [(found[0], found.start()) for found in re.finditer(r"<script data-worker=[^>]*>", head)]


@pytest.mark.parametrize("page", ["index.html", "warning-signs/index.html", "404.html"])
def test_every_page_has_the_one_engine_start_and_only_the_checker_page_uses_it_early(built_site,
                                                                                    page):
    # On every page, for instant navigation to the checker page; never started there.
    [(tag, _)] = engine_starts((built_site / page).read_text())
    assert "data-early" not in tag
    checker = (built_site / "checker" / "index.html").read_text()
    [(tag, where)] = engine_starts(checker)
    assert "data-early" in tag
    # Before the stylesheets, which an inline script after them would wait for.
    assert where < checker.index('rel="stylesheet"')
    assert "checker-worker.mjs" in tag and "pyodide.asm.wasm" in tag and "checker_stdlib.zip" in tag
    scripts = {script for path in (page, "checker/index.html")
               for script in read_page((built_site / path).read_text()).inline_scripts
               if "checkerEngine" in script}
    assert len(scripts) == 1, "the same script on every page: one hash in the policy"


def test_the_checker_page_script_starts_the_engine_only_through_the_head(built_site):
    script = (built_site / "assets" / "javascripts" / "checker.js").read_text()
    for start in ("new Worker(", 'type: "start"', 'get("snapshot")'):
        assert start not in script, start
