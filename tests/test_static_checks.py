"""The code passes its static checks: ruff (the rules in pyproject.toml) over the
whole project, mypy --strict over the checker package, and mypy over the build
scripts. The same checks a reviewer would run, in the test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [
    ["ruff", "check", "--no-cache", "checker", "build_scripts", "tests"],
    ["mypy", "--strict", "--no-incremental", "checker"],
    ["mypy", "--no-incremental", "build_scripts"],
], ids=["ruff", "mypy-strict-checker", "mypy-build-scripts"])
def test_static_check_passes(command):
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
