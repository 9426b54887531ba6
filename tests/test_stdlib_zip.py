"""The engine's own standard library (build_scripts/stdlib_zip.py), tried in
CPython on a small library of its own: which modules it keeps, and that what it
writes imports and runs from a zip as Pyodide's Python imports its library."""

from __future__ import annotations

import importlib
import sys
import traceback
import types
import zipfile

import pytest

from build_scripts import stdlib_zip

LIBRARY = {
    "alpha.py": '"""Alpha\'s docstring."""\n\ndef double(n):\n    """Twice n."""\n'
                "    assert n >= 0, 'asserts go with the docstrings'\n    return 2 * n\n",
    "pack/__init__.py": "from .beta import NAME\n",
    "pack/beta.py": "NAME = 'beta'\n\ndef fail():\n    raise ValueError('from beta')\n",
    "unused.py": "raise RuntimeError('never imported')\n",
}


@pytest.fixture
def library(tmp_path):
    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, source in LIBRARY.items():
            zipped.writestr(name, source)
    return str(archive)


@pytest.fixture
def importable():
    """Put a zip first on sys.path for one test, and forget what was imported from it."""
    added = []

    def add(path):
        sys.path.insert(0, path)
        added.append(path)

    yield add
    for path in added:
        sys.path.remove(path)
        sys.path_importer_cache.pop(path, None)
    for name in ("alpha", "pack", "pack.beta"):
        sys.modules.pop(name, None)


def module(name: str, origin: str | None) -> types.ModuleType:
    loaded = types.ModuleType(name)
    loaded.__spec__ = importlib.machinery.ModuleSpec(name, None, origin=origin)
    return loaded


def test_loaded_from_names_the_source_files_of_modules_from_that_archive():
    modules = {
        "alpha": module("alpha", "/lib/python314.zip/alpha.py"),
        "pack": module("pack", "/lib/python314.zip/pack/__init__.py"),
        "pack.beta": module("pack.beta", "/lib/python314.zip/pack/beta.py"),
        "sys": module("sys", "built-in"),
        "checker": module("checker", "/lib/python3.14/site-packages/checker/__init__.py"),
        "other": module("other", "/lib/python314.zip.old/other.py"),
        "nothing": types.ModuleType("nothing"),
    }
    assert stdlib_zip.loaded_from("/lib/python314.zip", modules) == [
        "alpha.py", "pack/__init__.py", "pack/beta.py"]


def test_the_trimmed_zip_holds_only_the_named_modules_compiled(library, tmp_path):
    output = tmp_path / "trimmed.zip"
    stdlib_zip.write_trimmed(library, ["alpha.py", "pack/__init__.py", "pack/beta.py"], str(output))
    assert sorted(zipfile.ZipFile(output).namelist()) == [
        "alpha.pyc", "pack/__init__.pyc", "pack/beta.pyc"]


def test_the_trimmed_zip_imports_and_runs_without_docstrings_or_columns(
        library, tmp_path, importable):
    output = tmp_path / "trimmed.zip"
    stdlib_zip.write_trimmed(library, ["alpha.py", "pack/__init__.py", "pack/beta.py"], str(output))
    importable(str(output))
    alpha = importlib.import_module("alpha")
    pack = importlib.import_module("pack")
    assert alpha.double(21) == 42 and pack.NAME == "beta"
    assert alpha.__doc__ is None and alpha.double.__doc__ is None
    assert alpha.double(-1) == -2  # compiled as -OO compiles: no asserts
    assert alpha.__spec__.origin == f"{output}/alpha.pyc"
    assert alpha.double.__code__.co_filename == f"{library}/alpha.py"  # named as in the library
    with pytest.raises(ValueError, match="from beta") as raised:
        pack.beta.fail()
    # The traceback names the right line, without the columns of the expression.
    assert raised.traceback[-1].lineno + 1 == 4
    assert traceback.format_exception(raised.value)[-2].endswith('beta.py", line 4, in fail\n')
    assert all(columns == (None, None) for *_, columns in
               [(start, end, (col, end_col)) for start, end, col, end_col
                in pack.beta.fail.__code__.co_positions()])


def test_the_same_modules_give_the_same_zip(library, tmp_path):
    names = ["alpha.py", "pack/beta.py"]
    stdlib_zip.write_trimmed(library, names, str(tmp_path / "one.zip"))
    stdlib_zip.write_trimmed(library, names, str(tmp_path / "two.zip"))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_the_standard_library_archive_is_the_one_zip_on_the_path(monkeypatch):
    monkeypatch.setattr(sys, "path", ["", "/lib/python314.zip", "/lib/python3.14"])
    assert stdlib_zip.standard_library_archive() == "/lib/python314.zip"
    monkeypatch.setattr(sys, "path", ["", "/lib/python3.14"])
    with pytest.raises(RuntimeError, match="expected one standard-library zip"):
        stdlib_zip.standard_library_archive()


def test_lines_without_columns_keeps_every_instructions_line():
    source = "\n".join(["def f(a):", "    b = [x * 2", "         for x in a]", "", "    if b:",
                         "        return b", "    return None", "class C:", "    y = f([1])"])
    original = compile((source + "\n") * 40, "many.py", "exec")  # many lines, far apart
    trimmed = stdlib_zip.lines_without_columns(original)

    def codes(code):
        yield code
        for constant in code.co_consts:
            if isinstance(constant, types.CodeType):
                yield from codes(constant)

    for before, after in zip(codes(original), codes(trimmed), strict=True):
        assert list(after.co_lines()) == list(before.co_lines())
        assert {positions[2:] for positions in after.co_positions()} <= {(None, None)}
        assert len(after.co_linetable) < len(before.co_linetable)
    namespace = {}
    exec(trimmed, namespace)
    assert namespace["C"].y == [2]


@pytest.mark.parametrize(("value", "encoded"), [
    (0, b"\x00"), (1, b"\x02"), (-1, b"\x03"), (31, b"\x3e"), (32, b"\x40\x01"),
    (-300, b"\x59\x09"),
])
def test_signed_varints_as_the_location_table_writes_them(value, encoded):
    assert stdlib_zip.signed_varint(value) == encoded
