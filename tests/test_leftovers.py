"""Issue 13 item 14: temporary files live in Craffu's own private folder and what a killed
Craffu left is swept at the next start; publishing writes its out-dir all or nothing, and when
the files cannot be written after the database says published, the message says where the
complete set can be written again from."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_publishing_support import (
    PASSWORD,
    build_demo_db,
    draft_report_id,
    fix_welsh_and_approve,
    make_p12,
    open_store,
)

from desktop.cli import main as cli_main
from desktop.services import publishing

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder (and system temp folder) of this test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))  # Windows
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(system_tmp))
    return tmp_path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_sweep_removes_what_dead_processes_left(own_data: Path):
    from desktop.services.work_files import sweep, work_root

    dead = work_root() / f"publish-{_dead_pid()}-abc"
    (dead / "sub").mkdir(parents=True)
    (dead / "cy.signed.pdf").write_bytes(b"%PDF-")
    alive = work_root() / f"assets-{os.getpid()}-xyz"
    alive.mkdir()
    legacy_old = own_data / "system-tmp" / "craffu-assets-old"
    legacy_old.mkdir()
    (legacy_old / "signature-1.img").write_bytes(b"png")
    an_hour_ago = time.time() - 7200
    os.utime(legacy_old, (an_hour_ago, an_hour_ago))
    legacy_new = own_data / "system-tmp" / "craffu-publish-new"
    legacy_new.mkdir()
    code = cli_main(["reports", "--db", str(own_data / "none.db")], io.StringIO(), io.StringIO())
    assert code == 2  # no database there; the sweep ran anyway, at start
    assert not dead.exists() and alive.exists()
    assert not legacy_old.exists() and legacy_new.exists()
    assert sweep() == []


@pytest.mark.skipif(sys.platform == "win32", reason="kills the publisher with SIGKILL")
def test_kill_during_publish_leaves_nothing_after_the_next_start(own_data: Path):
    db = build_demo_db(own_data)
    store = open_store(db)
    try:
        report_id = draft_report_id(store)
        fix_welsh_and_approve(store, report_id)
        response_id = store.current_response(report_id).id
    finally:
        store.db.close()
    p12 = make_p12(own_data)
    out_dir = own_data / "out"
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "tests")!r})
from desktop.services import publishing
from test_publishing_support import PASSWORD, open_store
real = publishing._sign
def sign_then_die(src, dst, p12, password):
    result = real(src, dst, p12, password)
    os.kill(os.getpid(), 9)  # killed with a signed PDF and the signature image on disk
publishing._sign = sign_then_die
store = open_store({str(db)!r})
publishing.publish(store, {response_id}, p12={str(p12)!r}, password=PASSWORD,
                   out_dir={str(out_dir)!r})
"""
    env = dict(os.environ)
    subprocess.run([sys.executable, "-c", script], env=env, check=False)
    from desktop.services.work_files import work_root

    def left() -> list[str]:  # this test process's own folders are in use, not left over
        mine = f"-{os.getpid()}-"
        return [p.name for p in work_root().iterdir() if mine not in p.name]

    assert any(n.startswith("publish-") for n in left())  # the kill left its folders...
    assert list((own_data / "system-tmp").iterdir()) == []  # ...never in the system's temp
    cli_main(["reports", "--db", str(db)], io.StringIO(), io.StringIO())
    assert left() == []  # ...and the next start removed them
    assert not out_dir.exists()


def test_out_dir_is_written_all_or_nothing(own_data: Path, monkeypatch: pytest.MonkeyPatch):
    from database.records import PublishedArtefact

    artefacts = [
        PublishedArtefact(response_id=1, kind="pdf", lang=lang, filename=f"r-{lang}.pdf",
                          content=b"%PDF-" + lang.encode(), sha256="")
        for lang in ("en", "cy", "bilingual")
    ]  # fmt: skip
    out_dir = own_data / "out"
    calls = []
    real = Path.write_bytes

    def full_disk_on_third(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk_on_third)
    with pytest.raises(publishing.PublishingError):
        publishing.write_artefacts(artefacts, out_dir)
    monkeypatch.undo()
    assert not out_dir.exists()
    assert [p.name for p in own_data.iterdir() if p.name.startswith(".out")] == []
    publishing.write_artefacts(artefacts, out_dir)
    assert sorted(p.name for p in out_dir.iterdir()) == ["r-bilingual.pdf", "r-cy.pdf", "r-en.pdf"]


def test_published_but_not_written_says_where_to_get_the_files(
    own_data: Path, monkeypatch: pytest.MonkeyPatch
):
    from desktop.services.publishing_messages import describe

    db = build_demo_db(own_data)
    store = open_store(db)
    try:
        report_id = draft_report_id(store)
        response_id = fix_welsh_and_approve(store, report_id)

        def no_space(artefacts, out_dir):  # noqa: ANN001, ANN202
            raise publishing.PublishingError("output", "disk full", path=str(out_dir))

        monkeypatch.setattr(publishing, "write_artefacts", no_space)
        with pytest.raises(publishing.PublishingError) as info:
            publishing.publish(
                store, response_id, p12=make_p12(own_data), password=PASSWORD,
                out_dir=own_data / "out",
            )  # fmt: skip
        message = describe(info.value)
        assert f"craffu export response --report {report_id}" in message
        assert store.response(response_id).state == "published"  # the database is the truth
    finally:
        store.db.close()


def test_half_written_backups_are_swept(tmp_path: Path):
    from database.backup import sweep_partial_backups

    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "office-20240101T000000000000Z.craffu-backup.part"
    old.write_bytes(b"x" * 10)
    (folder / (old.name + "-journal")).write_bytes(b"j")
    new = folder / "other.craffu-backup.part"
    new.write_bytes(b"y")
    hour_ago = time.time() - 3600
    for p in (old, folder / (old.name + "-journal")):
        os.utime(p, (hour_ago, hour_ago))
    removed = sweep_partial_backups(folder, now=datetime.now(UTC) + timedelta(seconds=1))
    assert sorted(p.name for p in removed) == sorted([old.name, old.name + "-journal"])
    assert new.exists()
