"""The hostile input corpus: one test per file under ``tests/inputs/``, found automatically.

Each file goes to the reader Craffu uses for its kind (the folder it is in):

- ``csv/``    ``craffu import FILE --db DEMO``
- ``po/``     ``content_*``: ``craffu translations import FILE --db DEMO``;
              ``interface_*``: the interface-corrections check (and apply, when it would apply)
- ``pdf/``    ``craffu verify FILE`` (exit 2: unsigned or unreadable; 1: altered)
- ``p12/``    ``craffu export response --sign FILE`` (signing with the office certificate)
- ``images/`` the office logo validation (Settings) and the document renderer's image check
- ``db/``     ``craffu check --db FILE``, ``craffu reports --db FILE`` and ``open_database``

A refused file gets a clear message (one line, no traceback, not empty), a failing exit status,
and the database is unchanged (its content fingerprint, or for ``db/`` files the very bytes). The
few files that are valid on purpose (a Windows-1252 CSV, a PO whose entries are only reported) are
listed in ACCEPTED with what must happen instead. Any other file added to the corpus is expected
to be refused.

Files added for this test: csv/unterminated-quote.csv, csv/nul-byte.csv, db/zero-bytes.db,
db/other-application.db (an SQLite file of another program), images/zero-bytes.png,
images/truncated.png (half a valid PNG), p12/expired.p12, p12/not-yet-valid.p12 (password
``craffu-test``), p12/wrong-password.p12 (another password), p12/zero-bytes.p12,
p12/certificate-only.p12 (no private key), pdf/tampered-signed.pdf (one byte of a signed PDF
flipped), po/content_two_form_plural.po and po/interface_two_form_plural.po (a two-form plural
rule for Welsh). They were made with ``desktop.documents.test_certs`` and the standard library.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main as cli_main

INPUTS = Path(__file__).parent / "inputs"
NOT_INPUTS = {".md", ".py", ".pyc"}
P12_PASSWORD = b"craffu-test"

FILES = sorted(
    p
    for p in INPUTS.rglob("*")
    if p.is_file() and p.suffix not in NOT_INPUTS and "__pycache__" not in p.parts
)


def _key(path: Path) -> str:
    return path.relative_to(INPUTS).as_posix()


# Valid on purpose: what must happen instead of a refusal.
ACCEPTED: dict[str, str] = {
    "csv/good-utf8-bom.csv": "imported",
    "csv/windows-1252.csv": "imported",
    "csv/formula-injection.csv": "imported, formula cells kept as text and reported",
    "po/content_changed_english.po": "read; the entry is skipped, nothing changes",
    "po/content_unknown_contexts.po": "read; unknown entries reported, nothing changes",
    "po/content_superscript_id.po": "read; ids SQLite or int() cannot take are unknown entries",
    "po/content_fuzzy.po": "read; the fuzzy entry is reported, nothing changes",
    "po/interface_unknown_msgids.po": "checked; unknown strings reported",
}

# Exit status of ``craffu verify`` for each PDF (2 unless listed).
VERIFY_EXIT = {
    "pdf/tampered-signed.pdf": 1,
    # Craffu-signed files altered at the edges: altered (1), never "unsigned / not a PDF" (2).
    "pdf/signed-junk-appended.pdf": 1,
    "pdf/signed-end-cut.pdf": 1,
    "pdf/signed-start-changed.pdf": 1,
}

# Words the message must hold, for files whose reason is specific.
MESSAGE_WORDS = {
    "p12/expired.p12": "expired",
    "p12/wrong-password.p12": "password",
    "csv/bad-date.csv": "3",
    "db/newer-version.db": "newer",
    "db/truncated.db": "damaged",
    "images/enormous-dimensions.png": "too large",
    "csv/too-long-title.csv": "at most 500 characters",
    "csv/utf8-stray-byte.csv": "line 3 (byte 123 ",
    "csv/lookalike-refs.csv": "already has a recommendation with reference",
    "csv/control-in-ref.csv": "control character (U+009B",
    "csv/rtl-override-title.csv": "already has a recommendation with reference",
    "csv/utf8-cut-mid-letter.csv": "line 3 (byte 142 ",
    "csv/too-long-text.csv": "at most 20,000 characters",
    "csv/too-long-ref.csv": "at most 40 characters",
    "po/content_too_long_text.po": "at most 20,000 characters",
}

# Files that currently produce a traceback, a wrong exit status or a changed database. Each is a
# bug for the owner of the reader to fix; strict, so the fix is noticed.
KNOWN_PROBLEMS: dict[str, str] = {}


def _params() -> list:
    params = []
    for path in FILES:
        key = _key(path)
        marks = []
        if key in KNOWN_PROBLEMS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_PROBLEMS[key]))
        params.append(pytest.param(path, id=key, marks=marks))
    return params


# ---- helpers ------------------------------------------------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def fingerprint(db_path: Path) -> str:
    """Everything the database holds (all tables, the audit log included), read without writing.
    ``audit_actor`` is left out: it names whoever opened the file last, which is not a record."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name <> 'audit_actor' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            # sorted in Python: FTS5's shadow tables have no rowid to order by
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def assert_clear(message: str, *, one_line: bool = True) -> str:
    """A message a person can act on: present, no traceback, short."""
    text = message.strip()
    assert text, "no message at all"
    assert "Traceback" not in text and 'File "' not in text, text
    first = text.splitlines()[0]
    assert len(first) < 500, first
    if one_line:
        assert "\n" not in text, f"more than one line: {text!r}"
    return text


def _words(key: str, message: str) -> None:
    if key in MESSAGE_WORDS:
        assert MESSAGE_WORDS[key].lower() in message.lower(), message


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory) -> Path:
    from desktop.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("hostile") / "demo.db")


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.db"
    shutil.copy(demo_master, target)
    return target


# ---- readers -----------------------------------------------------------------------------------


def check_csv(path: Path, key: str, demo: Path) -> None:
    before = fingerprint(demo)
    count = _count(demo, "recommendations")
    code, _out, err = cli("import", str(path), "--db", str(demo))
    if key in ACCEPTED:
        assert code == 0, err
        assert _count(demo, "recommendations") > count
        if "formula" in key:
            assert "formula" in err  # reported...
            conn = sqlite3.connect(demo)
            texts = {r[0] for r in conn.execute("SELECT text_en FROM recommendations")}
            conn.close()
            assert any(t.startswith("=HYPERLINK(") for t in texts)  # ...and kept verbatim
        return
    assert code == 2
    _words(key, assert_clear(err))
    assert fingerprint(demo) == before


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def check_po(path: Path, key: str, demo: Path, tmp_path: Path) -> None:
    if path.name.startswith("interface_"):
        check_interface_po(path, key, tmp_path)
        return
    before = fingerprint(demo)
    code, out, err = cli("translations", "import", str(path), "--db", str(demo))
    if key in ACCEPTED:
        assert code == 0, err
        assert out.strip()  # what was skipped or reported is said
    else:
        assert code == 2, out
        _words(key, assert_clear(err))
    assert fingerprint(demo) == before


# The interface strings the corpus's interface_*.po files correct, as a shipped catalogue would
# hold them (the real catalogue's content changes with every translation pass).
SHIPPED_INTERFACE = """msgid ""
msgstr ""
"Language: cy\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {plural}\\n"

msgid "Reports"
msgstr "Adroddiadau"

msgid "Could not open {{path}}"
msgstr "Methu agor {{path}}"

msgid "{{n}} recommendation"
msgid_plural "{{n}} recommendations"
msgstr[0] "dim argymhellion"
msgstr[1] "un argymhelliad"
msgstr[2] "dau argymhelliad"
msgstr[3] "{{n}} argymhelliad"
msgstr[4] "{{n}} argymhelliad"
msgstr[5] "{{n}} argymhelliad"
"""


def _shipped(tmp_path: Path) -> Path:
    from desktop.i18n.plural_check import plural_forms_header

    base = tmp_path / "locales"
    po = base / "cy" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(SHIPPED_INTERFACE.format(plural=plural_forms_header("cy")), encoding="utf-8")
    return base


def check_interface_po(path: Path, key: str, tmp_path: Path) -> None:
    from desktop.services.interface_corrections import InterfaceCorrections
    from desktop.services.translations_po import PoFileRefused

    corrections = InterfaceCorrections(path=tmp_path / "corrections.po", base=_shipped(tmp_path))
    try:
        check = corrections.check_external_po(path)
    except PoFileRefused as exc:
        assert key not in ACCEPTED, exc.describe()
        _words(key, assert_clear(exc.describe()))
    else:
        if key in ACCEPTED:
            assert check.unknown_msgids and check.summary_lines()
            return
        assert not check.can_apply, check
        for line in check.summary_lines():
            assert_clear(line)
        with pytest.raises(PoFileRefused) as info:
            corrections.apply_external(check)
        _words(key, assert_clear(info.value.describe()))
    assert not (tmp_path / "corrections.po").exists()  # nothing saved


def check_pdf(path: Path, key: str) -> None:
    before = path.read_bytes()
    code, out, err = cli("verify", str(path))
    assert code == VERIFY_EXIT.get(key, 2), (out, err)
    _words(key, assert_clear(err))
    if code == 1:
        assert "Intact: no" in out
    assert path.read_bytes() == before


def check_p12(path: Path, key: str, demo: Path, tmp_path: Path) -> None:
    password = tmp_path / "password.txt"
    password.write_bytes(P12_PASSWORD)
    out_pdf = tmp_path / "response.pdf"
    before = fingerprint(demo)
    code, out, err = cli(
        "export", "response", "--db", str(demo), "--report", str(_draft_report(demo)),
        "--lang", "en", "--out", str(out_pdf), "--sign", str(path),
        "--password-file", str(password),
    )  # fmt: skip
    assert code == 2, out
    _words(key, assert_clear(err))
    assert not out_pdf.exists()  # no unsigned file where the signed one was asked for
    assert fingerprint(demo) == before


def _draft_report(db: Path) -> int:
    """A report whose response is a draft: signing it is what the certificate is for."""
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute("SELECT report_id FROM responses WHERE state = 'draft'").fetchone()[0]
        )
    finally:
        conn.close()


def check_image(path: Path, key: str, demo: Path, qapp) -> None:  # noqa: ANN001
    from desktop.documents.errors import DocumentError
    from desktop.documents.pdf_base import image_flowable
    from desktop.services.publishing_messages import describe
    from desktop.ui.settings.images import ImageField, ImageRejected, image_to_png

    # Settings: the logo chosen by the user is refused with the reason, the stored one is kept.
    with pytest.raises(ImageRejected) as info:
        image_to_png(path.read_bytes())
    _words(key, assert_clear(str(info.value)))
    field = ImageField("Logo")
    try:
        field.set_value(b"previous")
        assert field.load_file(path) is False
        assert field.value() == b"previous"
        assert_clear(field.error_label.text())
    finally:
        field.deleteLater()
    # Documents: an image file that is not a picture stops rendering with a clear reason.
    with pytest.raises(DocumentError) as doc_info:
        image_flowable(path, 100, 100, "logo")
    assert_clear(describe(doc_info.value))


def check_db(path: Path, key: str, tmp_path: Path) -> None:
    from database import StorageError, open_database
    from desktop.services.messages import describe_error

    copy = tmp_path / path.name
    shutil.copy(path, copy)
    before = copy.read_bytes()
    for argv in (["check", "--db", str(copy)], ["reports", "--db", str(copy), "--json"]):
        code, out, err = cli(*argv)
        assert code == 2, (argv, out, err)
        _words(key, assert_clear(err))
        assert copy.read_bytes() == before, argv
    with pytest.raises(StorageError) as info:
        open_database(copy, create=False).close()
    _words(key, assert_clear(describe_error(info.value)))
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no -wal, no copy left


# ---- the test -----------------------------------------------------------------------------------


def test_corpus_is_present():
    folders = {p.parent.name for p in FILES}
    assert folders >= {"csv", "po", "pdf", "p12", "images", "db"}
    assert all(p.stat().st_size < 1_000_000 for p in FILES)  # small enough to commit


@pytest.mark.parametrize("path", _params())
def test_hostile_file(path: Path, demo: Path, tmp_path: Path, request: pytest.FixtureRequest):
    key = _key(path)
    kind = path.relative_to(INPUTS).parts[0]
    work = tmp_path / "work"
    work.mkdir()
    if kind == "csv":
        check_csv(path, key, demo)
    elif kind == "po":
        check_po(path, key, demo, work)
    elif kind == "pdf":
        check_pdf(path, key)
    elif kind == "p12":
        check_p12(path, key, demo, work)
    elif kind == "images":
        check_image(path, key, demo, request.getfixturevalue("qapp"))
    elif kind == "db":
        check_db(path, key, work)
    else:
        pytest.fail(f"no reader is known for tests/inputs/{kind}/: add one here")


# One Welsh message per kind of reader: the refusal is worded in the user's language too.
WELSH_CASES = {
    "csv": ["import", "{inputs}/csv/bad-date.csv", "--db", "{demo}"],
    "po": ["translations", "import", "{inputs}/po/content_wrong_language.po", "--db", "{demo}"],
    "pdf": ["verify", "{inputs}/pdf/not-a-pdf.pdf"],
    "db": ["check", "--db", "{inputs}/db/newer-version.db"],
}


def _argv(kind: str, demo: Path) -> list[str]:
    return [a.format(inputs=INPUTS, demo=demo) for a in WELSH_CASES[kind]]


@pytest.mark.parametrize("kind", sorted(WELSH_CASES))
def test_refusal_is_looked_up_in_the_catalogue(kind: str, demo: Path):
    """Pseudo-translation shows the message is translated when it is said, not hard-coded."""
    from desktop import i18n

    i18n.set_pseudo_translation(True)
    try:
        code, _out, err = cli(*_argv(kind, demo))
    finally:
        i18n.set_pseudo_translation(False)
    assert code == 2
    assert assert_clear(err).startswith("\u27e6"), err


@pytest.mark.parametrize("kind", sorted(WELSH_CASES))
def test_refusal_in_welsh(kind: str, demo: Path):
    argv = _argv(kind, demo)
    code_en, _o, err_en = cli(*argv)
    code_cy, _o, err_cy = cli("--ui-lang", "cy", *argv)
    assert code_en == code_cy == 2
    english, welsh = assert_clear(err_en), assert_clear(err_cy)
    assert welsh != english, f"not translated: {english}"


# ---- made at test time ---------------------------------------------------------------------------


def test_newer_wal_database_leaves_its_folder_as_it_was(demo_master: Path, tmp_path: Path):
    """The corpus's newer-version.db is not in WAL mode; Craffu's own files are. Refusing one
    must not leave -wal/-shm files (or anything else) beside it, whichever command refuses."""
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "office.db"
    shutil.copy(demo_master, path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    for argv in (
        ["reports", "--db", str(path), "--json"],
        ["check", "--db", str(path)],
        ["search", "--db", str(path), "water"],
        ["backup", "--db", str(path), "--out", str(tmp_path / "out.bak")],
        ["restore", str(path), "--db", str(tmp_path / "other.db")],
    ):
        code, out, err = cli(*argv)
        assert code == 2 and out == "", argv
        assert "newer version of Craffu" in assert_clear(err), argv
        assert sorted(p.name for p in folder.iterdir()) == ["office.db"], argv
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office"]


@pytest.mark.parametrize("query", ["ŵ", "w", "a b"])
def test_one_letter_search_finds_nothing(demo: Path, query: str):
    code, out, err = cli("search", "--db", str(demo), query, "--json")
    assert code == 0, err
    assert out.strip() == "[]"
