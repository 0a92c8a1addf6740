"""Issue 12: the sentences Craffu writes into letters and packs are correct Welsh, come from the
catalogue (context "document") in the document's language, and a translator's PO file corrects
them without a programmer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop import i18n
from desktop.services import publishing_text as pt
from desktop.services.publishing_text import IntroFacts, introduction


def _facts(**changes: object) -> IntroFacts:
    base: dict[str, object] = dict(
        title_en="Neighbourhood policing",
        title_cy="Plismona yn y gymdogaeth",
        published_on=date(2026, 10, 22),
        force_inspected=True,
        force_name="Dyfed-Powys Police",
        counts={"recommendation": 3},
        addressees=["chief_constables"],
        applicable=2,
    )
    base.update(changes)
    return IntroFacts(**base)  # type: ignore[arg-type]


def test_the_inspectorate_is_named_in_welsh_as_it_names_itself() -> None:
    cy = introduction(_facts(), "cy")
    assert cy.startswith(
        "Cyhoeddodd Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub Ei Fawrhydi (HMICFRS) "
        "ei hadroddiad “Plismona yn y gymdogaeth” ar 22 Hydref 2026."
    )
    assert "AHGTAEF" not in cy and "Heddluoedd a" not in cy


def test_no_recommendations_is_a_negative_sentence() -> None:
    cy = introduction(_facts(counts={}, addressees=[], applicable=0), "cy")
    assert "Nid yw’r adroddiad yn cynnwys unrhyw argymhellion." in cy
    assert "yn cynnwys dim" not in cy
    en = introduction(_facts(counts={}, addressees=[], applicable=0), "en")
    assert "The report makes no recommendations." in en


def test_of_these_is_not_doubled() -> None:
    cy = introduction(_facts(), "cy")
    assert "O’r rhain, mae dau yn berthnasol i Heddlu Dyfed-Powys." in cy
    assert "ohonynt yn berthnasol i Heddlu" not in cy
    assert "Of these, two apply to Dyfed-Powys Police." in introduction(_facts(), "en")
    one = introduction(_facts(applicable=1), "en")
    assert "Of these, one applies to Dyfed-Powys Police." in one


@pytest.mark.parametrize(
    ("total", "verb"), [(1, "wedi’i gyfeirio"), (2, "wedi’u cyfeirio"), (11, "wedi’u cyfeirio")]
)
def test_addressed_agrees_with_the_count(total: int, verb: str) -> None:
    cy = introduction(_facts(counts={"recommendation": total}, applicable=total), "cy")
    assert f", {verb} at brif gwnstabliaid." in cy


@pytest.mark.parametrize(
    ("n", "vowel"),
    [(1, True), (2, False), (8, True), (11, True), (16, True), (18, False), (80, True),
     (89, True), (800, True), (8000, True), (80000, False), (12, False), (108, False)],
)  # fmt: skip
def test_numbers_read_with_a_vowel(n: int, vowel: bool) -> None:
    assert pt.reads_with_vowel_cy(n) is vowel


def test_sentences_come_from_the_catalogue_and_a_po_file_corrects_them(tmp_path: Path) -> None:
    """A translator's correction (a PO file, as the Translations section installs) changes the
    letter's wording; nothing in Python needs to change."""
    corrected = "Cyhoeddodd yr Arolygiaeth ei hadroddiad “{title}” ar {date}."
    po = tmp_path / "corrections.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : '
        'n==6 ? 4 : 5);\\n"\n\n'
        'msgctxt "document"\n'
        f"msgid {_quoted(pt.PUBLISHED)}\n"
        f"msgstr {_quoted(corrected)}\n",
        encoding="utf-8",
    )
    i18n.install_overrides(po)
    try:
        cy = introduction(_facts(), "cy")
        assert cy.startswith("Cyhoeddodd yr Arolygiaeth ei hadroddiad “Plismona yn y gymdogaeth”")
        # The English letter is untouched by a Welsh correction.
        assert introduction(_facts(), "en").startswith("His Majesty’s Inspectorate")
    finally:
        i18n.install_overrides(None)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_statuses_in_packs_are_the_interface_words() -> None:
    """One vocabulary: the board pack prints the words the interface shows (issue 12.4)."""
    from desktop.services.vocabulary import ACTION_STATUS, LOCAL_STATUS, label_in

    for mapping in (LOCAL_STATUS, ACTION_STATUS):
        for code, (context, message) in mapping.items():
            assert label_in(mapping, code, "cy") == i18n.translations_in("cy").pgettext(
                context, message
            )
    assert label_in(LOCAL_STATUS, "closed", "cy") == "Ar gau"
    assert not hasattr(pt, "LOCAL_STATUS_TEXT") and not hasattr(pt, "ACTION_STATUS_TEXT")


def test_cli_exports_and_imports_the_document_wording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`craffu translations wording`: a proof-reader gets the document entries as a PO file, and
    the corrected file changes what the next letter says; a bad file changes nothing."""
    import io
    import sys

    from desktop.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "data"))

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), out, err), out.getvalue(), err.getvalue()

    po = tmp_path / "documents.po"
    code, out, err = run("translations", "wording", "export", "--documents", "--out", str(po))
    assert code == 0 and not err
    text = po.read_text(encoding="utf-8")
    assert 'msgctxt "document"' in text and "Arolygiaeth Cwnstabliaeth" in text
    assert all(
        line == 'msgctxt "document"' for line in text.splitlines() if line.startswith("msgctxt")
    )
    if sys.platform != "win32":
        assert po.stat().st_mode & 0o077 == 0

    corrected = text.replace(
        '"Cyhoeddodd Arolygiaeth Cwnstabliaeth a Gwasanaethau',
        '"Cyhoeddodd yr Arolygiaeth (Arolygiaeth Cwnstabliaeth a Gwasanaethau',
        1,
    )
    assert corrected != text
    po.write_text(corrected, encoding="utf-8")
    try:
        code, out, err = run("translations", "wording", "import", str(po), "--dry-run")
        assert code == 0 and "1" in out and i18n.overrides_path() is None
        code, out, err = run("translations", "wording", "import", str(po))
        assert code == 0 and not err
        assert introduction(_facts(), "cy").startswith("Cyhoeddodd yr Arolygiaeth (Arolygiaeth")
        before = i18n.overrides_path()
        saved = before.read_bytes() if before else b""
        broken = tmp_path / "broken.po"
        broken.write_text("this is not a PO file\n", encoding="utf-8")
        code, out, err = run("--ui-lang", "cy", "translations", "wording", "import", str(broken))
        assert code == 2 and "Ni fewnforiwyd dim" in err and "Traceback" not in err
        assert (before.read_bytes() if before else b"") == saved  # nothing changed
    finally:
        i18n.install_overrides(None)
