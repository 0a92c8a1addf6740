"""Replacing a file another program holds open (Windows: an antivirus scan, a PDF viewer).

Windows refuses to rename over such a file (winerror 32, sharing violation, or 5, access denied).
``database.file_replace.replace_file`` tries again for about two seconds, then gives up with an
error worded in the user's language; the file is never half-written and the temporary file is
removed. The refusal is simulated with a fake ``os.replace``, so these run on every platform.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from database import file_replace, open_database
from database.backup import backup_to
from database.errors import BackupError, FileInUseError
from database.file_replace import replace_file
from desktop.i18n import set_language
from desktop.services.messages import describe_error

REAL_REPLACE = os.replace
IN_USE_EN = "it is in use by another program (an antivirus scan, or the file open elsewhere)"
IN_USE_CY = "mae rhaglen arall yn ei defnyddio (sgan gwrthfeirws"


def refusal(path: str | os.PathLike[str], winerror: int | None = 32) -> PermissionError:
    """The error Windows gives when another process has ``path`` open."""
    exc = PermissionError(errno.EACCES, "The process cannot access the file", os.fspath(path))
    if winerror is not None:
        exc.winerror = winerror  # type: ignore[attr-defined]  # set by Windows itself there
    return exc


class Holder:
    """A fake ``os.replace`` that refuses ``times`` renames onto ``target`` (None: always)."""

    def __init__(self, target: Path, times: int | None, winerror: int | None = 32) -> None:
        self.target, self.times, self.winerror = Path(target), times, winerror
        self.tries = 0

    def __call__(self, src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).absolute() == self.target.absolute():
            self.tries += 1
            if self.times is None or self.tries <= self.times:
                raise refusal(dst, self.winerror)
        REAL_REPLACE(src, dst)


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    """The back-off pauses taken, recorded instead of slept."""
    taken: list[float] = []
    monkeypatch.setattr(file_replace, "_pause", taken.append)
    return taken


@pytest.fixture
def hold(monkeypatch) -> Callable[..., Holder]:
    def make(target: Path, times: int | None = None, winerror: int | None = 32) -> Holder:
        holder = Holder(target, times, winerror)
        monkeypatch.setattr(os, "replace", holder)
        return holder

    return make


def both_languages(exc: BaseException) -> tuple[str, str]:
    english = describe_error(exc)
    set_language("cy")
    try:
        welsh = describe_error(exc)
    finally:
        set_language("en")
    return english, welsh


def leftovers(folder: Path, *keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in keep)


# ---- the helper ---------------------------------------------------------------------------------


@pytest.mark.parametrize("winerror", [32, 5, 33])
def test_a_brief_hold_is_waited_out(tmp_path: Path, hold, pauses, winerror: int):
    target, tmp = tmp_path / "response.pdf", tmp_path / ".response.pdf.part"
    target.write_bytes(b"old")
    tmp.write_bytes(b"new")
    holder = hold(target, times=3, winerror=winerror)
    replace_file(tmp, target)
    assert target.read_bytes() == b"new" and not tmp.exists()
    assert holder.tries == 4 and len(pauses) == 3


def test_a_lasting_hold_gives_up_after_about_two_seconds(tmp_path: Path, hold, pauses):
    target, tmp = tmp_path / "response.pdf", tmp_path / ".response.pdf.part"
    target.write_bytes(b"old")
    tmp.write_bytes(b"new")
    holder = hold(target)
    with pytest.raises(FileInUseError) as info:
        replace_file(tmp, target)
    assert holder.tries == 10 and 1.5 <= sum(pauses) <= 2.5
    assert target.read_bytes() == b"old" and not tmp.exists()
    assert isinstance(info.value, OSError) and info.value.filename == str(target)
    english, welsh = both_languages(info.value)
    assert english == f"Could not write {target}: {IN_USE_EN}; close it and try again."
    assert welsh.startswith(f"Nid oedd modd ysgrifennu {target}: {IN_USE_CY}")


def test_a_plain_permission_error_is_not_retried(tmp_path: Path, hold, pauses):
    """POSIX renames over open files; a refusal there is a real permission problem."""
    target, tmp = tmp_path / "prefs.json", tmp_path / ".prefs.tmp"
    tmp.write_bytes(b"{}")
    holder = hold(target, winerror=None)
    with pytest.raises(PermissionError) as info:
        replace_file(tmp, target)
    assert not isinstance(info.value, FileInUseError)
    assert holder.tries == 1 and pauses == [] and not tmp.exists() and not target.exists()
    assert "permission denied" in describe_error(info.value)


def test_a_read_only_file_is_called_read_only(tmp_path: Path, hold, pauses, monkeypatch):
    """Access denied (5) lasting on a file marked read-only is not "in use"."""
    target, tmp = tmp_path / "b.pdf", tmp_path / ".b.pdf.part"
    target.write_bytes(b"old")
    tmp.write_bytes(b"new")
    hold(target, winerror=5)
    monkeypatch.setattr(file_replace, "_read_only", lambda path: True)
    with pytest.raises(PermissionError) as info:
        replace_file(tmp, target)
    assert not isinstance(info.value, FileInUseError)
    assert target.read_bytes() == b"old" and not tmp.exists()


def test_a_sharing_violation_elsewhere_is_worded_as_in_use(tmp_path: Path):
    """The same words when Windows refuses for the same reason outside a rename."""
    assert IN_USE_EN in describe_error(refusal(tmp_path / "x.csv"))


# ---- every writer of a user's file --------------------------------------------------------------


def test_preferences_and_journals(tmp_path: Path, hold, pauses):
    from desktop.services.paths import write_private

    target = tmp_path / "preferences.json"
    write_private(target, b'{"ui_language": "cy"}', ".preferences-")
    hold(target)
    with pytest.raises(FileInUseError):
        write_private(target, b'{"ui_language": "en"}', ".preferences-")
    assert target.read_bytes() == b'{"ui_language": "cy"}'
    assert leftovers(tmp_path, target) == []


def test_documents(tmp_path: Path, hold, pauses):
    from desktop.documents.errors import DocumentError
    from desktop.documents.pdf_base import write_atomically

    target = tmp_path / "Ymateb Siân.pdf"
    write_atomically(target, b"%PDF-1.7 old")
    hold(target)
    with pytest.raises(DocumentError) as info:
        write_atomically(target, b"%PDF-1.7 new")
    assert target.read_bytes() == b"%PDF-1.7 old"
    assert leftovers(tmp_path, target) == []
    english, welsh = both_languages(info.value)
    assert english == f"Could not write {target}: {IN_USE_EN}; close it and try again."
    assert welsh.startswith(f"Nid oedd modd ysgrifennu {target}: {IN_USE_CY}")


def test_backups(db_path: Path, hold, pauses):
    db = open_database(db_path)
    target = db_path.parent / "backups" / "office.craffu-backup"
    try:
        backup_to(db, target)
        before = target.read_bytes()
        hold(target)
        with pytest.raises(BackupError) as info:
            backup_to(db, target)
    finally:
        db.close()
    assert target.read_bytes() == before
    assert leftovers(target.parent, target) == []
    english, welsh = both_languages(info.value)
    assert english == f"Could not write {target}: {IN_USE_EN}; close it and try again."
    assert IN_USE_CY in welsh


def test_cli_backup_force_onto_a_held_file(db_path: Path, hold, pauses):
    from desktop.cli import main

    open_database(db_path).close()
    target = db_path.parent / "copi wrth gefn.craffu-backup"
    target.write_bytes(b"the old backup")
    hold(target)
    out, err = io.StringIO(), io.StringIO()
    code = main(["--ui-lang", "cy", "backup", "--db", str(db_path), "--out", str(target),
                 "--force"], out, err)  # fmt: skip
    assert code == 2 and out.getvalue() == ""
    assert err.getvalue().strip().startswith(f"Nid oedd modd ysgrifennu {target}: {IN_USE_CY}")
    assert target.read_bytes() == b"the old backup"


def test_translation_export(store, tmp_path: Path, hold, pauses):
    from desktop.services.translations_po import export_po

    target = tmp_path / "cyfieithu.po"
    target.write_text("# the translator's file\n", encoding="utf-8")
    hold(target)
    with pytest.raises(FileInUseError) as info:
        export_po(store, target, include_all=True)
    assert target.read_text(encoding="utf-8") == "# the translator's file\n"
    assert leftovers(tmp_path, target, tmp_path / "craffu.db") == sorted(
        p.name for p in tmp_path.glob("craffu.db-*")
    )
    assert IN_USE_EN in describe_error(info.value)


def test_compiled_catalogue(tmp_path: Path, hold, pauses):
    from desktop.i18n.catalogue import compile_po, po_path

    po = tmp_path / "messages.po"
    po.write_bytes(po_path("cy").read_bytes())
    mo = tmp_path / "messages.mo"
    mo.write_bytes(b"old")
    hold(mo)
    with pytest.raises(FileInUseError):
        compile_po(po, mo)
    assert mo.read_bytes() == b"old" and leftovers(tmp_path, po, mo) == []


def test_demo_database(tmp_path: Path, hold, pauses):
    from desktop.services.demo import build_demo

    target = tmp_path / "craffu-demo.db"
    target.write_bytes(b"the demo the GUI has open")
    hold(target)
    with pytest.raises(FileInUseError) as info:
        build_demo(target, force=True)
    assert target.read_bytes() == b"the demo the GUI has open"
    assert leftovers(tmp_path, target) == []
    assert IN_USE_EN in describe_error(info.value)


@pytest.fixture
def corrections(tmp_path: Path) -> Iterator[object]:
    from desktop import i18n
    from desktop.services.interface_corrections import InterfaceCorrections

    yield InterfaceCorrections(tmp_path / "corrections.po")
    i18n.install_overrides(None)


def test_interface_corrections(corrections, tmp_path: Path, hold, pauses):
    corrections.set_correction("Reports", ["Adroddiadau arolygu"])
    before = corrections.path.read_bytes()
    hold(corrections.path)
    with pytest.raises(FileInUseError):
        corrections.set_correction("Reports", ["Adroddiadau'r arolygiaeth"])
    assert corrections.path.read_bytes() == before
    assert leftovers(tmp_path, corrections.path) == []
