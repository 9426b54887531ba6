"""The case vignettes: written cases, each with the level a clinician would expect.

They are the checker's own data (checker/data/vignettes.json), read here, checked,
for the build (the clinical-safety figures and gate, the engine's standard library
and the check of its snapshot) and for the tests. The browser's wheel leaves them
out (hooks/pyodide_runtime.py): the engine never reads them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from build_scripts.site_layout import ROOT
from checker.levels import LEVEL_IDS

VIGNETTES_NAME = "checker/data/vignettes.json"
VIGNETTES_FILE = ROOT / VIGNETTES_NAME

# Each vignette's fields, and the type of each.
FIELDS = {"id": str, "story": str, "answers": dict, "expect": str}


def load_vignettes(path: Path = VIGNETTES_FILE) -> list[dict[str, Any]]:
    """Return the vignettes in ``path``; raise ValueError naming the file, the vignette
    and what is wrong with it."""
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        vignettes = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{name}: cannot be read: {error}") from None
    if not isinstance(vignettes, list) or not vignettes:
        raise ValueError(f"{name}: must be a non-empty list of vignettes")
    seen = set()
    for number, vignette in enumerate(vignettes, 1):
        where = f"{name}: vignette {number}"
        if not isinstance(vignette, dict) or set(vignette) != set(FIELDS):
            raise ValueError(f"{where} must have exactly the fields {list(FIELDS)}")
        for field, kind in FIELDS.items():
            if not isinstance(vignette[field], kind):
                raise ValueError(f"{where}: '{field}' must be a {kind.__name__}")
        if vignette["id"] in seen:
            raise ValueError(f"{where}: the id {vignette['id']!r} is used twice")
        seen.add(vignette["id"])
        if vignette["expect"] not in LEVEL_IDS:
            raise ValueError(f"{where} ({vignette['id']}): 'expect' must be one of "
                             f"{list(LEVEL_IDS)}, not {vignette['expect']!r}")
    return vignettes
