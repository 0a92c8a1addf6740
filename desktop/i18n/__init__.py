"""Craffu's gettext functions, looked up in the *current* catalogue on every call.

Use ``from desktop.i18n import _, ngettext, pgettext, npgettext, N_``; never bind a catalogue at
import time. English is the source language. The only module-level state is the current language,
its loaded catalogues and the user's corrections layered over them.
"""

from __future__ import annotations

import gettext
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from desktop.i18n.catalogue import load_po_as_translations, load_translations, locales_dir

__all__ = [
    "N_",
    "SUPPORTED_LANGUAGES",
    "_",
    "add_language_listener",
    "default_language_from_locale",
    "find_translation",
    "get_language",
    "install_overrides",
    "language_name",
    "locales_dir",
    "ngettext",
    "npgettext",
    "overrides_path",
    "pgettext",
    "reload_catalogues",
    "remove_language_listener",
    "set_language",
    "set_pseudo_translation",
    "pseudo_translation_enabled",
]

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES: tuple[str, ...] = ("cy", "en")  # Welsh first
_LANGUAGE_NAMES = {"cy": "Cymraeg", "en": "English"}

LanguageListener = Callable[[str], None]

_lock = threading.RLock()
_language = "en"
_base: Path | None = None  # None: locales_dir()
_shipped: dict[str, gettext.NullTranslations] = {}
_overrides: tuple[str, Path, gettext.GNUTranslations] | None = None  # (lang, path, catalogue)
_active: gettext.NullTranslations = gettext.NullTranslations()
_listeners: list[LanguageListener] = []
_pseudo = False


# -- lookups (call time) -----------------------------------------------------------------------


def _(message: str) -> str:
    """Translate ``message`` in the current language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a count-dependent message (Welsh has six forms); fill ``{n}`` afterwards."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` in ``context`` (msgctxt), for words with several meanings."""
    return _active.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active.npgettext(context, singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext convention
    """Mark ``message`` for extraction without translating it (translate it later with ``_``)."""
    return message


def find_translation(context: str | None, message: str, n: int | None = None) -> str | None:
    """The current translation of ``message`` (in ``context``), or None if there is none.

    For the Qt bridge, which answers Qt with None (a null QString) when this is None, so that Qt
    keeps its own text. ``n`` selects a plural form (Qt passes -1 when there is no count).
    """
    if _pseudo:
        if n is None or n < 0:
            return pgettext(context, message) if context else _(message)
        return npgettext(context, message, message, n) if context else ngettext(message, message, n)
    msgid = f"{context}\x04{message}" if context else message
    t: gettext.NullTranslations | None = _active
    while t is not None:
        catalog = getattr(t, "_catalog", None)
        if catalog is not None:
            if n is None or n < 0:
                found = catalog.get(msgid)
            else:
                found = catalog.get((msgid, t.plural(n)))  # type: ignore[attr-defined]
            if found:
                return found
        t = getattr(t, "_fallback", None)
    return None


def translations_in(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (with the office's corrections), whatever the interface language.

    Documents are written in their own language: a Welsh response is rendered while the
    interface may be in English, so its labels are looked up here rather than through ``_``.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    with _lock:
        if _overrides is not None and _overrides[0] == lang:
            return _overrides[2]
        return _shipped_catalogue(lang)


# -- language ----------------------------------------------------------------------------------


def get_language() -> str:
    return _language


def language_name(code: str) -> str:
    """The language's own name, as shown in the language menu ("Cymraeg", "English")."""
    try:
        return _LANGUAGE_NAMES[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}") from None


def set_language(code: str) -> None:
    """Switch the whole application to ``code`` ("cy" or "en"); listeners are told afterwards."""
    global _language
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; expected one of {SUPPORTED_LANGUAGES}")
    with _lock:
        changed = code != _language
        _language = code
        _activate()
    if changed:
        _notify()


def default_language_from_locale(locale_name: str | None) -> str:
    """First-run language from a system locale name: Welsh locales give "cy", anything else "en".

    Accepts POSIX ("cy_GB.UTF-8", "cy_GB@euro"), BCP 47 ("cy-GB") and Windows ("Welsh_United
    Kingdom.1252") forms. None gives "en".
    """
    if not locale_name:
        return "en"
    name = locale_name.strip().lower()
    lang = name.replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    if lang in ("cy", "cym", "wel") or name.startswith("welsh"):
        return "cy"
    return "en"


def add_language_listener(callback: LanguageListener) -> None:
    """Call ``callback(code)`` after every language change (and when corrections change)."""
    with _lock:
        if callback not in _listeners:
            _listeners.append(callback)


def remove_language_listener(callback: LanguageListener) -> None:
    with _lock:
        if callback in _listeners:
            _listeners.remove(callback)


def _notify() -> None:
    with _lock:
        listeners = list(_listeners)
        code = _language
    for callback in listeners:
        try:
            callback(code)
        except Exception:  # one broken listener must not stop the others
            log.exception("language listener %r failed", callback)


# -- catalogues --------------------------------------------------------------------------------


def _shipped_catalogue(lang: str) -> gettext.NullTranslations:
    t = _shipped.get(lang)
    if t is None:
        t = _shipped[lang] = load_translations(lang, _base)
    return t


def _activate() -> None:
    global _active
    shipped = _shipped_catalogue(_language)
    if _overrides is not None and _overrides[0] == _language:
        active: gettext.NullTranslations = _overrides[2]
    else:
        active = shipped
    if _pseudo:
        from desktop.i18n.pseudo import PseudoTranslations

        active = PseudoTranslations(active)
    _active = active


def set_pseudo_translation(enabled: bool) -> None:
    """Lengthen every string by about 40% (accented, bracketed) to check layouts; live."""
    global _pseudo
    with _lock:
        changed = bool(enabled) != _pseudo
        _pseudo = bool(enabled)
        _activate()
    if changed:
        _notify()


def pseudo_translation_enabled() -> bool:
    return _pseudo


def install_overrides(path: Path | None) -> None:
    """Layer the user's corrections catalogue (a ``.po``) over the shipped one; None removes it.

    The ``.po``'s ``Language`` header says which language it corrects (default Welsh) and its
    Plural-Forms must be Craffu's rule for that language (see plural_check); otherwise ValueError.
    Lookups check the corrections first, then the shipped catalogue. Listeners are told.
    """
    global _overrides
    if path is None:
        with _lock:
            had = _overrides is not None
            _overrides = None
            _activate()
        if had:
            _notify()
        return
    loaded = _load_overrides(Path(path))
    with _lock:
        _overrides = loaded
        _activate()
    _notify()


def _load_overrides(path: Path) -> tuple[str, Path, gettext.GNUTranslations]:
    lang = _po_language(path)
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"{path}: corrections for unsupported language {lang!r}")
    catalogue = load_po_as_translations(path)
    from desktop.i18n.plural_check import check_plural_forms

    plural_header = catalogue.info().get("plural-forms")
    if plural_header:
        check_plural_forms(plural_header, lang)  # raises PluralFormsError (a ValueError)
    elif lang != "en":
        raise ValueError(f"{path}: no Plural-Forms header")
    with _lock:
        catalogue.add_fallback(_shipped_catalogue(lang))
    return lang, path, catalogue


def overrides_path() -> Path | None:
    """The corrections catalogue currently installed, if any."""
    return _overrides[1] if _overrides else None


def _po_language(path: Path) -> str:
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, abort_invalid=False)
    if catalog.locale is None:
        return "cy"
    return str(catalog.locale.language)


def reload_catalogues(base: Path | None = None) -> None:
    """Forget loaded catalogues and read them again (from ``base`` instead of locales_dir()).

    Used after the catalogues are rebuilt, and by tests. Corrections are kept if their language's
    catalogue can be reloaded. Listeners are told.
    """
    global _base, _overrides
    with _lock:
        _base = base
        _shipped.clear()
        if _overrides is not None:
            path = _overrides[1]
            _overrides = None
            try:
                _overrides = _load_overrides(path)
            except (OSError, ValueError):
                log.exception("could not re-install corrections from %s", path)
        _activate()
    _notify()


_activate()
