"""How the tests and the benchmark start Chromium: headless, never a downloaded
browser, and with nothing of its own reaching for the network. CHROMIUM=/path
picks the browser; by default it is Debian's chromium."""

from __future__ import annotations

import os
import shutil

# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# The environment variable that names the browser, and the program looked for without it.
CHOSEN = "CHROMIUM"
DEFAULT = "chromium"

MISSING = ("no Chromium found: install Debian's ('apt-get install chromium', which "
           "'bash build_scripts/project.sh test' runs as root), or point CHROMIUM at one "
           "(CHROMIUM=/path/to/chromium); '-m \"not browser\"' runs the tests that need none")


def chromium_path() -> str | None:
    """Return the path of the browser CHROMIUM names, else of Debian's chromium, or None
    when there is none (MISSING says how to get one). Raise ValueError, naming it, if
    CHROMIUM is set to something that is not a program."""
    chosen = os.environ.get(CHOSEN)
    if not chosen:
        return shutil.which(DEFAULT)
    if not (os.path.isfile(chosen) and os.access(chosen, os.X_OK)):
        raise ValueError(f"{CHOSEN}={chosen} is not a program: point it at a Chromium or "
                         "Chrome executable, or unset it to use Debian's chromium")
    return chosen
