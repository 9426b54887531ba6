"""The benchmark (build_scripts/benchmark.py): its Lighthouse budgets and the issue's goals
decide its exit status, and its bare page's files, so they are tested here; its timings are not."""

from __future__ import annotations

from pathlib import Path

from build_scripts.benchmark import BUDGETS, GOALS, bare_site, print_goals, short_of_budget

ROOT = Path(__file__).resolve().parents[1]

FULL_MARKS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def test_the_budgets_are_the_issues():
    assert BUDGETS == {"performance": 95, "accessibility": 100}


def test_pages_within_budget_pass():
    scores = {"home page": FULL_MARKS, "checker page": {**FULL_MARKS, "performance": 95}}
    assert short_of_budget(scores) == []


def test_a_page_short_of_budget_is_named_with_the_score():
    scores = {"home page": FULL_MARKS,
              "checker page": {**FULL_MARKS, "performance": 94, "accessibility": 98}}
    assert short_of_budget(scores) == ["checker page: performance 94 (budget 95)",
                                       "checker page: accessibility 98 (budget 100)"]


def meeting_every_goal() -> dict[str, float]:
    return {**{key: limit for key, (_, limit) in GOALS.items()}, "check wait": 0.0}


def test_figures_at_their_limits_meet_the_goals(capsys):
    assert print_goals(meeting_every_goal()) is True
    assert "NOT MET" not in capsys.readouterr().out


def test_one_figure_over_its_limit_fails_the_goals(capsys):
    figures = {**meeting_every_goal(), "phone bytes": 5.01}
    assert print_goals(figures) is False
    out = capsys.readouterr().out
    assert out.count("NOT MET") == 1 and "5.01 MiB  NOT MET" in out


def test_the_bare_page_takes_the_complete_standard_library_from_node_modules(tmp_path):
    # The site deploys only the engine's own standard library; the bare page, the floor
    # the checker is measured against, loads Pyodide's complete one, as Pyodide publishes it.
    site, folder = tmp_path / "site", tmp_path / "bare"
    (site / "pyodide").mkdir(parents=True)
    (site / "pyodide" / "pyodide.mjs").write_text("// the site's runtime")
    folder.mkdir()
    runtime = bare_site(site, folder) / "pyodide"
    assert (runtime / "pyodide.mjs").read_text() == "// the site's runtime"
    full = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    assert full.is_file() and (runtime / "python_stdlib.zip").resolve() == full.resolve()
