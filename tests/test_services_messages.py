"""Every error gets one clear sentence, in the current language."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from database import errors as db_errors
from desktop.domain.slips import SlipError
from desktop.domain.workflow import WorkflowError
from desktop.i18n import set_language
from desktop.services.errors import CsvImportError, DemoExistsError, ValidationError
from desktop.services.messages import (
    describe_error,
    describe_os_error,
    trust_certificate_problem,
    user_path,
)

CASES = [
    db_errors.NotADatabaseError("x", path="/p/office.db"),
    db_errors.NewerDatabaseError("x", path="/p/office.db", found=99, supported=2),
    db_errors.ReadOnlyDatabaseError("x", path="/p/office.db"),
    db_errors.DatabaseMissingError("x", path="/p/office.db"),
    db_errors.CorruptDatabaseError("x", path="/p/office.db"),
    db_errors.RecordNotFoundError("x"),
    db_errors.ImmutableRecordError("x", what="published"),
    db_errors.ImmutableRecordError("x", what="audit"),
    db_errors.ImmutableRecordError("x", what="history"),
    db_errors.ConstraintError("CHECK constraint failed"),
    db_errors.BackupError("x", path="/p/b.bak"),
    CsvImportError("unknown_encoding", path="f.csv"),
    CsvImportError("bad_date", line=3, column="deadline_on", value="31/02/2024"),
    CsvImportError("unknown_value", line=4, column="local_status", value="x", allowed=["a"]),
    CsvImportError("field_too_large", line=5, column="text_en", size=10, limit=1),
    CsvImportError("missing_columns", columns=["text_en"]),
    ValidationError("planned_closure_on", "agreed_by_required"),
    ValidationError("published_on", "future_date"),
    DemoExistsError(path="/p/demo.db"),
    WorkflowError("not_allowed"),
    SlipError("reason_required"),
    FileNotFoundError(2, "No such file", "/p/x.csv"),
    RuntimeError("boom"),
]


@pytest.mark.parametrize("exc", CASES, ids=lambda e: f"{type(e).__name__}-{getattr(e, 'code', '')}")
def test_one_sentence(exc):
    text = describe_error(exc)
    assert text and "\n" not in text
    assert "{" not in text  # every placeholder filled


def test_specific_wording():
    assert "99" in describe_error(CASES[1]) and "2" in describe_error(CASES[1])
    assert "Line 3, column deadline_on" in describe_error(CASES[12])
    assert "31/02/2024" in describe_error(CASES[12])
    assert "Planned closure date" in describe_error(CASES[16])
    assert "--force" in describe_error(CASES[18])


def test_welsh_when_welsh_is_chosen():
    english = describe_error(CASES[3])
    set_language("cy")
    welsh = describe_error(CASES[3])
    assert "/p/office.db" in welsh
    # Until the translation pass lands every message, a missing one falls back to English;
    # what must hold is that the lookup happens at call time in the chosen language.
    from desktop.i18n import _

    assert welsh == _("There is no database at {path}.").format(path="/p/office.db")
    set_language("en")
    assert describe_error(CASES[3]) == english


# ---- files: the user's path and the reason in words, never an errno or a temporary file -------


def _document_write_error(out: Path):
    from desktop.documents.errors import DocumentError
    from desktop.documents.pdf_base import write_atomically

    with pytest.raises(DocumentError) as info:
        write_atomically(out, b"%PDF-1.7")
    return info.value


def test_export_into_a_missing_folder_names_the_file_and_folder(tmp_path: Path):
    out = tmp_path / "nonexist" / "x.pdf"
    exc = _document_write_error(out)
    assert ".part" in str(exc)  # what the renderer reports: its temporary file
    text = describe_error(exc)
    assert text == f"Could not write {out}: the folder {out.parent} does not exist."
    set_language("cy")
    try:
        welsh = describe_error(exc)
    finally:
        set_language("en")
    assert str(out) in welsh and str(out.parent) in welsh
    assert "Errno" not in welsh and ".part" not in welsh and welsh != text


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EPERM, "permission denied"),
        (errno.EROFS, "the disk or folder is read-only"),
        (errno.ENOSPC, "the disk is full"),
        (errno.ENAMETOOLONG, "the name is too long"),
    ],
)
def test_write_errors_by_reason_class(tmp_path: Path, number: int, reason: str):
    from desktop.documents.errors import DocumentError

    temp = tmp_path / ".report.pdf.k3j9x_2a.part"
    try:
        raise OSError(number, os.strerror(number), str(temp))
    except OSError as cause:
        try:
            raise DocumentError("io", str(cause)) from cause
        except DocumentError as exc:
            text = describe_error(exc)
    assert text.startswith(f"Could not write {tmp_path / 'report.pdf'}: {reason}")
    assert "Errno" not in text and ".part" not in text


def test_plain_os_errors_are_worded_too(tmp_path: Path):
    missing = tmp_path / "x.csv"
    assert describe_error(FileNotFoundError(2, "No such file", str(missing))) == (
        f"The file {missing} does not exist."
    )
    denied = PermissionError(errno.EACCES, "Permission denied", str(missing))
    assert describe_error(denied) == (
        f"Could not read or write {missing}: permission denied (the file or its folder belongs "
        "to someone else or is read-only)."
    )
    assert describe_os_error(OSError(errno.ENOSPC, "No space left on device"), writing=True) == (
        "The file could not be written: the disk is full."
    )


@pytest.mark.parametrize(
    ("name", "user"),
    [
        (".x.pdf.oakff6xo.part", "x.pdf"),
        ("office.craffu-backup.part", "office.craffu-backup"),
        ("notes.part", "notes.part"),
        ("plain.pdf", "plain.pdf"),
    ],
)
def test_user_path_hides_temporary_names(tmp_path: Path, name: str, user: str):
    assert user_path(str(tmp_path / name)) == str(tmp_path / user)


def test_trust_certificate_problem(tmp_path: Path):
    """For `craffu verify --trust FILE`: a bad FILE is said, not silently ignored."""
    from datetime import UTC, datetime, timedelta

    from desktop.documents.test_certs import make_test_certificate

    missing = tmp_path / "nothere.pem"
    assert trust_certificate_problem(missing) == f"The file {missing} does not exist."
    junk = tmp_path / "good.csv"
    junk.write_text("report_title_en\n")
    assert trust_certificate_problem(junk) == f"{junk} is not a certificate (PEM or DER)."
    now = datetime.now(UTC)
    p12 = make_test_certificate(
        tmp_path, "Office", now - timedelta(days=1), now + timedelta(days=9), b"pw"
    )
    assert trust_certificate_problem(p12.with_suffix(".pem")) is None


def test_record_asked_for_by_id():
    exc = db_errors.RecordNotFoundError("reports 999", table="reports", id=999, requested=True)
    assert describe_error(exc) == "There is no report with id 999."
    assert "no longer exists" in describe_error(
        db_errors.RecordNotFoundError("x", table="reports", id=9)
    )


def test_already_on_agenda_is_worded_for_every_caller():
    from desktop.services.errors import ValidationError

    text = describe_error(ValidationError("meeting_id", "already_on_agenda", position=3))
    assert "already on that meeting's agenda (item 3)" in text
