"""Storage figures (issue 6): the long crash-safety run, backups, restore, checks and migration.

    PYTHONPATH=. python bench/bench_storage.py [--quick]     (or all benches: python bench/run.py)

- the crash-safety run of tests/test_crash_safety.py with many more kills (200; ``--quick``: 20):
  SIGKILL at a random moment, then integrity, foreign keys and every reported commit checked;
- on the cached ``--scale`` database: opening it, ``PRAGMA integrity_check``, an online backup,
  checking a backup, restoring one (with the safety copy of the current file);
- opening and migrating the frozen version-1 database (with its pre-migration copy).

Figures only: nothing here fails on a budget. The issues set no budget for these; they are shown
so a regression is seen.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH), str(ROOT / "tests")):
    if p not in sys.path:
        sys.path.insert(0, p)

import scale_cache  # noqa: E402
from scale_cache import timed_ms  # noqa: E402

QUICK = scale_cache.quick()
KILLS = int(os.environ.get("CRAFFU_BENCH_KILLS", "20" if QUICK else "200"))


def row(name: str, figure: str, budget: str = "(info)", issue: str = "6") -> dict[str, str]:
    return {"name": name, "figure": figure, "budget": budget, "issue": issue}


def crash_rows(folder: Path) -> list[dict[str, str]]:
    import test_crash_safety as crash

    from desktop.services.demo import build_demo

    seed = int(os.environ.get("CRAFFU_CRASH_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    db_path = build_demo(folder / "crash.db")
    promises: list = []
    failures: list[str] = []
    started = time.perf_counter()
    for i in range(KILLS):
        before = len(promises)
        promises += crash._run_and_kill(db_path, seed + i, rng)
        try:
            crash._check(db_path, promises, seed + i, new_from=before)
        except AssertionError as exc:  # a benchmark reports; the test suite fails
            failures.append(str(exc).splitlines()[0])
    per_kill = (time.perf_counter() - started) / KILLS * 1000
    size = db_path.stat().st_size / 1024 / 1024
    return [
        row(f"crash safety: SIGKILLs survived (seed {seed})", f"{KILLS - len(failures)}/{KILLS}",
            "all"),
        row("crash safety: reported commits verified", str(len(promises)), "all present"),
        row("crash safety: kill + recovery + check, per kill", f"{per_kill:.0f} ms"),
        row("crash safety: database after the run", f"{size:.1f} MB"),
    ] + [row(f"  FAILED: {f}", "", "") for f in failures[:5]]  # fmt: skip


def scale_rows(folder: Path) -> list[dict[str, str]]:
    from database import open_database
    from database.backup import backup_to, check_backup, restore

    n = scale_cache.scale()
    big = scale_cache.scratch_copy(scale_cache.scale_db(), folder)
    size = big.stat().st_size / 1024 / 1024
    rows = [row(f"--scale {n} database size", f"{size:.0f} MB")]
    opened: list = []
    ms = timed_ms(lambda: opened.append(open_database(big)))
    rows.append(row("open_database (checks, pragmas)", f"{ms:.1f} ms", "(in < 1.5 s start)", "3"))
    db = opened[0]
    ms = timed_ms(lambda: db.execute("PRAGMA integrity_check").fetchall())
    rows.append(row("PRAGMA integrity_check", f"{ms:.0f} ms"))
    backup = folder / "scale.craffu-backup"
    ms = timed_ms(lambda: backup_to(db, backup))
    rows.append(row("online backup (backup API, temp file, rename)", f"{ms:.0f} ms"))
    db.close()
    ms = timed_ms(lambda: check_backup(backup))
    rows.append(row("check a backup before restoring it", f"{ms:.0f} ms"))
    ms = timed_ms(lambda: restore(backup, big, backup_dir=folder / "b"))
    rows.append(row("restore (check, safety copy of current, replace)", f"{ms:.0f} ms"))
    return rows


def migration_rows(folder: Path) -> list[dict[str, str]]:
    from database import open_database

    times = []
    for i in range(3 if QUICK else 5):
        copy = folder / f"v1-{i}.db"
        shutil.copy(ROOT / "tests" / "databases" / "craffu-v1.db", copy)
        times.append(timed_ms(lambda copy=copy: open_database(copy).close()))
    return [row("open + migrate the frozen v1 database (with its copy)",
                f"{statistics.median(times):.0f} ms")]  # fmt: skip


def run(quick: bool = QUICK) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix="craffu-bench-storage-") as tmp:
        folder = Path(tmp)
        return scale_rows(folder) + migration_rows(folder) + crash_rows(folder)


def main() -> None:
    scale_cache.print_rows("storage (issue 6)", run())


if __name__ == "__main__":
    main()
