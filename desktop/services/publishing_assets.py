"""The office's letterhead as the renderers want it: an OfficeProfile with the logo and signature
images (stored as BLOBs) written to files. Files are named by content hash in one folder per
process, so rendering the same office twice writes nothing new; the folder goes at exit."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import threading
from pathlib import Path

from database.file_replace import replace_file
from database.records import Office
from desktop.services import publishing_text as pt

_lock = threading.Lock()
_folder: Path | None = None


def _assets_dir() -> Path:
    global _folder
    with _lock:
        if _folder is None or not _folder.exists():
            from desktop.services.work_files import make_work_folder

            _folder = make_work_folder("assets")  # private; swept after a crash
            atexit.register(shutil.rmtree, _folder, True)
        return _folder


def blob_file(data: bytes | None, what: str) -> Path | None:
    """``data`` as a file (None when there is no image). The renderer checks it is an image."""
    if not data:
        return None
    digest = hashlib.sha256(data).hexdigest()[:24]
    path = _assets_dir() / f"{what}-{digest}.img"
    if not path.exists():
        part = path.with_suffix(".part")
        try:
            part.write_bytes(data)
            replace_file(part, path)
        except BaseException:
            part.unlink(missing_ok=True)  # a full disk leaves no half image behind
            raise
    return path


def office_profile(office: Office):  # noqa: ANN201 - desktop.documents.model.OfficeProfile
    from desktop.documents.model import OfficeProfile

    defaults = OfficeProfile(
        pcc_name="",
        pcc_title_en="",
        pcc_title_cy="",
        office_name_en="",
        office_name_cy="",
        address_en="",
        address_cy="",
    )

    def value(name: str) -> str:
        text = (getattr(office, name, "") or "").strip()
        return text or getattr(defaults, name)

    marking = (office.security_marking or "").strip()
    force = (office.force_name or "").strip()
    return OfficeProfile(
        pcc_name=office.pcc_name,
        pcc_title_en=_title(office.pcc_title_en, force, "en"),
        pcc_title_cy=_title(office.pcc_title_cy, force, "cy"),
        office_name_en=office.office_name_en,
        office_name_cy=office.office_name_cy or office.office_name_en,
        address_en=office.address_en,
        address_cy=office.address_cy or office.address_en,
        logo_path=blob_file(office.logo, "logo"),
        signature_path=blob_file(office.signature, "signature"),
        addressee_en=value("addressee_en"),
        addressee_cy=value("addressee_cy"),
        welsh_statement_en=value("welsh_statement_en"),
        welsh_statement_cy=value("welsh_statement_cy"),
        other_language_statement_en=value("other_language_statement_en"),
        other_language_statement_cy=value("other_language_statement_cy"),
        security_marking=marking,
        security_marking_cy=pt.security_marking(marking, "cy"),
    )


def _title(title: str, force: str, lang: str) -> str:
    """The Commissioner's title as printed: the stored title, completed with the force's area
    when it is the generic one ("Police and Crime Commissioner for Dyfed-Powys")."""
    title = (title or "").strip()
    generic = {"en": "Police and Crime Commissioner", "cy": "Comisiynydd Heddlu a Throseddu"}
    if not force or title not in (generic["en"], generic["cy"], ""):
        return title
    area = force
    if area.lower().endswith(" police"):
        area = area[: -len(" police")]
    if lang == "cy":
        cy = pt.force_name_cy(force)
        area = cy[len("Heddlu ") :] if cy.startswith("Heddlu ") else area
        return f"{title or generic['cy']} {area}"
    return f"{title or generic['en']} for {area}"
