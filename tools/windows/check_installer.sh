#!/usr/bin/env bash
# Use the Windows installer (dist/windows/Craffu-<version>-setup.exe, from build.sh) as an office
# laptop would, under Wine: silent install; the installed programs (command line: every command
# with its output piped; the window: first paint in Welsh and English, and a screenshot); an
# upgrade over it that keeps the office's data; uninstall, which keeps the data; a second install
# that finds it again. Exits non-zero if any check fails.
#
#   bash tools/windows/check_installer.sh [SCREENSHOT_DIR]   (default: dist/windows/screenshots)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
LINUX_PYTHON="${LINUX_PYTHON:-python3}"
SHOTS="${1:-$WIN_DIST/screenshots}"
[ -f "$SETUP_EXE" ] || { echo "no installer at $SETUP_EXE: run bash tools/dev.sh windows" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/craffu-wincheck.XXXXXX")"
cleanup() { stop_display; rm -rf "$WORK"; }
trap cleanup EXIT
FAILURES=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1" >&2; FAILURES=$((FAILURES + 1)); }
check() {  # check "what" command...: run it, show its output on failure
    local what="$1"; shift
    if "$@" >"$WORK/out.txt" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/        /' "$WORK/out.txt" >&2; fi
}

# Wine cannot install per user: its shell32 lacks FOLDERID_UserProgramFiles ("Failed to expand
# shell folder constant autopf"). /ALLUSERS is what is tested here; per-user stays the default.
APP_DIR="$WINEPREFIX/drive_c/Program Files/Craffu"
APP_WIN='C:\Program Files\Craffu'
CLI="$APP_WIN\\craffu-cli.exe"
GUI="$APP_WIN\\craffu.exe"
UNINSTALL_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{ADC74AA4-4B60-45E8-91D8-9FE9DB3267AA}_is1'
WIN_USER="${USER:-$(id -un)}"
LOCAL_DATA="$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Local/Craffu"
ROAMING_DATA="$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Roaming/Craffu"
LOCAL_DATA_WIN="C:\\users\\$WIN_USER\\AppData\\Local\\Craffu"
START_MENU="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs"
# A user folder as an office has them: spaces, Welsh letters.
OFFICE_DIR="$WINEPREFIX/drive_c/users/Siân Jones/Documents/Ŵyl Dewi"
OFFICE_WIN='C:\users\Siân Jones\Documents\Ŵyl Dewi'
DB_WIN="$OFFICE_WIN\\craffu.db"
rm -rf "$OFFICE_DIR"; mkdir -p "$OFFICE_DIR"

cli() { wine_run "$CLI" "$@"; }
install() {  # install SETUP.exe LOG: silent, all users; prints seconds taken
    local started; started=$(date +%s.%N)
    wine_run "$1" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS "/LOG=$(winpath "$2")" >/dev/null
    awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'
}
registry_value() {  # registry_value NAME: a value of Craffu's uninstall entry, or nothing
    wine_run reg query "$UNINSTALL_KEY" /v "$1" /reg:64 2>/dev/null | tr -d '\r' \
        | awk -v n="$1" '$1 == n {sub(/^[ \t]*[^ \t]+[ \t]+REG_[A-Z_]+[ \t]+/, ""); print}'
}
utf8() { "$LINUX_PYTHON" -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1"; }

start_display
wine_run wineboot -u >/dev/null 2>&1 || true  # the prefix may be fresh
# A fresh start: no earlier install, no data from an earlier run.
[ -f "$APP_DIR/unins000.exe" ] && wine_run "$APP_WIN\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES >/dev/null || true
rm -rf "$APP_DIR" "$LOCAL_DATA" "$ROAMING_DATA"

# ---- install ------------------------------------------------------------------------------------
say "silent install: $(basename "$SETUP_EXE") /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS"
install_s=$(install "$SETUP_EXE" "$WORK/install.log")
check "the installer succeeds (${install_s} s)" grep -q "Installation process succeeded" "$WORK/install.log"
check "craffu.exe and craffu-cli.exe are installed" test -f "$APP_DIR/craffu.exe" -a -f "$APP_DIR/craffu-cli.exe"
check "a Start-menu shortcut" bash -c "find '$START_MENU' -iname 'Craffu*.lnk' | grep -q ."
check "installed version $VERSION in Installed apps" test "$(registry_value DisplayVersion)" = "$VERSION"
if [ -n "${CRAFFU_SIGN_CA:-}" ]; then  # a signed build (CRAFFU_SIGN_P12 in build.sh)
    for exe in craffu.exe craffu-cli.exe unins000.exe; do
        check "Authenticode signature of the installed $exe" \
            osslsigncode verify -CAfile "$CRAFFU_SIGN_CA" -in "$APP_DIR/$exe"
    done
fi
find "$APP_DIR" -type f -printf '%P\n' | sort >"$WORK/installed-files.txt"
stubs_re="$(IFS='|'; echo "${WINE_STUBS[*]}")"
check "no Wine stand-in DLL in the installed files" \
    bash -c "! grep -Ei '(^|/)($stubs_re)\\.dll$' '$WORK/installed-files.txt'"
(cd "$WIN_BUNDLE" && find . -type f -printf '%P\n' | sort) >"$WORK/bundle-files.txt"
check "the installed program is the whole bundle" \
    bash -c "comm -23 '$WORK/bundle-files.txt' '$WORK/installed-files.txt' | (! grep .)"

# ---- the command line, output piped -------------------------------------------------------------
say "the installed craffu-cli.exe (every output through a pipe, as a script or 'more' reads it)"
cli --version >"$WORK/version.txt"
check "--version prints craffu $VERSION" grep -qx "craffu $VERSION" <(tr -d '\r' <"$WORK/version.txt")
check "demo, in a folder with spaces and Welsh letters" cli demo "$DB_WIN"
cli reports --db "$DB_WIN" --json >"$WORK/reports.json"
check "reports --json is UTF-8 JSON" "$LINUX_PYTHON" -c '
import json, sys
reports = json.loads(open(sys.argv[1], encoding="utf-8").read())
assert any(r["title_en"].startswith("Homicide Prevention") for r in reports)' "$WORK/reports.json"
report_id() {  # report_id TITLE-START: the id of the demo report whose title starts so
    "$LINUX_PYTHON" -c 'import json, sys
print(next(r["id"] for r in json.load(open(sys.argv[1], encoding="utf-8")) if r["title_en"].startswith(sys.argv[2])))' "$WORK/reports.json" "$1"
}
homicide=$(report_id "Homicide Prevention"); draft=$(report_id "Neighbourhood policing")
cli search --db "$DB_WIN" "dŵr" >"$WORK/search.txt" || true
check "search dŵr, piped: UTF-8, finds the Welsh text" bash -c \
    "grep -q 'dŵr' '$WORK/search.txt' && $LINUX_PYTHON -c 'open(\"$WORK/search.txt\", \"rb\").read().decode(\"utf-8\")'"
cli recommendations --db "$DB_WIN" --report "$homicide" --json >"$WORK/recs.json"
check "recommendations --json is UTF-8" utf8 "$WORK/recs.json"
cli --ui-lang cy check --db "$DB_WIN" >"$WORK/check.txt"
check "check (in Welsh) finds no problems, output UTF-8" utf8 "$WORK/check.txt"
cli --ui-lang cy --help >"$WORK/help-cy.txt"
check "--help in Welsh, piped, is UTF-8 with Welsh letters" \
    bash -c "$LINUX_PYTHON -c 'open(\"$WORK/help-cy.txt\", \"rb\").read().decode(\"utf-8\")' && grep -q 'ŵ\|â\|ô' '$WORK/help-cy.txt'"

# CSV as Excel writes it on Windows: "CSV UTF-8" (with a byte-order mark) and plain "CSV"
# (Windows-1252, which has â but not ŵ or ŷ).
"$LINUX_PYTHON" - "$OFFICE_DIR" <<'PY'
import sys
from pathlib import Path
folder = Path(sys.argv[1])
head = "report_title_en,report_title_cy,report_published_on,ref,text_en,text_cy\r\n"
utf8 = head + ("Water safety and the river Tywi,Diogelwch dŵr ac afon Tywi,14/10/2026,1,"
               "Forces should review water safety.,Dylai heddluoedd adolygu diogelwch dŵr a'r tŷ "
               "cychod.\r\n")
cp1252 = head + ("Rural crime in Powys,Troseddau cefn gwlad ym Mhowys,02/11/2026,1,"
                 "Forces should report rural crime.,Dylai heddluoedd sôn am droseddau â "
                 "chymorth.\r\n")
(folder / "excel-utf8.csv").write_bytes(b"\xef\xbb\xbf" + utf8.encode("utf-8"))
(folder / "excel-1252.csv").write_bytes(cp1252.encode("cp1252"))
PY
check "import a CSV UTF-8 file with a BOM (Excel)" cli import "$OFFICE_WIN\\excel-utf8.csv" --db "$DB_WIN"
check "import a Windows-1252 CSV file (Excel)" cli import "$OFFICE_WIN\\excel-1252.csv" --db "$DB_WIN"
"$LINUX_PYTHON" - "$OFFICE_DIR" <<'PY'
import datetime
import sys
from pathlib import Path
from openpyxl import Workbook
book = Workbook()
sheet = book.active
sheet.append(["report_title_en", "report_title_cy", "report_published_on", "ref", "text_en", "text_cy"])
sheet.append(["Custody in Ceredigion", "Dalfa yng Ngheredigion", datetime.date(2026, 11, 20), "1",
              "Forces should review custody.", "Dylai heddluoedd adolygu'r ddalfa a'r tŷ."])
book.save(Path(sys.argv[1]) / "tracker.xlsx")
PY
check "import an Excel workbook (.xlsx, a real date cell)" cli import "$OFFICE_WIN\\tracker.xlsx" --db "$DB_WIN"
cli reports --db "$DB_WIN" --json >"$WORK/reports.json"
check "the imported titles keep ŵ and ô" bash -c "grep -q 'Diogelwch dŵr' '$WORK/reports.json' && grep -q 'Troseddau cefn gwlad ym Mhowys' '$WORK/reports.json'"
water=$(report_id "Water safety")
for lang in cy bilingual; do
    check "export the water-safety response, --lang $lang" cli export response --db "$DB_WIN" \
        --report "$water" --lang "$lang" --out "$OFFICE_WIN\\water-$lang.pdf"
    pdftotext "$OFFICE_DIR/water-$lang.pdf" "$WORK/water-$lang.txt" 2>/dev/null || true
    check "the $lang PDF has ŵ and ŷ as text" bash -c "grep -q 'dŵr' '$WORK/water-$lang.txt' && grep -q 'tŷ' '$WORK/water-$lang.txt'"
    check "qpdf --check the $lang PDF" qpdf --check "$OFFICE_DIR/water-$lang.pdf"
done

# Signing with a PKCS#12 and verifying: 0 intact, 1 altered, 2 unsigned.
"$LINUX_PYTHON" tools/make_test_certificate.py "$OFFICE_DIR" office craffu
printf 'craffu' >"$OFFICE_DIR/password.txt"
check "export --sign with a PKCS#12" cli export response --db "$DB_WIN" --report "$draft" \
    --lang bilingual --out "$OFFICE_WIN\\signed.pdf" --sign "$OFFICE_WIN\\office.p12" \
    --password-file "$OFFICE_WIN\\password.txt"
check "verify an intact signed PDF: exit 0" cli verify "$OFFICE_WIN\\signed.pdf" --trust "$OFFICE_WIN\\office.pem"
"$LINUX_PYTHON" - "$OFFICE_DIR/signed.pdf" "$OFFICE_DIR/altered.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.index(b"/Contents") // 2  # inside the signed bytes, before the signature
data[at] ^= 0x01
open(sys.argv[2], "wb").write(bytes(data))
PY
cli verify "$OFFICE_WIN\\altered.pdf" --trust "$OFFICE_WIN\\office.pem" >"$WORK/altered.txt" && rc=0 || rc=$?
check "verify an altered signed PDF: exit 1 (got $rc)" test "$rc" = 1
check "export unsigned" cli export response --db "$DB_WIN" --report "$draft" --lang cy --out "$OFFICE_WIN\\unsigned.pdf"
cli verify "$OFFICE_WIN\\unsigned.pdf" >"$WORK/unsigned.txt" && rc=0 || rc=$?
check "verify an unsigned PDF: exit 2 (got $rc)" test "$rc" = 2

check "translations export --lang cy" cli translations export --db "$DB_WIN" --lang cy --out "$OFFICE_WIN\\cy.po"
check "the PO file is UTF-8 with Welsh" bash -c "grep -qi 'charset=UTF-8' '$OFFICE_DIR/cy.po' && $LINUX_PYTHON -c 'open(\"$OFFICE_DIR/cy.po\", \"rb\").read().decode(\"utf-8\")'"
check "translations import --dry-run" cli translations import "$OFFICE_WIN\\cy.po" --db "$DB_WIN" --dry-run
check "translations import" cli translations import "$OFFICE_WIN\\cy.po" --db "$DB_WIN"
check "backup" cli backup --db "$DB_WIN" --out "$OFFICE_WIN\\backup copy.db"
check "restore" cli restore "$OFFICE_WIN\\backup copy.db" --db "$DB_WIN"
check "the restored database passes check" cli check --db "$DB_WIN"

# ---- the window ---------------------------------------------------------------------------------
say "the installed craffu.exe (qwindows on Xvfb)"
for lang in cy en; do
    wine_run "$GUI" --ui-lang "$lang" --smoke --db "$DB_WIN" >"$WORK/smoke-$lang.txt" || true
    ms=$(tr -d '\r' <"$WORK/smoke-$lang.txt" | sed -n 's/^startup_ms=//p')
    if [ -n "$ms" ]; then pass "--smoke in $lang: first paint in $ms ms"; else fail "--smoke in $lang"; cat "$WORK/smoke-$lang.txt" >&2; fi
done
mkdir -p "$SHOTS"
for lang in cy en; do
    wine "$GUI" --ui-lang "$lang" --db "$DB_WIN" >/dev/null 2>&1 &
    gui_pid=$!
    sleep "${CRAFFU_SCREENSHOT_WAIT:-12}"
    if "$LINUX_PYTHON" tools/windows/xwd_to_png.py "$XVFB_FBDIR/Xvfb_screen0" "$SHOTS/windows-$lang.png"; then
        pass "screenshot of the real window: ${SHOTS#"$ROOT/"}/windows-$lang.png"
    else
        fail "screenshot ($lang)"
    fi
    # Wine's taskkill leaves it running; the Linux process is Wine's Windows process.
    pkill -f 'Craffu\\craffu\.exe' 2>/dev/null || true
    wait "$gui_pid" 2>/dev/null || true
done

# ---- upgrade: version N with the office's data, then N+1 over it -------------------------------
say "upgrade"
# The office's own database, where Craffu keeps it when no --db is given.
cli demo "$LOCAL_DATA_WIN\\craffu.db" >"$WORK/default-demo.txt"
check "the default database is in %LOCALAPPDATA%\\Craffu" test -f "$LOCAL_DATA/craffu.db"
mkdir -p "$LOCAL_DATA/backups"
check "a backup beside it" cli backup --out "$LOCAL_DATA_WIN\\backups\\before-upgrade.db"
wine_run "$GUI" --smoke >/dev/null || true  # the window writes the preferences
check "preferences in %APPDATA%\\Craffu" test -f "$ROAMING_DATA/preferences.json"
fingerprint() { (cd "$WINEPREFIX/drive_c/users/$WIN_USER/AppData" && find Local/Craffu Roaming/Craffu -type f ! -name '*-wal' ! -name '*-shm' -print0 | sort -z | xargs -0 sha256sum); }
fingerprint >"$WORK/data-before.txt"
echo "left by version $VERSION" >"$APP_DIR/_internal/left-by-old-version.txt"
NEXT="$VERSION.1"
next_dir="$WORK/next"
mkdir -p "$next_dir"
wine_run "$ISCC" /Q "/DAppVersion=$NEXT" /DCompression=zip/1 "/DBundleDir=$(winpath "$WIN_BUNDLE")" \
    "/O$(winpath "$next_dir")" "$(winpath "$ROOT/installer/craffu.iss")" >"$WORK/iscc-next.txt" \
    || { cat "$WORK/iscc-next.txt" >&2; fail "compile version $NEXT"; }
upgrade_s=$(install "$next_dir/Craffu-$NEXT-setup.exe" "$WORK/upgrade.log")
check "version $NEXT installs over $VERSION (${upgrade_s} s)" grep -q "Installation process succeeded" "$WORK/upgrade.log"
check "Installed apps shows $NEXT, one entry" test "$(registry_value DisplayVersion)" = "$NEXT"
check "the old version's _internal folder was replaced" test ! -e "$APP_DIR/_internal/left-by-old-version.txt"
fingerprint >"$WORK/data-after.txt"
check "the database, backups and preferences are unchanged" cmp "$WORK/data-before.txt" "$WORK/data-after.txt"
check "the upgraded program opens the office's database" cli reports
check "and its backup" cli check --db "$LOCAL_DATA_WIN\\backups\\before-upgrade.db"

# ---- uninstall, then install again --------------------------------------------------------------
say "uninstall"
fingerprint >"$WORK/data-before-uninstall.txt"
wine_run "$APP_WIN\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >/dev/null && rc=0 || rc=$?
check "the uninstaller exits 0 (got $rc)" test "$rc" = 0
for _ in $(seq 60); do [ -e "$APP_DIR/craffu.exe" ] || break; sleep 0.5; done  # it finishes from %TEMP%
check "the program is removed" test ! -e "$APP_DIR/craffu.exe"
check "the Start-menu shortcut is removed" bash -c "! find '$START_MENU' -iname 'Craffu*.lnk' | grep -q ."
check "Installed apps no longer lists Craffu" test -z "$(registry_value DisplayVersion)"
check "the office's data is kept" bash -c "cd '$WINEPREFIX/drive_c/users/$WIN_USER/AppData' && sha256sum --quiet -c '$WORK/data-before-uninstall.txt'"
reinstall_s=$(install "$SETUP_EXE" "$WORK/reinstall.log")
check "install again (${reinstall_s} s)" grep -q "Installation process succeeded" "$WORK/reinstall.log"
check "the new install finds the office's database" cli reports
rm -f "$APP_DIR/_internal/left-by-old-version.txt"

say "summary: install ${install_s} s, upgrade ${upgrade_s} s; first paint cy $(tr -d '\r' <"$WORK/smoke-cy.txt" | sed -n 's/^startup_ms=//p') ms, en $(tr -d '\r' <"$WORK/smoke-en.txt" | sed -n 's/^startup_ms=//p') ms"
if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES check(s) failed" >&2
    exit 1
fi
echo "all Windows installer checks passed"
