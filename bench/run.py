"""Run every ``bench/bench_*.py`` and print one table: figure and budget side by side.

    python bench/run.py [--quick] [NAME ...]   (NAME: e.g. foundation, app; default all)

``--quick`` sets ``CRAFFU_BENCH_QUICK=1`` for the benches that understand it (fewer repetitions,
a 5,000-recommendation database instead of 50,000, fewer crash-safety kills).

Each bench runs in its own process with ``CRAFFU_BENCH_ROWS=1`` set. A bench that understands it
prints one line per figure: ``BENCH-ROW<TAB>{"name": ..., "figure": ..., "budget": ...}``; those
become rows of the table. Anything else it prints is shown as it is, under its name, so a bench
that has not adopted the protocol still reports. Benchmarks never fail the run on a budget: they
measure; the table is for people.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def run_one(
    script: Path, quick: bool = False
) -> tuple[list[dict[str, str]], list[str], int, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CRAFFU_BENCH_ROWS="1")
    if quick:
        env["CRAFFU_BENCH_QUICK"] = "1"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    rows, other = [], []
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH-ROW\t"):
            try:
                rows.append(json.loads(line.split("\t", 1)[1]))
                continue
            except ValueError:
                pass
        other.append(line)
    if proc.returncode != 0:
        other += proc.stderr.strip().splitlines()[-5:]
    return rows, other, proc.returncode, elapsed


def _budget(r: dict[str, str]) -> str:
    budget = str(r.get("budget", ""))
    return f"{budget}  (issue {r['issue']})" if r.get("issue") else budget


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    argv = [a for a in argv if a != "--quick"]
    scripts = sorted(BENCH.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in argv]
    table: list[tuple[str, str, str]] = []
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        rows, other, code, elapsed = run_one(script, quick)
        table.append((f"[{name}]", "", f"({elapsed:.0f} s{'' if code == 0 else ', FAILED'})"))
        table += [(f"  {r['name']}", str(r["figure"]), _budget(r)) for r in rows]
        table += [(f"  {line}", "", "") for line in other if line.strip()]
    width = max((len(r[0]) for r in table if r[1]), default=30)
    print(f"{'benchmark':<{width}}  {'figure':>10}  budget")
    print("-" * (width + 24))
    for name, figure, budget in table:
        if figure or budget:
            print(f"{name:<{width}}  {figure:>10}  {budget}".rstrip())
        else:  # a line from a bench that prints its own figures
            print(name.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
