"""The order of the build's hooks, where one needs another's output: declared by each
hook with MkDocs' @event_priority, whatever the order of the list in mkdocs.yml; and
a hook that finds another's output missing stops the build, naming that hook."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.mkdocs_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]


def listed_hooks() -> list[str]:
    return list(load_config(str(ROOT / "mkdocs.yml"))["hooks"])


def hook_order(hooks: list[str], event: str) -> list[str]:
    """Return the names of the hooks that handle ``event``, in the order MkDocs runs
    them when mkdocs.yml lists ``hooks``."""
    config = load_config(str(ROOT / "mkdocs.yml"), hooks=hooks)
    return [Path(handler.__module__).stem for handler in config.plugins.events[event]
            if handler.__module__.startswith("build_scripts/hooks/")]


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_each_hook_runs_after_the_hooks_whose_output_it_needs_whatever_the_list(order):
    hooks = listed_hooks()
    if order == "reversed":
        hooks.reverse()
    # The runtime writes the engine's files and the policy goes into every page before
    # offline.py lists and hashes them.
    # The other languages' editions are built into the site before the policy, so that
    # one policy and one service worker cover them.
    assert hook_order(hooks, "post_build") == ["pyodide_runtime", "languages", "csp", "offline"]
    # The disclaimer content.py adds holds a marker that checker_snippets.py fills.
    assert hook_order(hooks, "page_markdown") == ["content", "checker_snippets"]


def test_offline_without_the_engines_manifest_names_the_hook_that_writes_it(tmp_path):
    (tmp_path / "index.html").write_text("<html></html>")
    with pytest.raises(PluginError, match=r"pyodide/engine.json is missing: "
                                          r"hooks/pyodide_runtime.py writes it"):
        load_hook("offline").cached_files(tmp_path)


def test_offline_before_the_policy_is_in_the_pages_names_the_hook_that_writes_it(tmp_path):
    (tmp_path / "index.html").write_text("<html><head><meta charset=utf-8></head></html>")
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        "</head></html>")
    with pytest.raises(PluginError, match=r"^no Content-Security-Policy in index.html: "
                                          r"hooks/csp.py writes it"):
        load_hook("offline").check_policies(tmp_path)
