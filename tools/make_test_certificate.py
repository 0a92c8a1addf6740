"""Write a throwaway signing certificate for the build checks: FOLDER/NAME.p12 and FOLDER/NAME.pem.

    python tools/make_test_certificate.py FOLDER NAME PASSWORD [DAYS]

Used by tools/build_bundle.sh, tools/windows/check_installer.sh and .ci/run (which Authenticode-
signs the Windows build with it). Never an office's certificate: valid from yesterday for DAYS
days (default 30).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.documents.test_certs import make_test_certificate  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    folder, name, password = Path(argv[0]), argv[1], argv[2].encode("utf-8")
    days = int(argv[3]) if len(argv) == 4 else 30
    now = datetime.now(UTC)
    make_test_certificate(
        folder, name, now - timedelta(days=1), now + timedelta(days=days), password
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
