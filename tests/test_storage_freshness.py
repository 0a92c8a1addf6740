"""Welsh freshness through the store's bookkeeping and the domain rule: missing, stale, current."""

from __future__ import annotations

from datetime import date

from database import Store
from database.records import Recommendation, Report
from desktop.domain.freshness import Freshness, freshness


def _state(store: Store, table: str, row_id: int, field: str) -> Freshness:
    [f] = [f for f in store.welsh_fields(table, row_id) if f.field == field]
    return freshness(f.en, f.cy, f.source_en)


def test_missing_stale_current(store: Store):
    report = store.add_report(Report("Title", date(2024, 1, 1), summary_en="Summary"))
    assert _state(store, "reports", report, "summary") is Freshness.MISSING
    store.set_welsh("reports", report, "summary", "Crynodeb")
    assert _state(store, "reports", report, "summary") is Freshness.CURRENT
    r = store.report(report)
    r.summary_en = "Summary, revised"
    store.update_report(r)
    assert _state(store, "reports", report, "summary") is Freshness.STALE
    store.mark_reviewed("reports", report, "summary")
    assert _state(store, "reports", report, "summary") is Freshness.CURRENT


def test_welsh_written_with_the_record_is_current(store: Store):
    report = store.add_report(Report("Title", date(2024, 1, 1), title_cy="Teitl"))
    rec = store.add_recommendation(Recommendation(report, "1", "Text", text_cy="Testun"))
    assert _state(store, "reports", report, "title") is Freshness.CURRENT
    assert _state(store, "recommendations", rec, "text") is Freshness.CURRENT
    # Whitespace-only changes to the English do not make the Welsh stale.
    r = store.recommendation(rec)
    r.text_en = "Text  "
    store.update_recommendation(r)
    assert _state(store, "recommendations", rec, "text") is Freshness.CURRENT


def test_stale_when_english_changed_by_plain_sql(store: Store):
    report = store.add_report(Report("Title", date(2024, 1, 1), title_cy="Teitl"))
    store.db.execute("UPDATE reports SET title_en = 'Other title' WHERE id = ?", [report])
    assert _state(store, "reports", report, "title") is Freshness.STALE


def test_nothing_to_translate_is_current(store: Store):
    report = store.add_report(Report("Title", date(2024, 1, 1)))
    assert _state(store, "reports", report, "summary") is Freshness.CURRENT
