"""Content translation: states, export to PO, import back, hostile PO files."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from database import Store, open_database
from database.records import Assurance, Recommendation, Report
from desktop.domain.freshness import Freshness
from desktop.services import translations as tr
from desktop.services.translations_po import PoFileRefused, export_po, import_po

INPUTS = Path(__file__).parent / "inputs" / "po"
R1_EN = "Chief constables should review how they prevent homicide."
R1_CY = "Dylai prif gwnstabliaid adolygu sut maent yn atal dynladdiad."
R2_OLD_EN = (
    'Forces should share data with the "Home Office" and with every partner that has a '
    "statutory duty,\nincluding local authorities."
)


def build_records(store: Store) -> dict[str, int]:
    """Report 1 with recommendations 1 (no Welsh), 2 (Welsh, then English changed), 3 (current)."""
    report = store.add_report(
        Report("Homicide prevention", date(2023, 8, 11), title_cy="Atal dynladdiad")
    )
    r1 = store.add_recommendation(Recommendation(report, "R1", R1_EN))
    r2 = store.add_recommendation(
        Recommendation(report, "R2", R2_OLD_EN, text_cy="Dylai heddluoedd rannu.")
    )
    r3 = store.add_recommendation(
        Recommendation(report, "R3", "Review training.", text_cy="Adolygu hyfforddiant.")
    )
    rec2 = store.recommendation(r2)
    rec2.text_en = "Forces should share data with partners."
    store.update_recommendation(rec2)
    assurance = store.add_assurance(
        Assurance(
            date(2023, 9, 1), text_en='The "plan" is\nin place.', given_by="CC", report_id=report
        )
    )
    return {"report": report, "r1": r1, "r2": r2, "r3": r3, "assurance": assurance}


@pytest.fixture
def records(store: Store) -> dict[str, int]:
    return build_records(store)


def snapshot(store: Store) -> tuple[int, list[tuple[str, str, str | None, bool]]]:
    audit = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    fields = [
        (f.table + str(f.row_id) + f.field, f.cy, f.source_en, f.reviewed)
        for f in store.welsh_fields()
    ]
    return audit, fields


def state_of(store: Store, table: str, row_id: int, field: str) -> Freshness:
    item = tr.get_field(store, table, row_id, field)
    assert item is not None
    return item.state


# -- listing -------------------------------------------------------------------------------------


def test_states_of_fields(store, records):
    assert state_of(store, "recommendations", records["r1"], "text") is Freshness.MISSING
    assert state_of(store, "recommendations", records["r2"], "text") is Freshness.STALE
    assert state_of(store, "recommendations", records["r3"], "text") is Freshness.CURRENT
    stale = tr.list_fields(store, table="recommendations", states=["stale"])
    assert [i.key for i in stale] == [("recommendations", records["r2"], "text")]
    one = tr.list_fields(store, table="recommendations", row_id=records["r1"])
    assert {i.field.field for i in one} == {"text"}  # empty deadline/reason fields left out
    counts = tr.count_states(store, table="recommendations")
    assert counts == {Freshness.MISSING: 1, Freshness.STALE: 1, Freshness.CURRENT: 1}


def test_records_are_named_in_the_interface_language(store, records):
    from desktop.services.record_labels import record_labels

    fields = store.welsh_fields()
    english = record_labels(store, fields, "en")
    welsh = record_labels(store, fields, "cy")
    assert english[("reports", records["report"])] == "Homicide prevention"
    assert welsh[("reports", records["report"])] == "Atal dynladdiad"
    assert welsh[("recommendations", records["r1"])] == "R1 — Atal dynladdiad"
    assert english[("recommendations", records["r1"])] == "R1 — Homicide prevention"
    # A record with no Welsh title keeps its English one in Welsh.
    other = store.add_report(Report("Vetting", date(2024, 1, 2)))
    assert record_labels(store, store.welsh_fields("reports", other), "cy") == {
        ("reports", other): "Vetting"
    }


def test_publication_checklist_names_records_in_welsh(store, records):
    from database.records import Response
    from desktop import i18n
    from desktop.services.publishing import publication_checklist

    response = store.add_response(Response(records["report"]))
    i18n.set_language("cy")
    try:
        items = {i.code: i for i in publication_checklist(store, response)}
    finally:
        i18n.set_language("en")
    detail = items["welsh"].detail
    assert "R1 — Atal dynladdiad" in detail
    assert "Homicide prevention" not in detail


def test_set_welsh_and_mark_reviewed(store, records):
    tr.set_welsh(store, "recommendations", records["r1"], "text", R1_CY)
    assert state_of(store, "recommendations", records["r1"], "text") is Freshness.CURRENT
    tr.mark_reviewed(store, "recommendations", records["r2"], "text")
    assert state_of(store, "recommendations", records["r2"], "text") is Freshness.CURRENT
    rec = store.recommendation(records["r1"])
    rec.text_en = R1_EN + " Now."
    store.update_recommendation(rec)
    assert state_of(store, "recommendations", records["r1"], "text") is Freshness.STALE


def test_context_keys():
    assert tr.context_key("recommendations", 12, "text") == "recommendations/12/text"
    assert tr.parse_context("recommendations/12/text") == ("recommendations", 12, "text")
    assert tr.parse_context("recommendations/x/text") is None
    assert tr.parse_context("a/1") is None
    assert tr.parse_context(None) is None


# -- export --------------------------------------------------------------------------------------


def read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def test_export_writes_missing_and_stale(store, records, tmp_path):
    out = tmp_path / "cy.po"
    n = export_po(store, out)
    catalog = read(out)
    entries = {m.context: m for m in catalog if m.id}
    assert n == len(entries)
    r1, r2, r3 = (f"recommendations/{records[k]}/text" for k in ("r1", "r2", "r3"))
    assert r3 not in entries  # current
    assert entries[r1].id == R1_EN and entries[r1].string == "" and not entries[r1].fuzzy
    assert entries[r2].string == "Dylai heddluoedd rannu."  # the old Welsh, to update
    assert entries[r2].fuzzy
    text = out.read_text("utf-8")
    assert '#| msgid ""\n#| "Forces should share data with the \\"Home Office\\"' in text
    assert any("English changed" in c for c in entries[r2].auto_comments)
    assert any("R1" in c for c in entries[r1].auto_comments)
    assert str(catalog.locale) == "cy"
    assert catalog.num_plurals == 6
    assert catalog.project == "Craffu"
    assert f"assurances/{records['assurance']}/text" in entries
    everything = export_po(store, tmp_path / "all.po", include_all=True)
    assert r3 in {m.context for m in read(tmp_path / "all.po") if m.id}
    assert everything > n


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt not installed")
def test_export_passes_msgfmt(store, records, tmp_path):
    out = tmp_path / "cy.po"
    export_po(store, out, include_all=True)
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


# -- round trip ----------------------------------------------------------------------------------


def translate(path: Path, texts: dict[str, str], *, clear_fuzzy: bool = True) -> None:
    """What a translator does in Poedit: fill msgstrs (by msgctxt) and clear fuzzy marks."""
    with path.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.context in texts:
            message.string = texts[message.context]
            if clear_fuzzy:
                message.flags.discard("fuzzy")
    buf = io.BytesIO()
    write_po(buf, catalog)
    path.write_bytes(buf.getvalue())


def test_round_trip(store, records, tmp_path):
    out = tmp_path / "cy.po"
    export_po(store, out)
    r1, r2 = f"recommendations/{records['r1']}/text", f"recommendations/{records['r2']}/text"
    a = f"assurances/{records['assurance']}/text"
    translate(
        out,
        {
            r1: R1_CY,
            r2: "Dylai heddluoedd rannu data â phartneriaid.",
            a: 'Mae\'r "cynllun"\nar waith.',
        },
    )
    preview = import_po(store, out, dry_run=True)
    assert len(preview.applied) == 3
    assert state_of(store, "recommendations", records["r1"], "text") is Freshness.MISSING
    report = import_po(store, out)
    assert {e.context for e in report.applied} == {r1, r2, a}
    assert store.recommendation(records["r1"]).text_cy == R1_CY
    assert store.recommendation(records["r2"]).text_cy.endswith("â phartneriaid.")
    assert tr.get_field(store, "assurances", records["assurance"], "text").cy == (
        'Mae\'r "cynllun"\nar waith.'
    )
    assert tr.count_states(store, table="recommendations")[Freshness.CURRENT] == 3
    again = import_po(store, out)  # idempotent
    assert not again.applied and len(again.unchanged) == 3


def test_stale_kept_by_translator_is_confirmed(store, records, tmp_path):
    out = tmp_path / "cy.po"
    export_po(store, out)
    r2 = f"recommendations/{records['r2']}/text"
    translate(out, {r2: "Dylai heddluoedd rannu."})  # same Welsh, fuzzy mark cleared
    report = import_po(store, out)
    assert [e.context for e in report.confirmed] == [r2]
    assert state_of(store, "recommendations", records["r2"], "text") is Freshness.CURRENT


def test_untouched_export_changes_nothing(store, records, tmp_path):
    out = tmp_path / "cy.po"
    export_po(store, out, include_all=True)
    before = snapshot(store)
    report = import_po(store, out)
    assert report.changes == 0 and report.fuzzy and report.empty
    assert snapshot(store) == before


def test_english_changed_after_export_is_skipped(store, records, tmp_path):
    out = tmp_path / "cy.po"
    export_po(store, out)
    r1 = f"recommendations/{records['r1']}/text"
    translate(out, {r1: R1_CY})
    rec = store.recommendation(records["r1"])
    rec.text_en = "Chief constables must review homicide prevention."
    store.update_recommendation(rec)
    before = snapshot(store)
    report = import_po(store, out)
    assert [e.context for e in report.skipped_changed_english] == [r1]
    assert snapshot(store) == before
    assert any("English has changed" in line for line in report.summary_lines())


def test_import_is_one_transaction(store, records, tmp_path, monkeypatch):
    out = tmp_path / "cy.po"
    export_po(store, out)
    r1, r2 = f"recommendations/{records['r1']}/text", f"recommendations/{records['r2']}/text"
    translate(out, {r1: R1_CY, r2: "Newydd."})
    before = snapshot(store)
    real = Store.set_welsh
    calls = []

    def failing(self, table, row_id, field, text):
        calls.append(row_id)
        if len(calls) == 2:
            from database.errors import StorageError

            raise StorageError("disk full")
        return real(self, table, row_id, field, text)

    monkeypatch.setattr(Store, "set_welsh", failing)
    with pytest.raises(PoFileRefused) as info:
        import_po(store, out)
    assert info.value.code == "storage"
    assert len(calls) == 2
    assert snapshot(store) == before  # the first write was rolled back too


# -- hostile files -------------------------------------------------------------------------------


REFUSED = {
    "content_wrong_language.po": ("language", "de"),
    "content_no_language.po": ("language", "Language"),
    "content_four_form_plural.po": ("plural_rule", "plural rule"),
    "content_broken_syntax.po": ("syntax", "line 11"),
    "content_not_utf8.po": ("encoding", "UTF-8"),
    "content_empty.po": ("syntax", "not a valid PO file"),
    "content_duplicate_entries.po": ("syntax", "appears twice"),
}

#: English that once leaked into Welsh refusals: parser messages and a plural-rule explanation.
ENGLISH_LEAKS = ("unterminated", "empty", "duplicate", "differs", "converting", "our form",
                 "Nothing", "line ", "form ")  # fmt: skip


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_whole(store, records, name):
    code, words = REFUSED[name]
    before = snapshot(store)
    with pytest.raises(PoFileRefused) as info:
        import_po(store, INPUTS / name)
    assert info.value.code == code
    message = info.value.describe()
    assert words in message and "Nothing was imported" in message
    assert snapshot(store) == before


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_in_welsh_words(store, records, name):
    from desktop import i18n

    with pytest.raises(PoFileRefused) as info:
        import_po(store, INPUTS / name)
    i18n.set_language("cy")
    try:
        message = info.value.describe()
    finally:
        i18n.set_language("en")
    assert "Ni fewnforiwyd dim" in message
    without_path = message.replace(str(INPUTS / name), "")
    assert [w for w in ENGLISH_LEAKS if w in without_path] == []


@pytest.mark.parametrize(
    ("params", "english"),
    [
        ({"line": 12, "problem": ""}, "cannot read line 12"),  # babel's reason is not shown
        ({"line": None, "problem": ""}, "is not a valid PO file. Nothing"),
        ({"line": 3, "problem": "escape", "escape": "\\q"}, "line 3: \\q is not allowed"),
    ],
)
def test_parser_failures_are_worded_by_craffu(params, english):
    from desktop import i18n

    refused = PoFileRefused("syntax", "x.po", **params)
    assert english in refused.describe()
    i18n.set_language("cy")
    try:
        welsh = refused.describe()
    finally:
        i18n.set_language("en")
    assert "Nid yw x.po yn ffeil PO ddilys" in welsh and "Ni fewnforiwyd dim" in welsh
    assert [w for w in ENGLISH_LEAKS if w in welsh] == []


def test_missing_file_is_refused(store, tmp_path):
    with pytest.raises(PoFileRefused) as info:
        import_po(store, tmp_path / "nope.po")
    assert info.value.code == "not_found"


@pytest.mark.parametrize(
    ("name", "attr", "count"),
    [
        ("content_changed_english.po", "skipped_changed_english", 1),
        ("content_unknown_contexts.po", "unknown_context", 5),
        ("content_fuzzy.po", "fuzzy", 1),
    ],
)
def test_hostile_entries_are_reported_and_left_alone(store, records, name, attr, count):
    before = snapshot(store)
    report = import_po(store, INPUTS / name)
    assert len(getattr(report, attr)) == count
    assert report.changes == 0
    assert snapshot(store) == before
    assert report.summary_lines()


def test_published_response_is_not_exported_or_changed(store, records, tmp_path):
    from database.records import Response

    response = store.add_response(Response(records["report"], introduction_en="Intro"))
    out = tmp_path / "cy.po"
    export_po(store, out)
    ctx = f"responses/{response}/introduction"
    assert ctx in {m.context for m in read(out) if m.id}
    translate(out, {ctx: "Cyflwyniad"})
    store.db.execute("UPDATE responses SET state = 'published' WHERE id = ?", [response])
    assert ctx not in {m.context for m in read(_export(store, tmp_path)) if m.id}
    before = snapshot(store)
    report = import_po(store, out)
    assert [e.context for e in report.locked] == [ctx]
    assert snapshot(store)[1] == before[1]


def _export(store: Store, tmp_path: Path) -> Path:
    out = tmp_path / "again.po"
    export_po(store, out)
    return out


# -- property: any text survives export -> import ------------------------------------------------

_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
_PIECES = st.sampled_from(
    ['"', "\\", "\n", "\t", "\r\n", "ŵ", "ŷ", "â", "#", "msgid ", "{n}", "%s"]
)
TEXT = st.lists(_CHARS | _PIECES, min_size=1, max_size=60).map("".join).filter(lambda s: s.strip())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(english=TEXT, welsh=TEXT)
def test_any_text_survives_export_and_import(tmp_path_factory, english, welsh):
    folder = tmp_path_factory.mktemp("prop")
    db = open_database(folder / "p.db", actor="test-user")
    try:
        store = Store(db)
        report_id = store.add_report(Report("Report", date(2024, 1, 1)))
        rec = store.add_recommendation(Recommendation(report_id, "R1", english))
        out = folder / "cy.po"
        export_po(store, out)
        entries = {m.context: m for m in read(out) if m.id}
        ctx = f"recommendations/{rec}/text"
        assert entries[ctx].id == english
        translate(out, {ctx: welsh})
        report = import_po(store, out)
        assert [e.context for e in report.applied] == [ctx]
        assert store.recommendation(rec).text_cy == welsh
    finally:
        db.close()


# -- command line --------------------------------------------------------------------------------


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    import argparse

    from desktop import cli_translations

    parser = argparse.ArgumentParser(prog="craffu")
    cli_translations.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = args.func(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_cli_export_and_import(db_path, store, records, tmp_path):
    po = tmp_path / "cy.po"
    code, out, _err = run_cli(
        ["translations", "export", "--db", str(db_path), "--lang", "cy", "--out", str(po)]
    )
    assert code == 0 and "written" in out and po.exists()
    r1 = f"recommendations/{records['r1']}/text"
    translate(po, {r1: R1_CY})
    code, out, _err = run_cli(
        ["translations", "import", str(po), "--db", str(db_path), "--dry-run"]
    )
    assert code == 0 and "Dry run" in out and "1 Welsh text will be saved" in out
    assert store.recommendation(records["r1"]).text_cy == ""
    code, out, _err = run_cli(["translations", "import", str(po), "--db", str(db_path)])
    assert code == 0 and "1 Welsh text saved" in out
    assert store.recommendation(records["r1"]).text_cy == R1_CY


def test_cli_refuses_hostile_file(db_path, store, records):
    before = snapshot(store)
    code, out, err = run_cli(
        ["translations", "import", str(INPUTS / "content_wrong_language.po"), "--db", str(db_path)]
    )
    assert code != 0 and "Nothing was imported" in err and not out
    assert snapshot(store) == before


def test_cli_missing_database(tmp_path):
    code, _out, err = run_cli(
        [
            "translations",
            "export",
            "--db",
            str(tmp_path / "none.db"),
            "--out",
            str(tmp_path / "x.po"),
        ]
    )
    assert code != 0 and err
