#!/usr/bin/env bash
# Build the Windows bundle (build.spec, with the Windows CPython under Wine) into dist/windows/craffu
# and the installer (installer/craffu.iss, Inno Setup's compiler under Wine) into
# dist/windows/Craffu-<version>-setup.exe, then print their sizes.
#
# Authenticode: with CRAFFU_SIGN_P12 (a PKCS#12 file) and CRAFFU_SIGN_PASSWORD_FILE, both programs
# and the setup are signed with osslsigncode and the signatures checked. Without them, nothing is
# signed (say so to whoever deploys it).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
trap wine_shutdown EXIT

sign() {  # sign FILE: Authenticode-sign a PE file in place, then check the signature
    local file="$1" signed="$1.signed"
    osslsigncode sign -pkcs12 "$CRAFFU_SIGN_P12" -readpass "$CRAFFU_SIGN_PASSWORD_FILE" \
        -n "Craffu" -h sha256 -in "$file" -out "$signed" >/dev/null
    mv "$signed" "$file"
    osslsigncode verify ${CRAFFU_SIGN_CA:+-CAfile "$CRAFFU_SIGN_CA"} -in "$file" >/dev/null \
        || { echo "the Authenticode signature of $file does not verify" >&2; exit 1; }
    echo "   signed: $(basename "$file")"
}

say "building the Windows bundle (PyInstaller under Wine)"
started=$(date +%s)
"${LINUX_PYTHON:-python3}" tools/compile_catalogues.py >/dev/null
wpy -m PyInstaller --noconfirm --log-level ERROR \
    --distpath "$(winpath "$WIN_DIST")" --workpath "$(winpath "$ROOT/build/windows")" build.spec \
    | grep -v 'CryptographyDeprecationWarning\|from cryptography.hazmat' || true
[ -f "$WIN_BUNDLE/craffu.exe" ] && [ -f "$WIN_BUNDLE/craffu-cli.exe" ] \
    || { echo "PyInstaller did not write $WIN_BUNDLE" >&2; exit 1; }
bundle_s=$(( $(date +%s) - started ))

if [ -n "${CRAFFU_SIGN_P12:-}" ]; then
    say "signing the programs (osslsigncode)"
    sign "$WIN_BUNDLE/craffu.exe"
    sign "$WIN_BUNDLE/craffu-cli.exe"
fi

# ISCC signs the uninstaller it builds into the setup, and then the setup, through a "sign tool"
# command. Under Wine that command cannot be osslsigncode itself (ISCC waits on the process and
# Wine gives it nothing to wait on for a Linux program): a batch file starts it with
# "start /unix" and waits for the file it writes when done.
sign_tool=()
if [ -n "${CRAFFU_SIGN_P12:-}" ]; then
    tool_dir="$ROOT/build/windows/signtool"
    mkdir -p "$tool_dir"
    cat >"$tool_dir/sign.sh" <<SH
#!/bin/sh
f=\$(printf '%s' "\$1" | sed -e 's|"||g' -e 's|^[Zz]:||' -e 's|\\\\|/|g')
if osslsigncode sign -pkcs12 '$(realpath "$CRAFFU_SIGN_P12")' -readpass '$(realpath "$CRAFFU_SIGN_PASSWORD_FILE")' \\
        -n Craffu -h sha256 -in "\$f" -out "\$f.signed" >/dev/null && mv "\$f.signed" "\$f"; then
    echo ok >"\$f.done"
else
    echo failed >"\$f.done"
fi
SH
    chmod +x "$tool_dir/sign.sh"
    printf '%s\r\n' '@echo off' 'del "%~1.done" 2>nul' \
        "start /unix $tool_dir/sign.sh \"%~1\"" ':wait' 'if exist "%~1.done" goto check' \
        'ping -n 2 127.0.0.1 >nul' 'goto wait' ':check' 'findstr /c:"ok" "%~1.done" >nul' \
        'set rc=%errorlevel%' 'del "%~1.done"' 'exit /b %rc%' >"$tool_dir/sign.bat"
    sign_tool=("/Scraffu=cmd /c $(winpath "$tool_dir/sign.bat") \$f" /DSignToolName=craffu)
fi

say "compiling the installer (Inno Setup under Wine)"
started=$(date +%s)
rm -f "$SETUP_EXE"
iscc_log="$ROOT/build/windows/iscc.log"
mkdir -p "$(dirname "$iscc_log")"
# AppVersion is given rather than read from craffu.exe, so a version bump in a copy of the tree
# (the upgrade test) needs no rebuild of the bundle.
if ! wine_run "$ISCC" /Q "${sign_tool[@]}" "/DAppVersion=$VERSION" "/DBundleDir=$(winpath "$WIN_BUNDLE")" \
        "/O$(winpath "$WIN_DIST")" "$(winpath "$ROOT/installer/craffu.iss")" >"$iscc_log"; then
    cat "$iscc_log" >&2
    exit 1
fi
# Every message must exist in Welsh: a warning means a Welsh user would see English.
if grep -q 'has not been defined for the "cy" language' "$iscc_log"; then
    grep 'has not been defined' "$iscc_log" >&2
    echo "installer/Welsh.isl lacks the messages above" >&2
    exit 1
fi
[ -f "$SETUP_EXE" ] || { echo "ISCC did not write $SETUP_EXE" >&2; cat "$iscc_log" >&2; exit 1; }
setup_s=$(( $(date +%s) - started ))
if [ -n "${CRAFFU_SIGN_P12:-}" ]; then  # signed by ISCC, with its uninstaller: check it
    osslsigncode verify ${CRAFFU_SIGN_CA:+-CAfile "$CRAFFU_SIGN_CA"} -in "$SETUP_EXE" >/dev/null \
        || { echo "the Authenticode signature of $SETUP_EXE does not verify" >&2; exit 1; }
    echo "   signed: $(basename "$SETUP_EXE") (and the uninstaller inside it)"
fi

bytes=$(du -sb "$WIN_BUNDLE" | cut -f1)
files=$(find "$WIN_BUNDLE" -type f | wc -l)
setup_bytes=$(stat -c %s "$SETUP_EXE")
exe_bytes=$(stat -c %s "$WIN_BUNDLE/craffu.exe")
say "Windows build of Craffu $VERSION"
echo "   bundle:    $(mb "$bytes") MB in $files files (budget 130 MB), built in $bundle_s s"
echo "   each exe:  $(mb "$exe_bytes") MB"
echo "   installer: $(mb "$setup_bytes") MB (budget 50 MB), compiled in $setup_s s: ${SETUP_EXE#"$ROOT/"}"
over=0
awk -v b="$bytes" 'BEGIN {exit !(b <= 130e6)}' || { echo "   the bundle is over budget" >&2; over=1; }
awk -v b="$setup_bytes" 'BEGIN {exit !(b <= 50e6)}' || { echo "   the installer is over budget" >&2; over=1; }
[ "$over" = 0 ] || [ "${CRAFFU_ENFORCE_BUDGETS:-0}" != 1 ] || exit 1
