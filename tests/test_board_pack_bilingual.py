"""The bilingual board pack (Welsh first) and the accessible HTML board pack (issue 12), from a
real demo database: the service, the PDF, the HTML, the command line."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_board_pack_welsh import MISSING, STALE, next_meeting, pdf_text, watermarked
from test_publishing_support import build_demo_db, open_store

from desktop.cli import main
from desktop.services import board_pack

XHTML = "{http://www.w3.org/1999/xhtml}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("pack-bilingual"))


@pytest.fixture
def store(demo_db: Path, tmp_path: Path):
    copy = tmp_path / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    store = open_store(copy)
    yield store
    store.db.close()


def translate_gaps(store, meeting: int) -> None:  # noqa: ANN001
    """Write the Welsh the demo leaves missing or out of date (as a translator would)."""
    for gap in board_pack.welsh_gaps(store, meeting, private=True):
        store.db.execute(
            f"UPDATE {gap.table} SET {gap.field}_cy = 'Testun Cymraeg newydd' WHERE id = ?",  # noqa: S608
            [gap.row_id],
        )


def page(path: Path) -> ET.Element:
    """The HTML page parsed as XML (it is XHTML syntax: a parse error fails the test)."""
    return ET.fromstring(path.read_text(encoding="utf-8").split("\n", 1)[1])


def text_of(e: ET.Element) -> str:
    return " ".join("".join(e.itertext()).split())


# -- the service ---------------------------------------------------------------------------------


def test_a_bilingual_pack_is_refused_like_a_welsh_one_while_welsh_is_missing(
    store, tmp_path: Path
) -> None:  # noqa: ANN001
    out, html = tmp_path / "pack.pdf", tmp_path / "pack.html"
    with pytest.raises(board_pack.WelshGapsError):
        board_pack.render_board_pack(store, next_meeting(store), "bilingual", out, html_out=html)
    assert not out.exists() and not html.exists()
    with pytest.raises(ValueError):
        board_pack.build_board_pack(store, next_meeting(store), private=False, lang="fr")


def test_a_bilingual_draft_marks_gaps_without_printing_the_english_twice(store) -> None:  # noqa: ANN001
    meeting = next_meeting(store)
    welsh = board_pack.build_board_pack(store, meeting, private=False, draft=True, lang="cy")
    both = board_pack.build_board_pack(store, meeting, private=False, draft=True, lang="bilingual")
    marked = [a for a in both.actions if a.text_cy.startswith(MISSING)]
    assert marked and all(a.text_cy == MISSING for a in marked)  # its English is beside it
    assert any(a.text_cy == f"{MISSING} {a.text_en}" for a in welsh.actions)  # Welsh only: after
    stale = [r for r in both.recommendations if r.text_cy.startswith(STALE)]
    assert len(stale) == 1 and len(stale[0].text_cy) > len(STALE)  # the old Welsh follows


def test_the_pack_keeps_names_in_both_languages(store) -> None:  # noqa: ANN001
    meeting = next_meeting(store)
    translate_gaps(store, meeting)
    pack = board_pack.build_board_pack(store, meeting, private=True, lang="bilingual")
    owners = [(r.owner, r.owner_cy) for r in pack.recommendations if r.owner]
    assert owners and all(en and cy and en != cy for en, cy in owners)
    assert ("Head of Public Protection", "Pennaeth Diogelu’r Cyhoedd") in owners
    english = board_pack.build_board_pack(store, meeting, private=True, lang="en")
    assert all(r.owner_cy == "" for r in english.recommendations)


# -- the PDF and the HTML from a real database ----------------------------------------------------


@pytest.fixture
def written(store, tmp_path: Path) -> dict[str, Path]:  # noqa: ANN001
    meeting = next_meeting(store)
    translate_gaps(store, meeting)
    out = {}
    for lang in ("en", "cy", "bilingual"):
        for private in (False, True):
            key = f"{lang}-{'private' if private else 'public'}"
            out[key] = tmp_path / f"{key}.pdf"
            out[f"{key}.html"] = tmp_path / f"{key}.html"
            board_pack.render_board_pack(
                store, meeting, lang, out[key], private=private, html_out=out[f"{key}.html"]
            )
    return out


def test_the_bilingual_pdf_puts_welsh_first_everywhere(store, written) -> None:  # noqa: ANN001
    pack = board_pack.build_board_pack(store, next_meeting(store), private=True, lang="bilingual")
    text = pdf_text(written["bilingual-private"])
    assert not watermarked(text, "DRAFFT")
    for cy, en in [
        (pack.meeting_title_cy, pack.meeting_title_en),
        ("Tudalen 1 o", "Page 1 of"),
        ("SWYDDOGOL-SENSITIF", "OFFICIAL-SENSITIVE"),
        *((i.title_cy, i.title_en) for i in pack.agenda),
        *((r.status_cy, r.status_en) for r in pack.recommendations),
    ]:
        assert cy in text and en in text, (cy, en)
        assert text.index(cy) < text.index(en), f"{en!r} printed before {cy!r}"


def with_exempt_items(store) -> int:  # noqa: ANN001
    return next(m.id for m in store.meetings() if any(i.exempt for i in store.agenda(m.id)))


def test_the_public_bilingual_pdf_leaves_exempt_items_out(store, tmp_path: Path) -> None:  # noqa: ANN001
    meeting = with_exempt_items(store)
    translate_gaps(store, meeting)
    exempt = [i for i in store.agenda(meeting) if i.exempt]
    texts = {}
    for kind in ("public", "private"):
        out = tmp_path / f"{kind}.pdf"
        board_pack.render_board_pack(store, meeting, "bilingual", out, private=kind == "private")
        texts[kind] = pdf_text(out)
    for item in exempt:
        assert item.title_cy not in texts["public"] and item.title_en not in texts["public"]
        assert item.title_cy in texts["private"] and item.title_en in texts["private"]
    assert "Eitem eithriedig: nid i’w chyhoeddi" in texts["private"]
    assert "Exempt item: not for publication" in texts["private"]


def test_the_html_pack_is_accessible_and_has_what_the_pdf_has(store, written) -> None:  # noqa: ANN001
    meeting = next_meeting(store)
    for key in ("en-public", "cy-private", "bilingual-private"):
        lang = key.split("-")[0]
        html = page(written[f"{key}.html"])
        assert html.get("lang") == ("en-GB" if lang == "en" else "cy") == html.get(LANG)
        assert len(html.findall(f".//{XHTML}h1")) == 1
        assert len(html.findall(f".//{XHTML}h2")) >= 4  # agenda, status, actions, minutes
        for table in html.iter(f"{XHTML}table"):
            assert table.find(f"{XHTML}thead") is not None
            assert all(th.get("scope") for th in table.iter(f"{XHTML}th"))
        assert all(img.get("alt") for img in html.iter(f"{XHTML}img"))
        assert html.findall(f".//{XHTML}time"), "dates are <time> elements"
        body = text_of(html)
        pack = board_pack.build_board_pack(
            store, meeting, private=key.endswith("private"), lang=lang
        )
        langs = ["cy", "en"] if lang == "bilingual" else [lang]
        for lg in langs:
            for item in pack.agenda:
                assert getattr(item, f"title_{lg}") in body
            for r in pack.recommendations:
                assert r.ref in body and getattr(r, f"status_{lg}") in body
        # The RAG word is text in its cell; the colour is only a class.
        rag_cells = [td for td in html.iter(f"{XHTML}td") if "rag" in (td.get("class") or "")]
        assert rag_cells and all(text_of(td) for td in rag_cells)


def test_the_bilingual_html_tags_each_language_welsh_first(written) -> None:  # noqa: ANN001
    html = page(written["bilingual-private.html"])
    pairs = [e for e in html.iter() if e.get("class") == "both"]
    assert len(pairs) > 20
    for pair in pairs:
        assert [child.get("lang") for child in pair] == ["cy", "en-GB"], text_of(pair)
    title = text_of(html.find(f".//{XHTML}title"))
    assert title.index("Bwrdd") < title.index("Board")
    columns = html.findall(f".//{XHTML}div[@class='pair']/{XHTML}div")
    assert [c.get("lang") for c in columns] == ["cy", "en-GB"]  # the minutes, side by side
    marking = text_of(html.find(f".//{XHTML}p[@class='marking']"))
    assert marking == "SWYDDOGOL-SENSITIF / OFFICIAL-SENSITIVE"


def test_the_public_html_leaves_exempt_items_out_and_the_private_one_is_private(
    store, tmp_path: Path
) -> None:  # noqa: ANN001
    import os

    meeting = with_exempt_items(store)
    exempt = [i.title_en for i in store.agenda(meeting) if i.exempt]
    html = {}
    for kind in ("public", "private"):
        html[kind] = tmp_path / f"{kind}.html"
        board_pack.render_board_pack(
            store, meeting, "en", tmp_path / f"{kind}.pdf", private=kind == "private",
            html_out=html[kind],
        )  # fmt: skip
    public, private = text_of(page(html["public"])), text_of(page(html["private"]))
    assert all(t not in public for t in exempt) and all(t in private for t in exempt)
    assert "Exempt item: not for publication" in private
    if os.name == "posix":
        assert html["private"].stat().st_mode & 0o077 == 0


def test_a_welsh_html_pack_marks_english_wording_as_english(tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop.documents.board_pack_html import board_pack_html
    from desktop.documents.demo import demo_board_pack, demo_office

    pack = demo_board_pack()
    action = replace(pack.actions[0], text_cy=pack.actions[0].text_en)
    html = ET.fromstring(
        board_pack_html(replace(pack, actions=(action,)), demo_office(), "cy", False).split(
            "\n", 1
        )[1]
    )
    quoted = [e for e in html.iter() if e.get("lang") == "en-GB"]
    assert [text_of(e) for e in quoted] == [action.text_en]


# -- the command line ------------------------------------------------------------------------------


def test_the_command_line_writes_a_bilingual_pack_and_its_html(store, tmp_path: Path) -> None:  # noqa: ANN001
    meeting = next_meeting(store)
    translate_gaps(store, meeting)
    db = store.db.execute("PRAGMA database_list").fetchone()[2]
    store.db.commit()
    store.db.close()
    out, html = tmp_path / "pack.pdf", tmp_path / "pack.html"
    said, err = io.StringIO(), io.StringIO()
    argv = ["export", "board-pack", "--db", db, "--meeting", str(meeting), "--lang", "bilingual"]
    code = main([*argv, "--out", str(out), "--html", str(html)], said, err)
    assert code == 0, err.getvalue()
    assert err.getvalue() == ""
    assert f"The accessible HTML version was written to {html}." in said.getvalue()
    assert pdf_text(out).index("Agenda") >= 0 and page(html).get("lang") == "cy"
    welsh = io.StringIO()
    code = main(["--ui-lang", "cy", *argv, "--out", str(out), "--html", str(html)], welsh, err)
    assert code == 0 and "Ysgrifennwyd y fersiwn HTML hygyrch" in welsh.getvalue()
