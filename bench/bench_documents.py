"""Timings for the document layer (figures only; budgets in issues 7 and 14).

Run: PYTHONPATH=. .venv/bin/python bench/bench_documents.py (or bench/run.py documents)
Budgets: demo response < 0.5 s; the 60-recommendation letter, tagged (PDF/UA), < 0.5 s and within
1.5x plain ReportLab rendering the same text, the two measured side by side in one run; signing
adds < 0.5 s.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def best_of(n: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def plain_reportlab(doc, lang: str) -> bytes:  # noqa: ANN001
    """The same words and inline styles with SimpleDocTemplate + Paragraphs in the same font:
    the baseline the budget compares with (no letterhead, columns, bookmarks or footers)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop.documents import markup
    from desktop.documents.fonts import FAMILY, register_fonts

    register_fonts()
    style = ParagraphStyle("b", fontName=FAMILY, fontSize=10.5, leading=15)
    bullet = ParagraphStyle("u", parent=style, leftIndent=15)
    texts = [getattr(doc, f"report_title_{lang}"), getattr(doc, f"introduction_{lang}")]
    for r in doc.recommendations:
        texts += [
            f"Recommendation {r.number}",
            getattr(r, f"text_{lang}"),
            getattr(r, f"deadline_text_{lang}"),
            getattr(r, f"explanation_{lang}"),
        ]
        texts += [getattr(a, f"text_{lang}") for a in r.assurances]
    texts += [
        getattr(doc, f"cc_comments_{lang}"),
        getattr(doc, f"pcc_reply_{lang}"),
        getattr(doc, f"closing_{lang}"),
    ]
    story = []
    for t in texts:
        for block in markup.parse(t):
            if isinstance(block, markup.Para):
                story.append(Paragraph(markup.runs_to_reportlab(block.runs), style))
            else:
                for item in block.items:
                    story.append(Paragraph(markup.runs_to_reportlab(item), bullet, bulletText="•"))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, initialFontName=FAMILY).build(story)
    return buf.getvalue()


def long_text_rows(office, out: Path) -> None:  # noqa: ANN001
    """Issue 13 item 2: render time for 100 KB and 1 MB of text in one paragraph, in each of the
    fields that used to be quadratic (a recommendation's text, an explanation, the title). The
    stored limits are lower (database/text_limits.py); this measures the renderer itself."""
    from dataclasses import replace

    from desktop.documents.demo import demo_response
    from desktop.documents.response_pdf import render_response_pdf

    base = demo_response()
    sentence = "The force has reviewed its homicide prevention work with partners. "
    for size, label in ((100_000, "100 KB"), (1_000_000, "1 MB")):
        text = (sentence * (size // len(sentence) + 1))[:size]
        first = base.recommendations[0]
        cases = {
            "recommendation text": replace(
                base, recommendations=[replace(first, text_en=text), *base.recommendations[1:]]
            ),
            "explanation": replace(
                base,
                recommendations=[replace(first, explanation_en=text), *base.recommendations[1:]],
            ),
            "report title": replace(base, report_title_en=text),
        }
        for what, doc in cases.items():
            t = time.perf_counter()
            render_response_pdf(doc, office, "en", out)
            seconds = time.perf_counter() - t
            print(f"{label} {what:<20}          {seconds:7.3f} s")
            if os.environ.get("CRAFFU_BENCH_ROWS"):
                row = {
                    "name": f"render {label} {what}",
                    "figure": f"{seconds:.2f} s",
                    "budget": "linear in length",
                    "issue": "13",
                }
                print("BENCH-ROW\t" + json.dumps(row))


def main() -> None:
    t0 = time.perf_counter()
    from desktop.documents.demo import (
        demo_office,
        demo_response,
        many_recommendations,
        write_demo_images,
    )
    from desktop.documents.response_pdf import render_response_pdf

    print(f"import documents layer            {time.perf_counter() - t0:7.3f} s")
    tmp = Path(tempfile.mkdtemp(prefix="craffu-bench-"))
    logo, sig = write_demo_images(tmp / "img")
    office = demo_office(logo, sig)
    demo = demo_response()
    out = tmp / "r.pdf"

    t = time.perf_counter()
    render_response_pdf(demo, office, "cy", out)
    print(f"demo response, first (cold)       {time.perf_counter() - t:7.3f} s")
    for lang in ("en", "cy", "bilingual"):
        s = best_of(5, lambda lang=lang: render_response_pdf(demo, office, lang, out))
        print(f"demo response {lang:<10}          {s:7.3f} s")

    big = many_recommendations(60)
    ours_bi = best_of(3, lambda: render_response_pdf(big, office, "bilingual", out))
    print(f"60 recommendations bilingual (tagged) {ours_bi:7.3f} s")
    # Issue 14: the tagged PDF/UA letter against plain ReportLab on the same text, measured
    # side by side in this one run (alternating, best of each), so load on the machine hits both.
    base_times: list[float] = []
    ours_times: list[float] = []
    for _ in range(5):
        base_times.append(best_of(1, lambda: plain_reportlab(big, "en")))
        ours_times.append(best_of(1, lambda: render_response_pdf(big, office, "en", out)))
    base, ours_en = min(base_times), min(ours_times)
    ratio = ours_en / base
    print(f"60 recommendations plain ReportLab  {base:7.3f} s")
    print(
        f"60 recommendations en (tagged)      {ours_en:7.3f} s   ratio tagged/plain {ratio:5.2f}x"
    )
    if os.environ.get("CRAFFU_BENCH_ROWS"):
        for row in (
            {
                "name": "60 recommendations, plain ReportLab",
                "figure": f"{base:.3f} s",
                "budget": "",
            },
            {
                "name": "60 recommendations, tagged PDF/UA (en)",
                "figure": f"{ours_en:.3f} s",
                "budget": "< 0.5 s",
                "issue": "14",
            },
            {
                "name": "  tagged / plain",
                "figure": f"{ratio:.2f}x",
                "budget": "<= 1.5x",
                "issue": "14",
            },
        ):
            print("BENCH-ROW\t" + json.dumps(row))

    long_text_rows(office, out)

    from desktop.documents.test_certs import make_test_certificate, now_utc

    now = now_utc()
    p12 = make_test_certificate(
        tmp / "cert", "Bench Signer", now - timedelta(days=1), now + timedelta(days=30), b"pw"
    )
    render_response_pdf(demo, office, "cy", out)
    t = time.perf_counter()
    from desktop.documents.signing import sign_pdf, verify_pdf

    sign_pdf(out, tmp / "s.pdf", p12, b"pw")
    print(f"signing, first (incl. pyHanko import) {time.perf_counter() - t:7.3f} s")
    s = best_of(3, lambda: sign_pdf(out, tmp / "s.pdf", p12, b"pw"))
    print(f"signing, warm                     {s:7.3f} s")
    s = best_of(3, lambda: verify_pdf(tmp / "s.pdf"))
    print(f"verifying                         {s:7.3f} s")


if __name__ == "__main__":
    main()
