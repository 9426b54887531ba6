"""Which Chromium the browser tests and the benchmark start (build_scripts/headless_chromium.py):
the one CHROMIUM names, else Debian's chromium, and a clear error for anything else."""

from __future__ import annotations

import pytest

from build_scripts.headless_chromium import MISSING, chromium_path


@pytest.fixture
def no_chromium_on_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("CHROMIUM", raising=False)


def program(path, mode=0o755):
    path.write_text("#!/bin/sh\n")
    path.chmod(mode)
    return path


def test_chromium_picks_the_browser(monkeypatch, tmp_path, no_chromium_on_path):
    browser = program(tmp_path / "chrome")
    monkeypatch.setenv("CHROMIUM", str(browser))
    assert chromium_path() == str(browser)


def test_without_chromium_set_it_is_debians_on_path(monkeypatch, tmp_path, no_chromium_on_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    browser = program(folder / "chromium")
    monkeypatch.setenv("PATH", str(folder))
    assert chromium_path() == str(browser)


def test_none_found_is_none_and_the_message_says_how_to_get_one(no_chromium_on_path):
    assert chromium_path() is None
    assert "apt-get install chromium" in MISSING and "CHROMIUM=/path/to/chromium" in MISSING


@pytest.mark.parametrize("make", [
    lambda folder: folder / "missing",
    lambda folder: program(folder / "plain", mode=0o644),
    lambda folder: folder,
], ids=["no such file", "not executable", "a folder"])
def test_chromium_set_to_what_is_not_a_program_is_an_error_naming_it(monkeypatch, tmp_path,
                                                                     no_chromium_on_path, make):
    chosen = make(tmp_path)
    monkeypatch.setenv("CHROMIUM", str(chosen))
    with pytest.raises(ValueError, match=f"CHROMIUM={chosen} is not a program"):
        chromium_path()
