"""End-to-end timings of publishing from the database (figures only; budgets in issue 7).

Run: cd /work/main && PYTHONPATH=. /work/venv/bin/python bench/bench_publishing.py

The renderer alone against plain ReportLab is bench/bench_documents.py; this adds what the office
waits for: reading the response from the database, rendering it, and publishing (three PDFs, three
HTML pages, signing, storing) in one go.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def best_of(n: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from database import Store, open_database
    from desktop.services import publishing
    from desktop.services.demo import build_demo
    from desktop.services.publishing_sample import build_sample

    tmp = Path(tempfile.mkdtemp(prefix="craffu-bench-"))
    store = Store(open_database(build_demo(tmp / "demo.db"), actor="bench"))
    report_id = next(r.id for r in store.reports() if r.title_en.startswith("Homicide"))
    response = publishing.ensure_draft(store, report_id)
    rows: list[tuple[str, float]] = []

    rows.append(
        (
            "demo: read response from the database",
            best_of(
                5, lambda: publishing.build_response_document(store, response.id, as_draft=True)
            ),
        )
    )
    for lang in ("en", "cy", "bilingual"):
        out = tmp / f"demo-{lang}.pdf"
        rows.append(
            (
                f"demo: database -> PDF ({lang})",
                best_of(
                    3, lambda lg=lang, o=out: publishing.render_response(store, response.id, lg, o)
                ),
            )
        )
    rows.append(
        (
            "demo: live checklist (unsaved edits, rolled back)",
            best_of(5, lambda: publishing.draft_checklist(store, response, [])),
        )
    )

    big = Store(open_database(tmp / "big.db", actor="bench"))
    big_report = build_sample(big, recommendations=60, ready=True)
    big_response = big.current_response(big_report)
    assert big_response is not None
    doc, _office = publishing.build_response_document(big, big_response.id, as_draft=False)
    for lang in ("en", "cy"):
        out = tmp / f"big-{lang}.pdf"
        rows.append(
            (
                f"60 recommendations: database -> PDF ({lang})",
                best_of(
                    2,
                    lambda lg=lang, o=out: publishing.render_response(big, big_response.id, lg, o),
                ),
            )
        )
    try:
        from bench_documents import plain_reportlab

        rows.append(
            (
                "60 recommendations: plain ReportLab, same text (en)",
                best_of(2, lambda: plain_reportlab(doc, "en")),
            )
        )
    except Exception as exc:  # the documents bench changed shape
        print(f"(plain ReportLab baseline unavailable: {exc})")

    from desktop.documents.test_certs import make_test_certificate, now_utc

    p12 = make_test_certificate(
        tmp / "certs",
        "Bench signer",
        now_utc(),
        now_utc().replace(year=now_utc().year + 1),
        b"bench",
    )
    pdf = tmp / "demo-en.pdf"
    # Sign once untimed: the first call pays for importing pyHanko (about 0.4 s).
    publishing.sign_file(pdf, tmp / "warm.pdf", p12, b"bench")
    rows.append(
        (
            "sign one PDF (after pyHanko is imported)",
            best_of(3, lambda: publishing.sign_file(pdf, tmp / "signed.pdf", p12, b"bench")),
        )
    )

    # Publish end to end: 3 PDFs + 3 HTML, signed, stored, state changed.
    small = Store(open_database(tmp / "small.db", actor="bench"))
    small_report = build_sample(small, ready=True)
    small_id = small.current_response(small_report).id  # type: ignore[union-attr]
    t = time.perf_counter()
    publishing.publish(small, small_id, p12=p12, password=b"bench")
    rows.append(
        (
            "publish sample (2 recommendations): 3 PDFs + 3 HTML, signed, stored",
            time.perf_counter() - t,
        )
    )
    big_id = big_response.id
    t = time.perf_counter()
    publishing.publish(big, big_id, p12=p12, password=b"bench")
    rows.append(("publish 60 recommendations: 3 PDFs + 3 HTML, signed", time.perf_counter() - t))

    width = max(len(name) for name, _t in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
