"""Where things are in the built site, and how it looks: one home for the names
and colours that the hooks, the templates and the page scripts share.

Templates and page scripts receive what they need from here as data (the
checker form's data attributes, the generated stylesheet), never as copies.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from checker.levels import DOCTOR, EMERGENCY, SELF_CARE, URGENT

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# Pages

# The checker page's source, in docs/.
CHECKER_PAGE = "checker/index.md"

# ---------------------------------------------------------------------------
# Colours

# A deep teal: white text on it, and it as text on white, pass WCAG AA.
BRAND = {"primary": "#00695c", "light": "#439889", "dark": "#003d33"}

# The colour of each triage level in a result: white text on each passes WCAG AA.
LEVEL_COLOURS = {EMERGENCY: "#b71c1c", URGENT: "#bf360c", DOCTOR: "#1a5e9a",
                 SELF_CARE: "#1b5e20"}

# The generated stylesheet that carries these colours, and the favicon drawn in them.
COLOURS_CSS = "assets/stylesheets/colours.css"
FAVICON = "assets/favicon.svg"


@functools.cache
def package_name() -> str:
    """Return the checker's distribution name, as pyproject.toml gives it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(project["project"]["name"])
