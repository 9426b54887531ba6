"""The checker's own standard library: only the modules its engine loads, compiled.

Run at build time inside Pyodide (by build_scripts/trim_stdlib.mjs), after the
checker has assessed every test vignette: the modules then loaded from Pyodide's
standard-library zip are the ones the engine needs, so no list is written by
hand. They are written to a new zip as bytecode for the interpreter that made
them, so a reader's browser does not compile them at every start. To keep the
download as small as the sources', the bytecode is compiled as ``python -OO``
compiles it (no docstrings, no asserts) and keeps the line of each instruction
but not its columns.
"""

from __future__ import annotations

import importlib.util
import marshal
import sys
import types
import zipfile

# PEP 552: a hash-based .pyc that is never checked against a source (there is none).
UNCHECKED_HASH_PYC = 0b01

# Kinds of entry in a code object's location table (CPython's InternalDocs/
# code_objects.md): a line without columns, and no location; and how many code
# units one entry covers at most.
NO_COLUMNS = 13
NO_LOCATION = 15
UNITS_PER_ENTRY = 8


def loaded_from(archive: str, modules: dict | None = None) -> list[str]:
    """Return the names, inside ``archive``, of the source files of the modules loaded
    from it (``sys.modules`` unless given), sorted."""
    prefix = archive.rstrip("/") + "/"
    names = set()
    for module in (sys.modules if modules is None else modules).values():
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(prefix) and origin.endswith(".py"):
            names.add(origin[len(prefix):])
    return sorted(names)


def lines_without_columns(code: types.CodeType) -> types.CodeType:
    """Return ``code``, and the code objects inside it, with a location table that keeps
    each instruction's line but not its columns: tracebacks still name the right line,
    from about a third of the table's bytes."""
    table = bytearray()
    line = code.co_firstlineno
    for start, end, instruction_line in code.co_lines():
        units = (end - start) // 2
        for first in range(0, units, UNITS_PER_ENTRY):
            covered = min(UNITS_PER_ENTRY, units - first)
            if instruction_line is None:
                table.append(0x80 | NO_LOCATION << 3 | covered - 1)
            else:
                table.append(0x80 | NO_COLUMNS << 3 | covered - 1)
                table += signed_varint(instruction_line - line)
                line = instruction_line
    constants = tuple(lines_without_columns(constant) if isinstance(constant, types.CodeType)
                      else constant for constant in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=constants)


def signed_varint(value: int) -> bytes:
    """Return ``value`` as the location table writes a signed number: sign in the lowest
    bit, then six bits a byte, lowest first, 0x40 marking that more follow."""
    number = (-value << 1) | 1 if value < 0 else value << 1
    encoded = bytearray()
    while number >= 0x40:
        encoded.append(0x40 | number & 0x3F)
        number >>= 6
    encoded.append(number)
    return bytes(encoded)


def bytecode(source: bytes, filename: str) -> bytes:
    """Return the .pyc file for a module's source, for the running interpreter."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=2)
    return (importlib.util.MAGIC_NUMBER
            + UNCHECKED_HASH_PYC.to_bytes(4, "little")
            + importlib.util.source_hash(source)
            + marshal.dumps(lines_without_columns(code)))


def write_trimmed(archive: str, names: list[str], output: str) -> None:
    """Write to ``output`` a zip holding the named source files of ``archive``, compiled.

    Each keeps the file name it had in ``archive``, so that tracebacks name the module."""
    with zipfile.ZipFile(archive) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as trimmed:
        for name in names:
            # A fixed date keeps the same modules giving the same zip.
            entry = zipfile.ZipInfo(name + "c", date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            trimmed.writestr(entry, bytecode(source.read(name), f"{archive}/{name}"))


def standard_library_archive() -> str:
    """Return the path of the zip the running interpreter imports its standard library from."""
    zips = [entry for entry in sys.path if entry.endswith(".zip")]
    if len(zips) != 1:
        raise RuntimeError(f"expected one standard-library zip on sys.path, found {zips}")
    return zips[0]
