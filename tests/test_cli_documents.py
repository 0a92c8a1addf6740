"""``craffu export|publish|verify|trust`` through the parser the main CLI builds from register()."""

from __future__ import annotations

import argparse
import io
from dataclasses import replace
from pathlib import Path

import pytest
from test_publishing_support import (
    INPUTS,
    PASSWORD,
    build_demo_db,
    draft_report_id,
    fix_welsh_and_approve,
    homicide_report_id,
    make_p12,
    open_store,
    peel_report_id,
    run,
    snapshot,
    tool,
)

from desktop import cli_documents


def craffu(*argv: str | Path) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="craffu")
    cli_documents.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args([str(a) for a in argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.func(args, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    return build_demo_db(tmp_path)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(p12, its certificate PEM) and a password file."""
    folder = tmp_path_factory.mktemp("certs")
    p12 = make_p12(folder)
    return p12, p12.with_suffix(".pem")


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_bytes(PASSWORD + b"\n")
    return path


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Trusted certificates go in a config folder of this test's own."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("APPDATA", str(folder))  # Windows
    return folder


def _export(db: Path, report_id: int, out: Path, *extra: str | Path) -> tuple[int, str, str]:
    return craffu(
        "export", "response", "--db", db, "--report", report_id, "--lang", "cy", "--out", out,
        *extra,
    )  # fmt: skip


def _text(path: Path) -> str:
    return " ".join(run(tool("pdftotext"), "-enc", "UTF-8", path, "-").stdout.split())


def test_export_draft_response_in_welsh_with_html(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    draft = store.current_response(report_id)
    assert draft.state == "draft"
    store.db.close()
    out, html = tmp_path / "ymateb.pdf", tmp_path / "ymateb.html"
    code, stdout, err = _export(demo_db, report_id, out, "--html", html)
    assert code == 0, err
    assert "Draft" in stdout
    text = _text(out)
    # The draft's Welsh introduction and recommendation 3's Welsh explanation.
    assert "yn un o’r heddluoedd a arolygwyd" in text and "SWYDDOGOL-SENSITIF" in text
    assert "Mae fy Nghynllun Heddlu a Throseddu eisoes yn enwi plismona" in text
    assert 'lang="cy"' in html.read_text(encoding="utf-8")
    # Exporting saves nothing: the same draft, still the only response.
    store = open_store(demo_db)
    assert [r.id for r in store.responses_for_report(report_id)] == [draft.id]
    assert store.response(draft.id) == draft
    store.db.close()


def test_export_published_response_gives_the_stored_files(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    report_id = homicide_report_id(store)
    response = store.current_response(report_id)
    assert response.state == "published"
    stored = {(a.kind, a.lang): a.content for a in store.artefacts(response.id)}
    store.db.close()
    out, html = tmp_path / "ymateb.pdf", tmp_path / "ymateb.html"
    code, stdout, err = _export(demo_db, report_id, out, "--html", html)
    assert code == 0, err
    assert "Published" in stdout
    assert out.read_bytes() == stored[("pdf", "cy")]
    assert html.read_bytes() == stored[("html", "cy")]
    # Publishing it again is refused.
    p12 = make_p12(tmp_path / "certs")
    code, _out, err = craffu("publish", "--db", demo_db, "--report", report_id, "--sign", p12)
    assert code == 2 and "already published" in err


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_without_a_response_renders_a_draft_and_writes_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    """QA: exporting a report with no response wrote a draft (and 11 audit rows)."""
    store = open_store(demo_db)
    report = store.report(peel_report_id(store))
    assert store.current_response(report.id) is None
    # A report not answered anywhere yet (the demo's PEEL report was answered outside Craffu).
    store.update_report(replace(report, response_published_on=None))
    homicide = homicide_report_id(store)
    store.db.close()
    # Opening the file as the command line does may record who opened it: do that once first.
    assert _export(demo_db, homicide, tmp_path / "settle.pdf")[0] == 0
    before = _sha256(demo_db)
    out = tmp_path / "r.pdf"
    code, stdout, err = _export(demo_db, report.id, out, "--html", tmp_path / "r.html")
    assert code == 0, err
    assert "Draft" in stdout
    text = _text(out)
    assert "DRAFFT" in text and "Cyflwyniad" in text and "Heb ei ysgrifennu eto" in text
    assert (tmp_path / "r.html").exists()
    code, _out, err = _export(demo_db, report.id, tmp_path / "final.pdf", "--final")
    assert code == 0, err
    assert "DRAFFT" not in _text(tmp_path / "final.pdf")
    assert _sha256(demo_db) == before
    store = open_store(demo_db)
    assert store.current_response(report.id) is None
    store.db.close()


def test_export_of_a_response_published_outside_craffu_says_so(
    demo_db: Path, tmp_path: Path
) -> None:
    store = open_store(demo_db)
    report = store.report(peel_report_id(store))
    assert report.response_published_on is not None
    store.db.close()
    out = tmp_path / "peel.pdf"
    code, _out, err = _export(demo_db, report.id, out)
    assert code == 2 and not out.exists()
    assert "outside Craffu" in err and "--draft-anyway" in err
    before = _sha256(demo_db)
    code, _out, err = _export(demo_db, report.id, out, "--draft-anyway")
    assert code == 0, err
    assert "DRAFFT" in _text(out)
    assert _sha256(demo_db) == before


def test_export_unknown_report_and_missing_database(demo_db: Path, tmp_path: Path) -> None:
    code, _out, err = craffu(
        "export",
        "response",
        "--db",
        demo_db,
        "--report",
        "999",
        "--lang",
        "en",
        "--out",
        tmp_path / "x.pdf",
    )
    assert code == 2 and "999" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()
    code, _out, err = craffu(
        "export",
        "response",
        "--db",
        tmp_path / "none.db",
        "--report",
        "1",
        "--lang",
        "en",
        "--out",
        tmp_path / "x.pdf",
    )
    assert code == 2 and err.strip()
    assert not (tmp_path / "none.db").exists()


def test_publish_verify_tamper_and_trust(
    demo_db: Path, tmp_path: Path, certs: tuple[Path, Path], password_file: Path
) -> None:
    p12, pem = certs
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    fix_welsh_and_approve(store, report_id)
    store.db.close()
    out_dir = tmp_path / "published"
    code, stdout, err = craffu(
        "publish",
        "--db",
        demo_db,
        "--report",
        report_id,
        "--sign",
        p12,
        "--password-file",
        password_file,
        "--out-dir",
        out_dir,
    )
    assert code == 0, err
    assert PASSWORD.decode() not in stdout + err
    signed = next(out_dir.glob("*-cy.pdf"))

    code, stdout, _err = craffu("verify", signed)
    assert code == 0
    assert "Intact: yes" in stdout and "Elin Morgan" in stdout and "Trusted: no" in stdout

    code, stdout, _err = craffu("verify", signed, "--trust", pem)
    assert code == 0 and "Trusted: yes" in stdout

    code, stdout, _err = craffu("trust", "add", pem, "--db", demo_db)
    assert code == 0 and "Elin Morgan" in stdout
    code, stdout, _err = craffu("verify", signed)
    assert code == 0 and "Trusted: yes" in stdout
    code, stdout, _err = craffu("trust", "list")
    assert "Elin Morgan" in stdout

    # A byte changed inside the document's text.
    data = bytearray(signed.read_bytes())
    i = data.index(b"/Title") + 8
    data[i] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    code, stdout, err = craffu("verify", tampered)
    assert code == 1, (stdout, err)
    assert "Intact: no" in stdout
    assert "Signature is Valid" in run(tool("pdfsig"), signed).stdout
    assert "Signature is Valid" not in run(tool("pdfsig"), tampered).stdout

    # Exporting the published response gives the stored, signed file byte for byte.
    copy = tmp_path / "copy.pdf"
    code, stdout, _err = _export(demo_db, report_id, copy)
    assert code == 0 and "Published" in stdout
    assert copy.read_bytes() == signed.read_bytes()


@pytest.mark.parametrize(
    ("name", "code"),
    [("unsigned.pdf", 2), ("truncated.pdf", 2), ("not-a-pdf.pdf", 2), ("empty.pdf", 2)],
)
def test_verify_unsigned_and_unreadable(name: str, code: int) -> None:
    rc, stdout, err = craffu("verify", INPUTS / "pdf" / name)
    assert rc == code
    assert err.strip() and len(err.strip().splitlines()) == 1


def test_verify_missing_file(tmp_path: Path) -> None:
    rc, _out, err = craffu("verify", tmp_path / "nothing.pdf")
    assert rc == 2 and err.strip()


def test_trust_add_refuses_a_non_certificate() -> None:
    rc, _out, err = craffu("trust", "add", INPUTS / "pdf" / "not-a-pdf.pdf")
    assert rc == 2 and "not a certificate" in err


@pytest.mark.parametrize("case", ["wrong_password", "not_pkcs12", "expired"])
def test_publish_signing_failure_changes_nothing(
    demo_db: Path, tmp_path: Path, certs: tuple[Path, Path], password_file: Path, case: str
) -> None:
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    response_id = fix_welsh_and_approve(store, report_id)
    before = snapshot(store, response_id)
    store.db.close()
    p12 = certs[0]
    if case == "wrong_password":
        password_file.write_bytes(b"wrong\n")
    elif case == "not_pkcs12":
        p12 = INPUTS / "p12" / "not-pkcs12.p12"
    else:
        p12 = make_p12(tmp_path / "old", expired=True)
    out_dir = tmp_path / "published"
    code, stdout, err = craffu(
        "publish",
        "--db",
        demo_db,
        "--report",
        report_id,
        "--sign",
        p12,
        "--password-file",
        password_file,
        "--out-dir",
        out_dir,
    )
    assert code == 2
    assert "Nothing was published" in err and len(err.strip().splitlines()) == 1
    assert "wrong" not in stdout + err.replace("wrong.", "")
    assert not out_dir.exists()
    store = open_store(demo_db)
    assert snapshot(store, response_id) == before
    store.db.close()


def test_publish_refused_lists_the_checklist(demo_db: Path, certs: tuple[Path, Path]) -> None:
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    response_id = store.current_response(report_id).id
    before = snapshot(store, response_id)
    store.db.close()
    code, _out, err = craffu("publish", "--db", demo_db, "--report", report_id, "--sign", certs[0])
    assert code == 2
    assert "cannot be published yet" in err
    assert "✗" in err and "approved" in err
    store = open_store(demo_db)
    assert snapshot(store, response_id) == before
    store.db.close()


def test_export_board_pack_public_and_private(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    meeting = next(m for m in store.meetings() if any(i.exempt for i in store.agenda(m.id)))
    exempt = next(i.title_en for i in store.agenda(meeting.id) if i.exempt)
    store.db.close()
    public, private = tmp_path / "public.pdf", tmp_path / "private.pdf"
    code, _o, err = craffu(
        "export",
        "board-pack",
        "--db",
        demo_db,
        "--meeting",
        meeting.id,
        "--lang",
        "en",
        "--out",
        public,
    )
    assert code == 0, err
    code, _o, err = craffu(
        "export",
        "board-pack",
        "--db",
        demo_db,
        "--meeting",
        meeting.id,
        "--lang",
        "en",
        "--private",
        "--out",
        private,
    )
    assert code == 0, err
    assert exempt not in _text(public)
    assert exempt in _text(private)
    code, _o, err = craffu(
        "export",
        "board-pack",
        "--db",
        demo_db,
        "--meeting",
        "999",
        "--lang",
        "en",
        "--out",
        tmp_path / "none.pdf",
    )
    assert code == 2 and "999" in err


def test_password_file_without_sign_is_refused(
    demo_db: Path, tmp_path: Path, password_file: Path
) -> None:
    code, _o, err = craffu(
        "export",
        "response",
        "--db",
        demo_db,
        "--report",
        "1",
        "--lang",
        "en",
        "--out",
        tmp_path / "x.pdf",
        "--password-file",
        password_file,
    )
    assert code == 2 and "--sign" in err


def test_export_signed_draft(
    demo_db: Path, tmp_path: Path, certs: tuple[Path, Path], password_file: Path
) -> None:
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    assert store.current_response(report_id).state == "draft"
    store.db.close()
    out = tmp_path / "signed-draft.pdf"
    code, _o, err = craffu(
        "export",
        "response",
        "--db",
        demo_db,
        "--report",
        report_id,
        "--lang",
        "en",
        "--out",
        out,
        "--sign",
        certs[0],
        "--password-file",
        password_file,
    )
    assert code == 0, err
    code, stdout, _err = craffu("verify", out)
    assert code == 0 and "Intact: yes" in stdout
    assert "DRAFT" in _text(out)
    # Wrong password: no file at all.
    password_file.write_bytes(b"nope")
    out2 = tmp_path / "signed-draft-2.pdf"
    code, _o, err = craffu(
        "export",
        "response",
        "--db",
        demo_db,
        "--report",
        report_id,
        "--lang",
        "en",
        "--out",
        out2,
        "--sign",
        certs[0],
        "--password-file",
        password_file,
    )
    assert code == 2 and "password" in err
    assert not out2.exists()


def test_publish_without_a_certificate_is_refused(demo_db: Path, tmp_path: Path) -> None:
    """Issue 7: a response is "published (signed)"; publishing unsigned is not offered."""
    store = open_store(demo_db)
    report_id = draft_report_id(store)
    response_id = fix_welsh_and_approve(store, report_id)
    before = snapshot(store, response_id)
    store.db.close()
    out_dir = tmp_path / "published"
    code, stdout, err = craffu(
        "publish", "--db", demo_db, "--report", report_id, "--out-dir", out_dir
    )
    assert code == 2 and not stdout
    assert "only published signed" in err and "--sign" in err
    assert not out_dir.exists()
    store = open_store(demo_db)
    assert snapshot(store, response_id) == before
    store.db.close()


def test_verify_refuses_a_trust_file_that_is_not_a_certificate(tmp_path: Path) -> None:
    bad = tmp_path / "office.csv"
    bad.write_text("a,b\n", encoding="utf-8")
    rc, out, err = craffu("verify", INPUTS / "pdf" / "unsigned.pdf", "--trust", bad)
    assert rc == 2 and out == "" and "not a certificate" in err


def test_export_to_a_missing_folder_names_the_users_path(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "response.pdf"
    rc, _out, err = craffu(
        "export", "response", "--db", demo_db, "--report", "3", "--lang", "cy", "--out", target
    )
    assert rc == 2 and str(target) in err and ".part" not in err and "Errno" not in err
    assert "does not exist" in err


def test_export_sign_of_a_published_response_is_refused_clearly(
    demo_db: Path, tmp_path: Path, certs: tuple[Path, Path], password_file: Path
) -> None:
    p12 = certs[0]
    target = tmp_path / "again.pdf"
    rc, _out, err = craffu(
        "export", "response", "--db", demo_db, "--report", "1", "--lang", "en", "--out", target,
        "--sign", p12, "--password-file", password_file,
    )  # fmt: skip
    assert rc == 2 and "already published" in err and not target.exists()
