#!/usr/bin/env bash
# Run Craffu's tests with the Windows CPython under Wine, so that path, locking, encoding and
# newline differences fail a test rather than an office. Every test module that does not drive
# the Qt interface runs (storage, domain, services, i18n, documents, command line, packaging);
# the Qt ones stay on Linux: Qt's offscreen platform hangs under Wine.
#
#   bash tools/windows/run_tests.sh [PYTEST ARGS...]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
trap wine_shutdown EXIT

# The Qt modules are the ones that import PySide6 or Craffu's interface (desktop.ui).
mapfile -t modules < <(grep -L -E 'PySide6|desktop\.ui|qtbot|qapp' tests/test_*.py | sort)
mapfile -t qt_modules < <(grep -l -E 'PySide6|desktop\.ui|qtbot|qapp' tests/test_*.py | sort)
say "tests under Wine with the Windows CPython: ${#modules[@]} modules (${#qt_modules[@]} Qt modules run on Linux only)"
wpy -m pytest -p no:pytestqt -p no:cacheprovider -q "${modules[@]}" "$@"
