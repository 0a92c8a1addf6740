"""A ``craffu demo --scale N`` database built once and kept under /tmp for the benchmarks.

The file name carries the schema version and a hash of the demo builder, so a change to either
builds a fresh one. Benchmarks that write must work on a copy (:func:`scratch_copy`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("CRAFFU_BENCH_CACHE", Path(tempfile.gettempdir()) / "craffu-bench"))


def quick() -> bool:
    return bool(os.environ.get("CRAFFU_BENCH_QUICK")) or "--quick" in sys.argv[1:]


def scale() -> int:
    default = "5000" if quick() else "50000"
    return int(os.environ.get("CRAFFU_BENCH_SCALE", default))


def scale_db(n: int | None = None) -> Path:
    """The cached demo database with ``n`` synthetic recommendations (built if missing)."""
    from database import SCHEMA_VERSION
    from desktop.services.demo import build_demo

    n = scale() if n is None else n
    builder = hashlib.sha256()
    for source in sorted((ROOT / "desktop" / "services" / "demo").glob("*.py")):
        builder.update(source.read_bytes())
    path = CACHE / f"scale-{n}-v{SCHEMA_VERSION}-{builder.hexdigest()[:10]}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(".part")
        for suffix in ("", "-wal", "-shm"):
            Path(str(part) + suffix).unlink(missing_ok=True)
        build_demo(part, scale=n, force=True)
        os.replace(part, path)
    return path


def scratch_copy(src: Path, folder: Path) -> Path:
    dest = folder / src.name
    shutil.copy(src, dest)
    return dest


def timed_ms(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def print_rows(title: str, rows: list[dict[str, str]]) -> None:
    """``rows`` as BENCH-ROW lines for bench/run.py (``CRAFFU_BENCH_ROWS`` set) or as a table."""
    if os.environ.get("CRAFFU_BENCH_ROWS"):
        for r in rows:
            print("BENCH-ROW\t" + json.dumps(r, ensure_ascii=False))
        return
    width = max(len(r["name"]) for r in rows)
    print(f"{title:<{width}}  {'figure':>10}  budget")
    for r in rows:
        print(f"{r['name']:<{width}}  {r['figure']:>10}  {r['budget']}")
