"""How the tests and the benchmark start Debian's Chromium: headless, never a
downloaded browser, and with nothing of its own reaching for the network."""

from __future__ import annotations

import shutil

# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

MISSING = ("Debian's chromium is not installed: run 'bash build_scripts/project.sh test', "
           "which installs it, or 'apt-get install chromium'")


def chromium_path() -> str | None:
    """Return the path of Debian's chromium, or None when it is not installed."""
    return shutil.which("chromium")
