"""The desktop application's figures (issues 3 and 4), offscreen; figures only, no asserts.

    PYTHONPATH=. python bench/bench_app.py [--quick]      (or all benches: python bench/run.py)

- startup to first paint: ``craffu --smoke`` against a bare PySide6 window, both measured in the
  same run as separate processes (median of 5), on the demo database and on the scale database.
  Craffu paints its window frame ("Opening Dashboard…") first and opens the database after that
  paint, so a second figure says when the dashboard showed the records ("dashboard filled");
- peak memory (``ru_maxrss`` of the smoke process, from ``wait4``);
- switching language with every section built (in process);
- the recommendations list, its filters and sorts, and the global search on a
  ``--scale 50000`` database (built once and cached under /tmp; ``--quick``: 5,000).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

import scale_cache  # noqa: E402
from scale_cache import timed_ms  # noqa: E402

QUICK = scale_cache.quick()
REPEAT = 3 if QUICK else 5

BARE_WINDOW = r"""
import os, sys
def elapsed_ms():
    with open("/proc/self/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    with open("/proc/uptime") as fh:
        uptime = float(fh.read().split()[0])
    return (uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")) * 1000.0
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Craffu"))
window.resize(1280, 800)
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, report)
        return False
def report():
    print(f"startup_ms={elapsed_ms():.0f}", flush=True)
    app.quit()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def env() -> dict[str, str]:
    folder = Path(tempfile.gettempdir()) / "craffu-bench-home"
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
    )


# Started through this small launcher, the measured process is forked from a ~10 MB process:
# forked from the benchmark itself, its peak RSS would count the benchmark's memory too.
LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(f'child_maxrss_kb={peak}', flush=True)\n"
    "sys.exit(code)\n"
)


def run_measured(argv: list[str]) -> tuple[float, float, int, float]:
    """(startup_ms printed by the process, wall ms, peak RSS in KB, filled_ms or 0) of one
    process. ``filled_ms``: the start page's first paint with the database's records."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv], cwd=ROOT, env=env(), capture_output=True,
        text=True,
    )  # fmt: skip
    wall = (time.perf_counter() - started) * 1000
    out = proc.stdout
    if proc.returncode != 0 or "startup_ms=" not in out:
        raise RuntimeError(f"{argv[1:]} failed: {out} {proc.stderr[-500:]}")
    ms = float(out.split("startup_ms=")[1].split()[0])
    filled = float(out.split("filled_ms=")[1].split()[0]) if "filled_ms=" in out else 0.0
    return ms, wall, int(out.split("child_maxrss_kb=")[1].split()[0]), filled


def median_run(argv: list[str]) -> tuple[float, float, int, float]:
    run_measured(argv)  # warm the page cache and the .pyc files
    results = [run_measured(argv) for _ in range(REPEAT)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
        statistics.median(r[3] for r in results),
    )


def median_ms(fn: Callable[[], object], n: int = REPEAT) -> float:
    fn()
    return statistics.median(timed_ms(fn) for _ in range(n))


def row(name: str, figure: str, budget: str, issue: str) -> dict[str, str]:
    return {"name": name, "figure": figure, "budget": budget, "issue": issue}


# ---- startup and memory ------------------------------------------------------------------------


def compile_sources() -> None:
    """Write Craffu's bytecode before timing a start, as an installation has it (pip compiles on
    install, the bundle ships .pyc). Without it, under PYTHONDONTWRITEBYTECODE every start would
    compile ~100 modules again and the figure would be a compile time no user ever pays."""
    import compileall

    for folder in ("desktop", "database"):
        compileall.compile_dir(ROOT / folder, quiet=2)


def startup_rows(demo: Path, big: Path) -> list[dict[str, str]]:
    rows = []
    compile_sources()
    bare_ms, bare_wall, bare_rss, _none = median_run([sys.executable, "-c", BARE_WINDOW])
    demo_ms, demo_wall, demo_rss, demo_filled = median_run(
        [sys.executable, "-m", "desktop", "--smoke", "--db", str(demo)]
    )
    big_ms, big_wall, big_rss, big_filled = median_run(
        [sys.executable, "-m", "desktop", "--smoke", "--db", str(big)]
    )
    n = scale_cache.scale()
    rows.append(row(f"bare PySide6 window, first paint (median of {REPEAT})",
                    f"{bare_ms:.0f} ms", "(baseline)", "3"))  # fmt: skip
    rows.append(row("craffu --smoke, demo db, first paint", f"{demo_ms:.0f} ms",
                    f"(+{demo_ms - bare_ms:.0f} ms over bare)", "3"))  # fmt: skip
    rows.append(row("craffu first paint / bare window first paint", f"{demo_ms / bare_ms:.2f}×",
                    "≤ 2.5×", "11"))  # fmt: skip
    rows.append(row("craffu --smoke, demo db, dashboard filled", f"{demo_filled:.0f} ms",
                    f"({demo_filled / bare_ms:.2f}× bare)", "11"))  # fmt: skip
    rows.append(row(f"craffu --smoke, --scale {n} db, first paint", f"{big_ms:.0f} ms",
                    "< 1500 ms", "3"))  # fmt: skip
    rows.append(row(f"craffu --smoke, --scale {n} db, dashboard filled", f"{big_filled:.0f} ms",
                    "< 1500 ms", "3"))  # fmt: skip
    rows.append(row("craffu --smoke, demo db, wall time (via launcher)", f"{demo_wall:.0f} ms",
                    f"(bare: {bare_wall:.0f} ms)", "3"))  # fmt: skip
    rows.append(row("peak memory, craffu --smoke (demo db)", f"{demo_rss / 1024:.0f} MB",
                    f"(bare: {bare_rss / 1024:.0f} MB)", "6"))  # fmt: skip
    rows.append(row(f"peak memory, craffu --smoke (--scale {n})", f"{big_rss / 1024:.0f} MB",
                    "(info)", "6"))  # fmt: skip
    return rows


# ---- in process: language switch, lists, search -----------------------------------------------


def window_on(path: Path):  # noqa: ANN201 - MainWindow
    from PySide6.QtCore import QSettings

    from database import Store, open_database
    from desktop.services.preferences import Preferences
    from desktop.ui import app as app_module
    from desktop.ui import main_window as mw
    from desktop.ui.settings_keys import WindowSettings

    db = open_database(path)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "w.ini"), QSettings.Format.IniFormat)
    window = mw.MainWindow(
        path,
        db,
        Store(db),
        opener=lambda p: app_module.open_store(p),
        preferences=Preferences(),
        settings=WindowSettings(settings),
        save_prefs=lambda _p: None,
    )
    window.resize(1280, 800)
    window.show()
    return window


def language_rows(app, demo: Path) -> list[dict[str, str]]:  # noqa: ANN001
    from desktop.ui import main_window as mw

    window = window_on(demo)
    for entry in mw.SECTIONS:
        window.show_section(entry.key)
        app.processEvents()

    def switch(code: str) -> Callable[[], None]:
        def go() -> None:
            window.set_ui_language(code)
            app.processEvents()

        return go

    to_cy, to_en = [], []
    switch("en")()
    for _ in range(REPEAT):
        to_cy.append(timed_ms(switch("cy")))
        to_en.append(timed_ms(switch("en")))
    window.close()
    window.db.close()
    return [
        row(f"language switch EN->CY, {len(mw.SECTIONS)} sections built",
            f"{statistics.median(to_cy):.1f} ms", "< 50 ms", "4"),
        row("language switch CY->EN", f"{statistics.median(to_en):.1f} ms", "< 50 ms", "4"),
    ]  # fmt: skip


def list_rows(big: Path) -> list[dict[str, str]]:
    from database import Store, open_database
    from database import recommendation_query as q
    from database.store import RecommendationFilter
    from desktop.services.search_hits import search_results
    from desktop.ui.records.recommendation_model import RecommendationTableModel

    n = scale_cache.scale()
    db = open_database(big)
    store = Store(db)
    model: list[RecommendationTableModel] = []
    first = median_ms(lambda: model.append(RecommendationTableModel(store)))
    m = model[-1]
    rows = [row(f"recommendations list opens ({m.total()} rows)", f"{first:.1f} ms",
                "< 100 ms", "3")]  # fmt: skip
    owner = store.owners()[0] if store.owners() else ""
    filters = {
        "status in progress": q.RecommendationQuery(
            RecommendationFilter(local_statuses=("in_progress",))
        ),
        "RAG red": q.RecommendationQuery(rags=("red",)),
        "owner": q.RecommendationQuery(RecommendationFilter(owner=owner)),
        "deadline in 2025": q.RecommendationQuery(
            RecommendationFilter(deadline_from=date(2025, 1, 1), deadline_to=date(2025, 12, 31))
        ),
        "text 'water'": q.RecommendationQuery(RecommendationFilter(text="water")),
        "open only, sorted by deadline desc": q.RecommendationQuery(
            RecommendationFilter(open_only=True), order_by="deadline_on", descending=True
        ),
        "sorted by report": q.RecommendationQuery(order_by="report"),
    }
    worst = ("", 0.0)
    for name, query in filters.items():
        ms = median_ms(lambda query=query: m.set_query(query))
        rows.append(row(f"  filter/sort: {name} ({m.total()} rows)", f"{ms:.1f} ms",
                        "< 100 ms", "3"))  # fmt: skip
        worst = max(worst, (name, ms), key=lambda w: w[1])
    m.set_query(q.RecommendationQuery())

    def scroll() -> None:
        while m.canFetchMore() and m.rowCount() < 5000:
            m.fetchMore()

    rows.append(row("scroll: fetch 5,000 rows page by page", f"{timed_ms(scroll):.1f} ms",
                    "(smooth)", "3"))  # fmt: skip
    queries = ["dwr", "hyfforddiant", "custody", "homicide prevention", '"unbalanced', "zzzz"]
    times = []
    for text in queries:
        search_results(db, text, "en")
        times += [timed_ms(lambda text=text: search_results(db, text, "en")) for _ in range(REPEAT)]
    rows.append(row(f"global search (median of {len(times)}, {n} recs)",
                    f"{statistics.median(times):.1f} ms", "< 100 ms", "3"))  # fmt: skip
    rows.append(row("global search, slowest query", f"{max(times):.1f} ms", "< 100 ms", "3"))
    db.close()
    return rows


def run(quick: bool = QUICK) -> list[dict[str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.services.demo import build_demo

    big = scale_cache.scale_db()
    with tempfile.TemporaryDirectory(prefix="craffu-bench-app-") as tmp:
        demo = build_demo(Path(tmp) / "demo.db")
        rows = startup_rows(demo, big)
        from desktop.ui.app import application
        from desktop.ui.qt_translator import install_translator

        app = application()
        install_translator()
        rows += language_rows(app, demo)
        rows += list_rows(big)
    return rows


def main() -> None:
    scale_cache.print_rows("application (issues 3, 4)", run())


if __name__ == "__main__":
    main()
