"""Timings for the foundation (issue 2 budgets): figures only, no asserts.

Run: PYTHONPATH=. python bench/bench_foundation.py   (or all benches: python bench/run.py)

Builds a ``--scale 50000`` demo database in a temporary folder, then times ``craffu reports
--json`` as a separate process (wall time, as a user would see it), FTS search inside the process
(median of many queries), importing a generated 5,000-row CSV and creating the demo database.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCALE = int(os.environ.get("CRAFFU_BENCH_SCALE", "50000"))


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def median_of(n: int, fn: Callable[[], object]) -> float:
    return statistics.median(timed(fn) for _ in range(n))


def cli(*argv: str) -> Callable[[], object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def go() -> object:
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", *argv], cwd=ROOT, env=env, capture_output=True
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace"))
        return proc

    return go


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["report_title_en", "report_published_on", "ref", "text_en", "text_cy",
             "deadline_text", "local_status", "addressees"]
        )  # fmt: skip
        for i in range(rows):
            w.writerow(
                [
                    f"Imported inspection {i // 50}",
                    "14/03/2024",
                    f"R{i}",
                    f"The force should review its approach to water safety ({i}).",
                    f"Dylai'r heddlu adolygu ei ddull o ymdrin â diogelwch dŵr ({i}).",
                    "Within six months",
                    "in_progress",
                    "chief constables; force",
                ]
            )


def main() -> list[tuple[str, str, str]]:
    from database import Store, open_database
    from database.search import search
    from desktop.services.csv_import import import_csv
    from desktop.services.demo import build_demo

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="craffu-bench-") as tmp:
        folder = Path(tmp)
        demo_s = median_of(3, lambda: build_demo(folder / "demo.db", force=True))
        rows.append(("demo database creation (median of 3)", f"{demo_s:.3f} s", "< 2 s"))

        big = folder / "scale.db"
        build_s = timed(lambda: build_demo(big, scale=SCALE))
        rows.append((f"demo --scale {SCALE} creation", f"{build_s:.2f} s", "(reasonable)"))

        cli("reports", "--db", str(big), "--json")()  # warm the page cache and .pyc files
        reports_s = median_of(5, cli("reports", "--db", str(big), "--json"))
        rows.append((f"craffu reports --json (process, {SCALE})", f"{reports_s:.3f} s", "< 0.5 s"))
        recs_s = median_of(3, cli("recommendations", "--db", str(big), "--json"))
        rows.append((f"craffu recommendations --json ({SCALE})", f"{recs_s:.3f} s", "(info)"))
        version_s = median_of(5, cli("--version"))
        rows.append(("craffu --version (process start)", f"{version_s:.3f} s", "(info)"))

        db = open_database(big)
        try:
            queries = ["dwr", "training", "hyfforddiant", "custody", "homicide", "Policing Board",
                       "adolygu ei", "synthetic 4711", '"unbalanced', "NEAR(", "zzzz"]  # fmt: skip
            for q in queries:
                search(db, q)
            times = [timed(lambda q=q: search(db, q)) for _ in range(20) for q in queries]
            rows.append(
                (
                    f"FTS search in process (median of {len(times)})",
                    f"{statistics.median(times) * 1000:.2f} ms",
                    "< 20 ms",
                )
            )
            rows.append(("FTS search, slowest query", f"{max(times) * 1000:.2f} ms", "(info)"))
        finally:
            db.close()

        data = folder / "5000.csv"
        write_csv(data, 5000)
        store = Store(open_database(folder / "import.db"))
        try:
            import_s = timed(lambda: import_csv(store, data))
        finally:
            store.db.close()
        rows.append(("import of a 5,000-row CSV", f"{import_s:.2f} s", "< 3 s"))
    return rows


def print_table(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'foundation (issue 2)':<{width}}  {'figure':>10}  budget")
    for name, figure, budget in rows:
        print(f"{name:<{width}}  {figure:>10}  {budget}")


if __name__ == "__main__":
    results = main()
    if os.environ.get("CRAFFU_BENCH_ROWS"):
        for name, figure, budget in results:
            print("BENCH-ROW\t" + json.dumps({"name": name, "figure": figure, "budget": budget}))
    else:
        print_table(results)
