#!/usr/bin/env bash
# Craffu's developer entry point.
#   bash tools/dev.sh start   set up (first time) and start Craffu on the demo database
#   bash tools/dev.sh test    set up (first time) and run every check: lint, catalogues, tests
#   bash tools/dev.sh bench   set up and print the benchmark table
#   bash tools/dev.sh bundle  set up, build the frozen bundle (dist/craffu) and smoke-test it
#   bash tools/dev.sh windows set up Wine and the Windows tools (first time), build the Windows
#                             bundle and dist/windows/Craffu-<version>-setup.exe, print sizes
#   bash tools/dev.sh windows-test  install that setup under Wine and use it as an office laptop
#                             would, then run the tests with the Windows Python (tools/windows/)
# Setup is idempotent: a virtual environment in .venv with Craffu installed in editable mode, and
# on Debian/Ubuntu (as root) the system tools the tests use (poppler, qpdf, gettext, Xvfb, and
# the accessibility bus: at-spi2-core, python3-pyatspi, dbus-x11).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${CRAFFU_VENV:-.venv}"

system_packages() {
    # at-spi2-core, python3-pyatspi and dbus-x11: the screen-reader walk of every section
    # (tests/test_accessibility_atspi.py, tools/accessibility_walk.py).
    local wanted=(poppler-utils qpdf gettext xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
                  libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
                  at-spi2-core python3-pyatspi dbus-x11)
    command -v apt-get >/dev/null || return 0
    local missing=()
    for p in "${wanted[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing system packages (install them with sudo apt-get install): ${missing[*]}" >&2
    fi
}

setup() {
    system_packages
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    "$VENV/bin/python" tools/compile_catalogues.py
}

case "${1:-test}" in
    start)
        setup
        exec "$VENV/bin/craffu" --demo "${@:2}"
        ;;
    test)
        setup
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        for po in locales/*/LC_MESSAGES/messages.po; do
            if command -v msgfmt >/dev/null; then msgfmt --check -o /dev/null "$po"; fi
        done
        exec "$VENV/bin/python" -m pytest "${@:2}"
        ;;
    bench)
        setup
        exec "$VENV/bin/python" bench/run.py "${@:2}"
        ;;
    bundle)
        setup
        "$VENV/bin/python" -m pip install -q -e ".[build]"
        PYTHON="$VENV/bin/python" exec bash tools/build_bundle.sh "${@:2}"
        ;;
    windows)
        setup
        export LINUX_PYTHON="$VENV/bin/python"
        bash tools/windows/setup.sh
        exec bash tools/windows/build.sh "${@:2}"
        ;;
    windows-test)
        setup
        export LINUX_PYTHON="$VENV/bin/python"
        bash tools/windows/setup.sh
        bash tools/windows/check_installer.sh
        exec bash tools/windows/run_tests.sh "${@:2}"
        ;;
    *)
        echo "usage: bash tools/dev.sh start|test|bench|bundle|windows|windows-test" >&2
        exit 2
        ;;
esac
