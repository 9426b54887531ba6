"""build_scripts/project.sh on machines unlike Debian's: its hashing without
sha256sum (macOS has shasum), and the tests without Chromium or root when the
browser tests are left out. Its functions are run by sourcing it in bash, with a
PATH that holds only the programs a case allows."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "build_scripts" / "project.sh"
BASH = shutil.which("bash") or "/bin/bash"

# What sourcing the script and its functions call, whatever the case.
BASIC_TOOLS = ("dirname", "cut", "cat", "id")


def path_with(folder: Path, *programs: str) -> str:
    """Return a PATH of one folder holding links to these programs only (the
    Python running the tests stands in for python3)."""
    folder.mkdir(exist_ok=True)
    for name in (*BASIC_TOOLS, *programs):
        found = sys.executable if name == "python3" else shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed here")
        (folder / name).symlink_to(found)
    return str(folder)


def run_sourced(commands: str, path: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run bash commands after sourcing project.sh, with only ``path`` on PATH."""
    environment = {"PATH": path, "HOME": os.environ.get("HOME", "/"), **env}
    return subprocess.run([BASH, "-c", f'source "{SCRIPT}"; {commands}'], env=environment,
                          capture_output=True, text=True)


# ---------------------------------------------------------------------------
# Hashing

@pytest.mark.parametrize("hasher", ["sha256sum", "shasum", "python3"])
def test_a_file_is_hashed_with_whatever_the_machine_has(tmp_path, hasher):
    path = path_with(tmp_path / "bin", hasher)
    lock = tmp_path / "package-lock.json"
    lock.write_bytes(b'{"lockfileVersion": 3}\n')
    done = run_sourced(f'sha256_of "{lock}"', path, VENV=str(tmp_path / "no-venv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hashlib.sha256(lock.read_bytes()).hexdigest()


def test_a_stamp_is_written_and_checked_without_sha256sum(tmp_path):
    path = path_with(tmp_path / "bin", "shasum")
    pinned, stamp = tmp_path / "requirements.txt", tmp_path / "stamp"
    pinned.write_text("mkdocs==1.6.1\n")
    check = f'stamp_ok "{pinned}" "{stamp}" && echo same || echo changed'
    done = run_sourced(f'stamp_write "{pinned}" "{stamp}"; {check}', path)
    assert (done.returncode, done.stdout.strip()) == (0, "same"), done.stderr
    pinned.write_text("mkdocs==1.6.2\n")
    assert run_sourced(check, path).stdout.strip() == "changed"


# ---------------------------------------------------------------------------
# Chromium: only for the browser tests

@pytest.mark.parametrize(("arguments", "deselected"), [
    ('-m "not browser"', True),
    ('-q -m "not browser and not slow" tests/test_rules.py', True),
    ('"-mnot browser"', True),
    ("", False),
    ("-m browser", False),
    ("tests/browser/test_site_browser.py", False),
    ('-k "not browser"', False),  # a name filter, not the browser marker
])
def test_the_browser_tests_are_left_out_only_by_a_marker_expression(tmp_path, arguments,
                                                                      deselected):
    done = run_sourced(f"deselects_browser {arguments} && echo yes || echo no",
                       path_with(tmp_path / "bin"))
    assert done.stdout.strip() == ("yes" if deselected else "no"), done.stderr


def test_chromium_is_the_program_chromium_names(tmp_path):
    browser = tmp_path / "my-chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    done = run_sourced("need_chromium && echo found", path_with(tmp_path / "bin"),
                       CHROMIUM=str(browser))
    assert (done.returncode, done.stdout.strip()) == (0, "found"), done.stderr


def test_chromium_naming_nothing_stops_with_its_name(tmp_path):
    missing = tmp_path / "nowhere" / "chromium"
    done = run_sourced("need_chromium", path_with(tmp_path / "bin"), CHROMIUM=str(missing))
    assert done.returncode == 1
    assert f"CHROMIUM={missing} is not a program" in done.stderr


def test_without_chromium_or_apt_get_the_error_says_how_to_get_one(tmp_path):
    # No chromium and no apt-get on PATH: nothing to install it with.
    done = run_sourced("need_chromium", path_with(tmp_path / "bin"))
    assert done.returncode == 1
    message = done.stderr
    assert "missing chromium" in message and "apt-get install chromium" in message
    assert "CHROMIUM=/path/to/chromium" in message and '-m "not browser"' in message
