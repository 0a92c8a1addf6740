"""Finding, compiling and loading Craffu's gettext catalogues (no Qt, no globals).

Catalogues live at ``<locales>/<lang>/LC_MESSAGES/messages.po``; the ``.mo`` beside each
``.po`` is build output. When the ``.mo`` is missing or older than the ``.po`` it is compiled with
Babel: written beside the ``.po`` when that folder is writable, otherwise compiled in memory only.
"""

from __future__ import annotations

import gettext
import io
import logging
import os
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

DOMAIN = "messages"


def locales_dir() -> Path:
    """The shipped ``locales`` folder (inside the PyInstaller bundle when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "locales"
    return Path(__file__).resolve().parents[2] / "locales"


def po_path(lang: str, base: Path | None = None) -> Path:
    return (base or locales_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_po_bytes(po: Path) -> bytes:
    """Compile a ``.po`` file to ``.mo`` bytes with Babel (fuzzy and empty entries left out).

    The header, including ``Plural-Forms``, is kept as written in the ``.po``.
    """
    from babel.messages.mofile import write_mo  # imported only when compiling
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, abort_invalid=False)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Compile ``po`` into ``mo`` (default: beside it), atomically; OSError if not writable."""
    from database.file_replace import replace_file  # only when compiling (rare), not at start-up

    mo = mo or po.with_suffix(".mo")
    data = compile_po_bytes(po)
    fd, tmp = tempfile.mkstemp(prefix=".messages-", suffix=".mo.tmp", dir=mo.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; every user of an install reads it
        replace_file(tmp, mo)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return mo


def _mo_is_fresh(po: Path, mo: Path) -> bool:
    try:
        return mo.stat().st_mtime >= po.stat().st_mtime
    except FileNotFoundError:
        return False


def load_mo_bytes(lang: str, base: Path | None = None) -> bytes | None:
    """The compiled catalogue for ``lang``; the ``.po`` is compiled if the ``.mo`` is stale/missing.

    Returns None when neither file exists.
    """
    po = po_path(lang, base)
    mo = po.with_suffix(".mo")
    if not po.exists():
        return mo.read_bytes() if mo.exists() else None
    if _mo_is_fresh(po, mo):
        return mo.read_bytes()
    try:
        compile_po(po, mo)
        return mo.read_bytes()
    except OSError as exc:  # read-only install: compile in memory
        log.info("cannot write %s (%s); compiling the catalogue in memory", mo, exc)
        return compile_po_bytes(po)


def load_translations(lang: str, base: Path | None = None) -> gettext.NullTranslations:
    """A translations object for ``lang``; an identity one if no catalogue is found."""
    try:
        data = load_mo_bytes(lang, base)
    except Exception:  # a broken catalogue must never stop the application
        log.exception("could not load the %s catalogue", lang)
        data = None
    if data is None:
        if lang != "en":
            log.warning("no catalogue for %s under %s", lang, base or locales_dir())
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def load_po_as_translations(po: Path) -> gettext.GNUTranslations:
    """Compile an arbitrary ``.po`` (e.g. the user's corrections) in memory and load it."""
    return gettext.GNUTranslations(io.BytesIO(compile_po_bytes(po)))
