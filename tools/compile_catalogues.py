#!/usr/bin/env python3
"""Compile each locales/<lang>/LC_MESSAGES/messages.po to messages.mo (for build.spec and CI).

    /work/venv/bin/python tools/compile_catalogues.py [--locales DIR] [--check]

``--check`` also runs ``msgfmt --check`` on each catalogue when GNU gettext is installed.
Exits 1 if any catalogue fails.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.i18n.catalogue import compile_po  # noqa: E402


def compile_all(locales: Path, check: bool = False) -> int:
    failures = 0
    msgfmt = shutil.which("msgfmt") if check else None
    pos = sorted(locales.glob("*/LC_MESSAGES/*.po"))
    if not pos:
        print(f"no catalogues under {locales}", file=sys.stderr)
        return 1
    for po in pos:
        rel = po.relative_to(locales)
        if msgfmt:
            result = subprocess.run(
                [msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
            )
            if result.returncode != 0:
                print(f"{rel}: msgfmt --check failed:\n{result.stderr}", file=sys.stderr)
                failures += 1
                continue
        try:
            mo = compile_po(po)
        except Exception as exc:  # report every catalogue, then fail
            print(f"{rel}: {exc}", file=sys.stderr)
            failures += 1
            continue
        print(f"{rel} -> {mo.name} ({mo.stat().st_size} bytes)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locales", type=Path, default=ROOT / "locales")
    parser.add_argument("--check", action="store_true", help="also run msgfmt --check")
    args = parser.parse_args(argv)
    return compile_all(args.locales, args.check)


if __name__ == "__main__":
    raise SystemExit(main())
