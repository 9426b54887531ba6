"""The checker's engine exactly as the built site ships it, run in real Pyodide in
Node (no browser): the site's Pyodide, the checker's wheel from its lock file (sha256
checked) and the engine's own standard library, checker_stdlib.zip. Every vignette,
in one Node process (build_scripts/engine_replies.mjs), gets the very reply that
CPython's checker.json_text.assess_reply gives, and its expected level, in every
language the checker speaks (the Russian words from the .mo file inside the wheel).

Not marked `browser`: it runs in the normal suite, and needs only Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from build_scripts.site_layout import CHECKER_STDLIB, RUNTIME_FOLDER, package_name
from build_scripts.vignettes import load_vignettes
from checker.i18n import LANGUAGES, SOURCE_LANGUAGE
from checker.json_text import assess_reply

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = load_vignettes()
# Answers no vignette gives, so that the engine's refusals are compared too.
REFUSED = [{"id": "empty", "answers": {}}, {"id": "not-an-object", "answers": [1]},
           {"id": "severity-too-high", "answers": {"hours_since_massage": 5, "severity": 11}},
           {"id": "unknown-language", "language": "xx",
            "answers": {"hours_since_massage": 5, "severity": 1}}]
# Every vignette in every language (the source language's under its own id).
CASES = [{**vignette, "id": f"{vignette['id']}@{language}", "language": language}
         if language != SOURCE_LANGUAGE else vignette
         for language in LANGUAGES for vignette in VIGNETTES]


def engine_replies(site: Path, vignettes_file: Path) -> list[dict[str, Any]]:
    """Return the built site's engine's reply to each vignette in ``vignettes_file``."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: install Node.js (bash build_scripts/project.sh test does)")
    runtime = site / RUNTIME_FOLDER
    done = subprocess.run(
        [node, str(ROOT / "build_scripts" / "engine_replies.mjs"), str(runtime), str(runtime),
         package_name(), str(vignettes_file), str(runtime / CHECKER_STDLIB)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def replies(built_site, tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Each vignette's (and each refused answer's) id: the answers as the JSON text the
    engine in Pyodide was given, and its reply."""
    cases = tmp_path_factory.mktemp("pyodide") / "cases.json"
    cases.write_text(json.dumps(CASES + REFUSED), encoding="utf-8")
    found = engine_replies(built_site, cases)
    assert [case["id"] for case in found] == [case["id"] for case in CASES + REFUSED]
    return {case["id"]: case for case in found}


def test_the_engine_in_pyodide_replies_as_cpython_to_every_vignette_in_every_language(replies):
    assert {case["language"] for case in replies.values()} >= set(LANGUAGES)
    differing = {key: {"pyodide": case["reply"],
                       "cpython": assess_reply(case["answers"], case["language"])}
                 for key, case in replies.items()
                 if case["reply"] != assess_reply(case["answers"], case["language"])}
    assert differing == {}


def level_in(reply: str) -> str:
    """Return the level in one of the engine's replies, or why it refused the answers."""
    parsed = json.loads(reply)
    return parsed["result"]["level"] if "result" in parsed else \
        f"refused ({parsed['invalid']['message']})"


def test_the_engine_in_pyodide_gives_every_vignette_its_expected_level(replies):
    got = {key: level_in(case["reply"]) for key, case in replies.items()}
    wrong = [f"{vignette['id']}: expected {vignette['expect']}, got {got[vignette['id']]}"
             for vignette in CASES if got[vignette["id"]] != vignette["expect"]]
    assert wrong == []
    assert all(got[case["id"]].startswith("refused (") for case in REFUSED)
