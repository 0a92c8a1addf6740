"""Issue 13 item 14: every temporary file is beside its target or in Craffu's private work
folder, and a failure (a full disk, a rename refused) removes it and leaves the target as it was.
"""

from __future__ import annotations

import errno
import io
import os
import pathlib
import time
from pathlib import Path

import pytest
from test_publishing_support import build_demo_db, make_p12

from desktop.cli import main as cli_main


@pytest.fixture
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder, a config folder and a system temp folder of this test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))  # Windows
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(system_tmp))
    return tmp_path


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _disk_fills_on(monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """Writing a file whose name ends with ``suffix`` stops half-way with ENOSPC, as on a full
    disk: half the bytes are on disk when the error comes."""
    real = pathlib.Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        if self.name.endswith(suffix):
            real(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", write_bytes)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name or ".tmp" in p.name)


@pytest.fixture
def exported(own_data: Path) -> tuple[Path, Path, bytes]:
    """(database, x.po already exported once, its bytes)."""
    db = build_demo_db(own_data)
    po = own_data / "out" / "x.po"
    po.parent.mkdir()
    code, _out, err = cli("translations", "export", "--db", str(db), "--out", str(po))
    assert code == 0, err
    return db, po, po.read_bytes()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_po_export_on_a_full_disk_leaves_no_part_and_the_old_file(
    exported: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch, lang: str
):
    db, po, before = exported
    _disk_fills_on(monkeypatch, ".po.part")
    code, _out, err = cli("--ui-lang", lang, "translations", "export", "--db", str(db),
                          "--out", str(po), "--all")  # fmt: skip
    assert code == 2
    assert f"Could not write {po}: the disk is full" in err if lang == "en" else "llawn" in err
    assert ".part" not in err
    assert po.read_bytes() == before
    assert _leftovers(po.parent) == []


def test_po_export_whose_rename_is_refused_leaves_no_part(
    exported: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
):
    """The file in use by a CAT tool on Windows: the new file cannot replace it."""
    db, po, before = exported

    def refused(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dst))

    monkeypatch.setattr("desktop.services.translations_po.replace_file", refused)
    code, _out, err = cli("translations", "export", "--db", str(db), "--out", str(po), "--all")
    assert code == 2 and str(po) in err
    assert po.read_bytes() == before
    assert _leftovers(po.parent) == []


def test_trusting_a_certificate_on_a_full_disk_leaves_no_part(
    own_data: Path, monkeypatch: pytest.MonkeyPatch
):
    from desktop.services.publishing_trust import trusted_dir

    pem = make_p12(own_data / "certs").with_suffix(".pem")
    _disk_fills_on(monkeypatch, ".part")
    code, _out, err = cli("trust", "add", str(pem))
    assert code == 2 and err.strip()
    assert _leftovers(trusted_dir()) == []


def test_an_image_copied_for_rendering_on_a_full_disk_leaves_no_part(
    own_data: Path, monkeypatch: pytest.MonkeyPatch
):
    from desktop.services import publishing_assets

    _disk_fills_on(monkeypatch, ".part")
    with pytest.raises(OSError):
        publishing_assets.blob_file(b"\x89PNG the signature image", "signature")
    folder = publishing_assets._assets_dir()
    assert _leftovers(folder) == []


def test_the_demo_certificate_is_made_in_the_private_work_folder(
    own_data: Path, monkeypatch: pytest.MonkeyPatch
):
    """The demo's signing certificate and private key: kept beside the demo database (0600, for
    the user to publish with) and never in the system's temporary folder; the throw-away one
    that signs a demo filled without a file (``populate`` on its own) is made in the private
    work folder (swept after a kill) and gone afterwards."""
    from database import open_database
    from desktop.services import demo
    from desktop.services.demo import homicide_response
    from desktop.services.work_files import work_root

    made_in: list[Path] = []
    real = homicide_response.demo_certificate

    def recording(folder: Path, name: str):  # noqa: ANN202 - (p12, password)
        made_in.append(Path(folder))
        return real(folder, name)

    monkeypatch.setattr(homicide_response, "demo_certificate", recording)
    db_path = build_demo_db(own_data)
    assert made_in == []  # signed with the certificate kept beside it
    assert (db_path.parent / "demo-demo-certificate.p12").is_file()
    assert list((own_data / "system-tmp").iterdir()) == []

    db = open_database(own_data / "bare.db")
    demo.populate(db)
    db.close()
    assert len(made_in) == 1 and made_in[0].parent == work_root()
    assert list((own_data / "system-tmp").iterdir()) == []
    assert not made_in[0].exists()


def test_old_preview_and_demo_certificate_folders_are_swept(own_data: Path):
    from desktop.services.work_files import sweep

    old = []
    for name in ("craffu-preview-abc123", "craffu-demo-cert-xyz789"):
        folder = own_data / "system-tmp" / name
        folder.mkdir()
        (folder / "preview-1-cy.pdf").write_bytes(b"%PDF-")
        hours_ago = time.time() - 7200
        os.utime(folder, (hours_ago, hours_ago))
        old.append(folder)
    removed = sweep()
    assert set(old) <= set(removed)
    assert not any(folder.exists() for folder in old)
