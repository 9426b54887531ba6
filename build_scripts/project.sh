#!/usr/bin/env bash
# Sets up everything the site needs on a fresh machine, then builds, serves,
# tests or benchmarks it. Safe to run again: each step is skipped when done.
#
#   bash build_scripts/project.sh serve   set up, build, serve on http://127.0.0.1:8000/
#   bash build_scripts/project.sh test    set up, run every test (pytest args may follow)
#   bash build_scripts/project.sh build   set up, build the site into site/
#   bash build_scripts/project.sh bench   set up, build, print the benchmark figures
#
# The tests need Python and Node.js only; Chromium too unless the pytest
# arguments deselect the browser tests (a -m expression with "not browser").
# CHROMIUM=/path/to/chromium picks the browser instead of Debian's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Python >= 3.12 (pyodide-build needs it): PATH first, then pyenv's versions.

python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

find_python() {
  local candidate
  if [ -n "${PYTHON:-}" ]; then
    python_ok "$PYTHON" || die "PYTHON=$PYTHON is not a Python 3.12 or newer."
    echo "$PYTHON"; return
  fi
  for candidate in python3.14 python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null && python_ok "$(command -v "$candidate")"; then
      command -v "$candidate"; return
    fi
  done
  for candidate in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 \
                        /usr/local/bin/python3.1[2-9] /opt/python*/bin/python3 2>/dev/null | sort -rV); do
    if python_ok "$candidate"; then echo "$candidate"; return; fi
  done
  die "no Python 3.12 or newer found: pyodide-build, which registers the checker's wheel
       for the browser, needs one. Looked on PATH (python3.14, python3.13, python3.12, python3)
       and in ${PYENV_ROOT:-$HOME/.pyenv}/versions. Install one (e.g. 'pyenv install 3.12')
       or point PYTHON at it: PYTHON=/path/to/python3.12 bash build_scripts/project.sh ..."
}

# ---------------------------------------------------------------------------
# Debian packages: Node.js and npm (the Pyodide runtime comes from npm) and,
# for the browser tests and the benchmark, Chromium.

# Install the packages of the commands missing among COMMAND:PACKAGE pairs; without
# root (or password-less sudo) and apt-get, stop naming them (and $MISSING_HINT).
need_debian() {
  local missing=() cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair##*:}
    command -v "$cmd" >/dev/null || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local as_root=()
  [ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && as_root=(sudo -n); }
  if ! command -v apt-get >/dev/null || { [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; }; then
    die "missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]}) and run again.${MISSING_HINT:+ $MISSING_HINT}"
  fi
  say "Installing Debian packages: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The browser the browser tests and the benchmark drive: CHROMIUM if set (it must
# be a program), else Debian's chromium, installed if missing.
need_chromium() {
  if [ -n "${CHROMIUM:-}" ]; then
    [ -f "$CHROMIUM" ] && [ -x "$CHROMIUM" ] \
      || die "CHROMIUM=$CHROMIUM is not a program: point it at a Chromium or Chrome executable."
    return
  fi
  MISSING_HINT='Or point CHROMIUM at a Chromium or Chrome (CHROMIUM=/path/to/chromium), or leave out the browser tests: test -m "not browser".' \
    need_debian chromium:chromium
}

# True if the pytest arguments deselect the browser tests: a marker expression
# (-m EXPR or -mEXPR) that contains "not browser".
deselects_browser() {
  local previous="" argument
  for argument in "$@"; do
    if { [ "$previous" = "-m" ] && [[ $argument == *"not browser"* ]]; } \
        || [[ $argument == -m*"not browser"* ]]; then
      return 0
    fi
    previous=$argument
  done
  return 1
}

# ---------------------------------------------------------------------------
# The virtual environment and the npm packages, reinstalled only when their
# pinned lists change.

# The sha256 of a file, in hex: with sha256sum (Linux), shasum (macOS) or Python
# (.venv's, else $PYTHON or python3).
sha256_of() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    local python="$VENV/bin/python"
    [ -x "$python" ] || python=${PYTHON:-python3}
    "$python" -c 'import hashlib, sys
print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"
  fi
}

stamp_ok() { [ -f "$2" ] && [ "$(sha256_of "$1")" = "$(cat "$2")" ]; }
stamp_write() { sha256_of "$1" > "$2"; }

setup_venv() {
  if [ -x "$VENV/bin/python" ] && ! python_ok "$VENV/bin/python"; then
    say "Replacing .venv: it was made with a Python older than 3.12"
    rm -rf "$VENV"
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    local python; python=$(find_python)
    say "Creating .venv with $python ($("$python" --version))"
    "$python" -m venv "$VENV" || die "could not create .venv with $python (Debian: apt-get install python3-venv)."
  fi
  # The hooks, the tests and the benchmark import checker/ and build_scripts/ from
  # the repository root, wherever they are started from.
  "$VENV/bin/python" -c 'import sys, sysconfig; open(sysconfig.get_paths()["purelib"]
    + "/after-the-massage.pth", "w").write(sys.argv[1] + "\n")' "$ROOT"
  if ! stamp_ok build_scripts/requirements.txt "$VENV/.requirements.sha256"; then
    say "Installing Python packages (build_scripts/requirements.txt)"
    "$VENV/bin/python" -m pip install -q -r build_scripts/requirements.txt
    stamp_write build_scripts/requirements.txt "$VENV/.requirements.sha256"
  fi
}

setup_npm() {
  if ! stamp_ok package-lock.json node_modules/.package-lock.sha256; then
    say "Installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    stamp_write package-lock.json node_modules/.package-lock.sha256
  fi
}

setup() {
  need_debian node:nodejs npm:npm "$@"
  setup_venv
  setup_npm
}

build() {
  say "Building the site into site/"
  "$VENV/bin/python" -m mkdocs build --strict --quiet --site-dir "$ROOT/site"
}

# ---------------------------------------------------------------------------

# Sourced (by tests/test_project_script.py), it only defines the functions above.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  serve)
    # Material's instant navigation works within site_url: build for where it is served.
    export SITE_URL=${SITE_URL:-http://127.0.0.1:${PORT:-8000}/}
    setup; build
    exec "$VENV/bin/python" -m build_scripts.serve site --host 127.0.0.1 --port "${PORT:-8000}" "$@" ;;
  build)
    setup; build ;;
  test)
    setup
    deselects_browser "$@" || need_chromium
    exec "$VENV/bin/python" -m pytest "$@" ;;
  bench)
    setup; need_chromium; build
    exec "$VENV/bin/python" -m build_scripts.benchmark "$@" ;;
  *)
    die "usage: bash build_scripts/project.sh serve|build|test|bench (got '${command}')" ;;
esac
