"""Import a MkDocs hook the way MkDocs does: by its path, as a module of its own."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HOOKS = Path(__file__).resolve().parents[1] / "build_scripts" / "hooks"


def load_hook(name: str) -> ModuleType:
    """Return the hook build_scripts/hooks/<name>.py, freshly imported."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", HOOKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
