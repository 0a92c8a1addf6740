"""Tagged PDF / PDF/UA-1 (docs/tagged-pdf.md): every letter and board pack, signed and unsigned,
read back with pikepdf (its own walk of the content streams and the structure tree), poppler
(``pdfinfo -struct-text``, ``pdfsig``) and the ``pdfua`` checker."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")

from desktop.documents import markup  # noqa: E402
from desktop.documents.board_pack_pdf import render_board_pack_pdf  # noqa: E402
from desktop.documents.demo import (  # noqa: E402
    demo_board_pack,
    demo_office,
    demo_response,
    many_recommendations,
    write_demo_images,
)
from desktop.documents.model import pick  # noqa: E402
from desktop.documents.response_pdf import render_response_pdf  # noqa: E402

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = TEXT_OPS | {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE"}


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")


class NotTagged(AssertionError):
    """What the walker found wrong with a file."""


@dataclass
class Tagged:
    """What the walker read: the elements in reading order, with their depth."""

    lang: str
    pdf: object  # keeps the file open while its objects are read
    elements: list[tuple[int, pikepdf.Dictionary]] = field(default_factory=list)

    def roles(self) -> list[str]:
        return [str(e.S)[1:] for _, e in self.elements]

    def of(self, role: str) -> list[pikepdf.Dictionary]:
        return [e for _, e in self.elements if e.S == "/" + role]


def _numbers(node: pikepdf.Dictionary) -> dict[int, object]:
    out: dict[int, object] = {}
    if "/Nums" in node:
        nums = list(node.Nums)
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        out.update(_numbers(kid))
    return out


def _marks(page: pikepdf.Page) -> list[int]:
    """The MCIDs of ``page`` in content order; raises NotTagged for anything painted outside
    both marked content and an artifact, or tagged inside an artifact or inside another MCID."""
    stack: list[str] = []  # "mcid", "artifact" or "other"
    mcids: list[int] = []
    for ins in pikepdf.parse_content_stream(page):
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            tag = str(ins.operands[0])
            props = ins.operands[1] if op == "BDC" else None
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            if tag == "/Artifact":
                stack.append("artifact")
            elif mcid is not None:
                if "artifact" in stack or "mcid" in stack:
                    raise NotTagged(f"MCID {mcid} nested in {stack}")
                mcids.append(int(mcid))
                stack.append("mcid")
            else:
                stack.append("other")
        elif op == "EMC":
            if not stack:
                raise NotTagged("EMC without a BMC/BDC")
            stack.pop()
        elif op in PAINT_OPS and not ({"mcid", "artifact"} & set(stack)):
            raise NotTagged(f"{op} {list(ins.operands)[:1]} is neither tagged nor an artifact")
    if stack:
        raise NotTagged(f"unclosed marked content {stack}")
    return mcids


def walk(path: Path) -> Tagged:
    """Check the rules of docs/tagged-pdf.md on ``path``; raise NotTagged on the first broken."""
    pdf = pikepdf.open(path)
    root = pdf.Root
    if pdf.pdf_version != "1.7":
        raise NotTagged(f"PDF version {pdf.pdf_version}")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        raise NotTagged("MarkInfo Marked is not true")
    if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        raise NotTagged("DisplayDocTitle is not true")
    lang = str(root.get("/Lang", ""))
    if lang not in ("cy", "en-GB"):
        raise NotTagged(f"document /Lang {lang!r}")
    meta = pdf.open_metadata()  # read only: never saved
    if meta.get("pdfuaid:part") != "1" or not meta.get("dc:title"):
        raise NotTagged("XMP lacks the PDF/UA identification or dc:title")

    tree = root.StructTreeRoot
    parents = _numbers(tree.ParentTree)
    page_of = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    result = Tagged(lang, pdf)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # (page, MCID) -> element
    annotations: dict[tuple[int, int], tuple[int, int]] = {}  # annotation -> element

    def content(elem: pikepdf.Dictionary, kid: object, page: object) -> None:
        if isinstance(kid, int):
            if page is None:
                raise NotTagged(f"MCID {kid} of {elem.S} without a page")
            key = (page_of[page.objgen], int(kid))
            if key in owner:
                raise NotTagged(f"MCID {key} claimed twice")
            owner[key] = elem.objgen
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            content(elem, int(kid.MCID), kid.get("/Pg", page))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
            annotations[kid.Obj.objgen] = elem.objgen
        elif isinstance(kid, pikepdf.Dictionary):
            visit(kid, elem)
        else:
            raise NotTagged(f"unexpected kid {kid!r}")

    def visit(elem: pikepdf.Dictionary, parent: pikepdf.Dictionary | None, depth: int = 0) -> None:
        if parent is not None and elem.P.objgen != parent.objgen:
            raise NotTagged(f"{elem.S}'s /P is not its parent")
        result.elements.append((depth, elem))
        kids = elem.get("/K")
        page = elem.get("/Pg")
        for kid in kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                visit(kid, elem, depth + 1)
            else:
                content(elem, kid, page)

    visit(tree.K, None)

    # Every MCID drawn has its element, in the tree and in the ParentTree, and back.
    drawn: set[tuple[int, int]] = set()
    for i, page in enumerate(pdf.pages):
        mcids = _marks(page)
        if len(set(mcids)) != len(mcids):
            raise NotTagged(f"page {i + 1}: an MCID is used twice")
        if mcids:
            listed = parents.get(int(page.obj.get("/StructParents", -1)))
            if listed is None:
                raise NotTagged(f"page {i + 1} has no ParentTree entry")
        for m in mcids:
            if (i, m) not in owner:
                raise NotTagged(f"page {i + 1} MCID {m} has no element in the tree")
            if listed[m].objgen != owner[(i, m)]:
                raise NotTagged(f"page {i + 1} MCID {m}: ParentTree and tree disagree")
            drawn.add((i, m))
        for annot in page.obj.get("/Annots", []):
            hidden = int(annot.get("/F", 0)) & 2
            if annot.get("/Subtype") == "/Popup" or hidden:
                continue
            elem = parents.get(int(annot.get("/StructParent", -1)))
            if elem is None or annotations.get(annot.objgen) != elem.objgen:
                raise NotTagged(f"page {i + 1}: annotation {annot.get('/Subtype')} is not tagged")
            wanted = {"/Widget": "/Form", "/Link": "/Link"}.get(str(annot.Subtype), "/Annot")
            if elem.S != wanted:
                raise NotTagged(f"{annot.Subtype} annotation tagged {elem.S}")
            if annot.Subtype == "/Link" and not str(annot.get("/Contents", "")):
                raise NotTagged("link without /Contents")
            if page.obj.get("/Tabs") != "/S":
                raise NotTagged(f"page {i + 1} has annotations but no /Tabs /S")
    if set(owner) - drawn:
        raise NotTagged(f"the tree claims MCIDs never drawn: {sorted(set(owner) - drawn)[:5]}")

    # Headings in order without skipped levels; figures described; tables with header cells.
    level = 0
    for role in result.roles():
        if len(role) == 2 and role[0] == "H" and role[1].isdigit():
            if int(role[1]) > level + 1:
                raise NotTagged(f"{role} after H{level}")
            level = int(role[1])
    for fig in result.of("Figure"):
        if not str(fig.get("/Alt", "")).strip():
            raise NotTagged("Figure without /Alt")
    for table in result.of("Table"):
        inside = [e for _, e in _subtree(result, table)]
        rows = [e for e in _kids(table) if e.S == "/TR"]
        if not rows or len(rows) != len(_kids(table)):
            raise NotTagged("Table whose children are not all TR")
        if any(not _kids(tr) or any(k.S not in ("/TH", "/TD") for k in _kids(tr)) for tr in rows):
            raise NotTagged("TR empty or holding something other than TH/TD")
        heads = [e for e in inside if e.S == "/TH"]
        if not heads or any("/Scope" not in e.get("/A", {}) for e in heads):
            raise NotTagged("Table without TH cells, or a TH without /Scope")
    return result


def _kids(elem: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    kids = elem.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return [
        k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem"
    ]


def _subtree(t: Tagged, top: pikepdf.Dictionary) -> list[tuple[int, pikepdf.Dictionary]]:
    start = next(i for i, (_, e) in enumerate(t.elements) if e.objgen == top.objgen)
    depth = t.elements[start][0]
    out = []
    for d, e in t.elements[start + 1 :]:
        if d <= depth:
            break
        out.append((d, e))
    return out


def struct_text(path: Path) -> str:
    """The text of the structure tree in reading order (poppler), without any whitespace."""
    need("pdfinfo")
    res = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.decode("utf-8").splitlines()
    assert lines and lines[0] == "Document", lines[:3]
    texts = [ln.strip()[1:-1] for ln in lines if ln.strip().startswith('"')]
    return "".join("".join(texts).split())


def _squash(text: str) -> str:
    return "".join(text.split())


def _blocks(text: str) -> list[str]:
    """Each paragraph and list item of stored markup as a reader sees it."""
    out = []
    for block in markup.parse(text):
        items = [block.runs] if isinstance(block, markup.Para) else list(block.items)
        out += ["".join(r.text for r in runs) for runs in items]
    return out


def letter_sections(doc, office) -> list[dict[str, list[str]]]:  # noqa: ANN001
    """The letter's own words, section by section, each in both languages, in writing order."""
    sections: list[dict[str, list[str]]] = []

    def add(make) -> None:  # noqa: ANN001
        sections.append({lg: [t for t in make(lg) if t.strip()] for lg in ("cy", "en")})

    add(lambda lg: [pick(office, "office_name", lg), pick(office, "address", lg)])
    add(lambda lg: [pick(office, "addressee", lg)])
    add(lambda lg: [pick(doc, "report_title", lg)])
    add(lambda lg: _blocks(pick(doc, "introduction", lg)))
    for rec in doc.recommendations:
        add(lambda lg, r=rec: [*_blocks(pick(r, "text", lg)), pick(r, "deadline_text", lg)])
        add(lambda lg, r=rec: _blocks(pick(r, "explanation", lg)))
        add(lambda lg, r=rec: [t for a in r.assurances for t in _blocks(pick(a, "text", lg))])
    for name in ("cc_comments", "pcc_reply", "closing"):
        add(lambda lg, n=name: _blocks(pick(doc, n, lg)))
    add(lambda lg: [pick(office, "pcc_title", lg)])
    add(lambda lg: [pick(office, "welsh_statement", lg)])
    return sections


def assert_reading_order(text: str, pieces: list[str]) -> None:
    """Each piece is in ``text`` (nothing missing), in the given order, and a paragraph of prose
    (60 characters and more: names and titles recur by design) exactly once (nothing twice)."""
    at = 0
    for piece in pieces:
        p = _squash(piece)
        found = text.find(p, at)
        assert found >= 0, f"missing or out of order: {piece[:80]!r}"
        if len(p) >= 60:
            assert text.count(p) == 1, f"read twice: {piece[:80]!r}"
        at = found + len(p)


# -- the documents -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    logo, signature = write_demo_images(tmp_path_factory.mktemp("img"))
    return demo_office(logo, signature)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory, office) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tagged")
    out: dict[str, Path] = {}
    for lang in ("en", "cy", "bilingual"):
        out[f"letter-{lang}"] = folder / f"letter-{lang}.pdf"
        render_response_pdf(demo_response(), office, lang, out[f"letter-{lang}"])
        out[f"draft-{lang}"] = folder / f"draft-{lang}.pdf"
        render_response_pdf(demo_response(is_draft=True), office, lang, out[f"draft-{lang}"])
    for lang in ("en", "cy", "bilingual"):
        for private in (False, True):
            key = f"pack-{lang}-{'private' if private else 'public'}"
            out[key] = folder / f"{key}.pdf"
            render_board_pack_pdf(demo_board_pack(), office, lang, private, out[key])
    return out


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, documents) -> dict[str, Path]:
    from desktop.documents.signing import sign_pdf
    from desktop.documents.test_certs import make_test_certificate, now_utc

    folder = tmp_path_factory.mktemp("signed")
    now = now_utc()
    p12 = make_test_certificate(
        folder / "cert", "Elin Morgan", now - timedelta(days=1), now + timedelta(days=30), b"pw"
    )
    out = {}
    for lang in ("en", "cy", "bilingual"):
        out[lang] = folder / f"signed-{lang}.pdf"
        sign_pdf(documents[f"letter-{lang}"], out[lang], p12, b"pw")
    return out


def test_every_document_is_tagged_by_the_rules(documents, signed) -> None:
    for path in [*documents.values(), *signed.values()]:
        walk(path)  # raises NotTagged with the rule it broke


def test_pdfinfo_says_tagged_and_prints_the_tree(documents, signed) -> None:
    need("pdfinfo")
    for path in [*documents.values(), *signed.values()]:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert "Tagged:          yes" in info, path.name
        assert "PDF version:     1.7" in info, path.name
        assert struct_text(path), path.name


def test_letters_read_in_the_order_they_were_written(documents, office) -> None:
    doc = demo_response()
    for key in ("letter-en", "letter-cy", "draft-en"):
        lang = "cy" if key.endswith("cy") else "en"
        pieces = [t for s in letter_sections(doc, office) for t in s[lang]]
        assert_reading_order(struct_text(documents[key]), pieces)


def test_bilingual_letter_reads_welsh_then_english_section_by_section(documents, office) -> None:
    sections = letter_sections(demo_response(), office)
    pieces = [t for s in sections for t in s["cy"] + s["en"]]
    text = struct_text(documents["letter-bilingual"])
    assert_reading_order(text, pieces)
    # Each column is a Div in its own language, the Welsh one first.
    t = walk(documents["letter-bilingual"])
    assert t.lang == "cy"
    langs = [str(e.get("/Lang")) for e in t.of("Div")]
    assert langs[:2] == ["cy", "en-GB"] and langs.count("cy") == langs.count("en-GB")


def test_page_furniture_is_not_read(documents) -> None:
    text = struct_text(documents["draft-cy"])
    for furniture in ("Tudalen1o", "DRAFFT", "SWYDDOGOL-SENSITIF"):
        assert furniture not in text
    pack = struct_text(documents["pack-en-private"])
    assert "Page1of" not in pack and "OFFICIAL-SENSITIVE" not in pack
    assert "Exemptitem:notforpublication" in pack  # the exempt mark is content, not furniture


def test_structure_of_the_letter(documents) -> None:
    t = walk(documents["letter-en"])
    assert t.lang == "en-GB"
    roles = t.roles()
    assert roles[0] == "Document"
    assert roles.count("H1") == 1 and "H2" in roles and "H3" in roles
    assert roles.count("Figure") == 2  # logo and signature
    alts = [str(f.Alt) for f in t.of("Figure")]
    assert any(a.startswith("Logo of") for a in alts) and "Signature of Elin Morgan" in alts
    assert "BlockQuote" in roles and "L" in roles and "LBody" in roles
    cy = walk(documents["letter-cy"])
    assert "Llofnod Elin Morgan" in [str(f.Alt) for f in cy.of("Figure")]
    bi = walk(documents["letter-bilingual"])
    assert "Llofnod Elin Morgan" in [str(f.Alt) for f in bi.of("Figure")]


def test_board_pack_tables_have_header_cells_and_rag_words(documents) -> None:
    for key, rag in (("pack-en-public", "Amber"), ("pack-cy-private", "Ambr")):
        t = walk(documents[key])
        assert t.roles().count("Table") == 4  # cover facts, agenda, status, actions
        scopes = {str(th.A.Scope) for th in t.of("TH")}
        assert scopes == {"/Column", "/Row"}
        assert rag in struct_text(documents[key])  # the RAG word is text, not only colour
        assert [r for r in t.roles() if r.startswith("H")][:2] == ["H1", "H2"]


def test_bilingual_pack_reads_welsh_then_english(documents) -> None:
    """Welsh first, as the Welsh Language Standards ask: each heading, each cell, the minutes."""
    pack = demo_board_pack()
    text = struct_text(documents["pack-bilingual-private"])
    pieces: list[str] = ["Bwrdd Plismona", "Policing Board", "Dyddiad", "Date"]
    pieces += ["Pencadlys yr Heddlu", "Police Headquarters", "Agenda", "Agenda"]
    for item in pack.agenda:
        pieces += [item.title_cy, item.title_en]
        if item.presenter:
            pieces += [item.presenter_cy, item.presenter]
    pieces += ["Argymhellion: statws", "Recommendations: status"]
    for r in pack.recommendations:
        pieces += [r.ref, r.text_cy, r.text_en, r.status_cy, r.status_en]
    for a in pack.actions:
        pieces += [a.ref, a.text_cy, a.text_en, a.owner_cy, a.owner]
    pieces += ["Cofnodion y cyfarfod blaenorol", "Minutes of the previous meeting"]
    pieces += [*_blocks(pack.previous_minutes_cy), *_blocks(pack.previous_minutes_en)]
    assert_reading_order(text, pieces)
    t = walk(documents["pack-bilingual-private"])
    assert t.lang == "cy"
    english = [e for role in ("P", "H1", "H2", "TH", "Div") for e in t.of(role)]
    assert any(str(e.get("/Lang")) == "en-GB" for e in english)
    assert t.roles().count("Table") == 4
    # Each heading pair: the Welsh first.
    h2 = [e for e in t.of("H2")]
    assert [str(e.get("/Lang", "cy")) for e in h2[:2]] == ["cy", "en-GB"]


def test_welsh_pack_marks_english_wording_as_english(tmp_path: Path, office) -> None:
    pack = demo_board_pack()
    row = replace(pack.recommendations[0], text_cy=pack.recommendations[0].text_en)
    pack = replace(pack, recommendations=[row, *pack.recommendations[1:]])
    out = tmp_path / "pack.pdf"
    render_board_pack_pdf(pack, office, "cy", False, out)
    t = walk(out)
    english = [td for td in t.of("TD") if str(td.get("/Lang", "")) == "en-GB"]
    assert len(english) == 1


def test_welsh_letter_marks_an_english_quotation(tmp_path: Path, office) -> None:
    doc = demo_response()
    rec = replace(doc.recommendations[0], text_cy=doc.recommendations[0].text_en)
    out = tmp_path / "letter.pdf"
    render_response_pdf(replace(doc, recommendations=[rec]), office, "cy", out)
    quotes = walk(out).of("BlockQuote")
    assert [str(q.get("/Lang", "")) for q in quotes] == ["en-GB"]


def test_long_tables_read_their_header_once(tmp_path: Path, office) -> None:
    pack = demo_board_pack()
    rows = [replace(r, ref=f"{r.ref}-{i}") for i in range(25) for r in pack.recommendations]
    out = tmp_path / "long.pdf"
    render_board_pack_pdf(replace(pack, recommendations=rows), office, "en", False, out)
    t = walk(out)
    text = struct_text(out)
    assert len(pikepdf.open(out).pages) >= 4  # the status table runs over pages
    assert text.count("Plannedclosure") == 1  # the repeated header row is an artifact
    assert text.count("HP-2-24") == 1
    assert len([tr for tr in t.of("TR")]) > 75


def test_a_paragraph_split_over_pages_is_one_element(tmp_path: Path, office) -> None:
    doc = many_recommendations(3, paragraphs=1)
    long = " ".join(["The force has reviewed its homicide prevention work with partners."] * 120)
    rec = replace(doc.recommendations[0], explanation_en=long)
    out = tmp_path / "split.pdf"
    render_response_pdf(replace(doc, recommendations=[rec]), office, "en", out)
    walk(out)
    pdf = pikepdf.open(out)
    spread = [
        e
        for e in walk(out).of("P")
        if isinstance(e.get("/K"), pikepdf.Array)
        and len({k.Pg.objgen for k in e.K if isinstance(k, pikepdf.Dictionary)}) > 1
    ]
    assert spread and len(pdf.pages) > 1
    assert_reading_order(struct_text(out), [long])


def test_signed_letters_keep_the_tags_verify_and_tag_the_field(signed) -> None:
    from desktop.documents.signing import verify_pdf

    for lang, path in signed.items():
        assert verify_pdf(path).status == "intact_valid"
        t = walk(path)  # the widget is checked there: Form + OBJR, /Tabs /S
        forms = t.of("Form")
        assert len(forms) == 1
        described = str(forms[0].Alt)
        assert described == (
            "Digital signature of Elin Morgan" if lang == "en" else "Llofnod digidol Elin Morgan"
        )
        if shutil.which("pdfsig"):
            res = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
            assert "Signature is Valid" in res.stdout and "Total document signed" in res.stdout


def test_pdfua_checker_finds_nothing(documents, signed) -> None:
    pdfua = pytest.importorskip("pdfua")
    for path in [*documents.values(), *signed.values()]:
        report = pdfua.validate(str(path))
        assert not report.findings, [(f.rule_id, f.message) for f in report.findings]


def test_demo_documents_are_tagged(tmp_path: Path) -> None:
    from database import Store, open_database
    from desktop.services import demo

    path = tmp_path / "demo.db"
    demo.build_demo(path, today=date(2026, 11, 26))
    db = open_database(path)
    try:
        pdfs = [
            a
            for r in Store(db).reports()
            for resp in Store(db).responses_for_report(r.id)
            for a in Store(db).artefacts(resp.id)
            if a.kind == "pdf"
        ]
    finally:
        db.close()
    assert pdfs
    for a in pdfs:
        out = tmp_path / a.filename
        out.write_bytes(a.content)
        t = walk(out)
        assert t.of("Form"), "the published demo PDF is signed, its field tagged"


# -- the walker can fail ----------------------------------------------------------------------


def _rewrite(src: Path, dst: Path, change) -> Path:  # noqa: ANN001
    with pikepdf.open(src) as pdf:
        change(pdf)
        pdf.save(dst)
    return dst


def _first_page_ops(pdf, edit) -> None:  # noqa: ANN001
    page = pdf.pages[0]
    ops = list(pikepdf.parse_content_stream(page))
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(edit(ops)))


def test_the_walker_catches_broken_files(documents, tmp_path: Path) -> None:
    src = documents["letter-en"]

    def untag(ops):  # noqa: ANN001, ANN202 - drop the first paragraph's BDC and its EMC
        i = next(n for n, o in enumerate(ops) if str(o.operator) == "BDC" and o.operands[0] == "/P")
        depth, j = 0, i + 1
        while not (str(ops[j].operator) == "EMC" and depth == 0):
            depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(str(ops[j].operator), 0)
            j += 1
        return ops[:i] + ops[i + 1 : j] + ops[j + 1 :]

    def unknown_mcid(ops):  # noqa: ANN001, ANN202
        out = []
        for o in ops:
            props = o.operands[1] if str(o.operator) == "BDC" else None
            if isinstance(props, pikepdf.Dictionary) and props.get("/MCID") == 0:
                o = pikepdf.ContentStreamInstruction(
                    [o.operands[0], pikepdf.Dictionary(MCID=99)], o.operator
                )
            out.append(o)
        return out

    def no_alt(pdf) -> None:  # noqa: ANN001
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure":
                del obj["/Alt"]

    def skip_level(pdf) -> None:  # noqa: ANN001
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/H2":
                obj.S = pikepdf.Name("/H3")
                break

    def unmarked(pdf) -> None:  # noqa: ANN001
        del pdf.Root["/MarkInfo"]

    def no_scope(pdf) -> None:  # noqa: ANN001
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/TH":
                del obj["/A"]
                break

    cases = {
        "untagged text": lambda pdf: _first_page_ops(pdf, untag),
        "no element": lambda pdf: _first_page_ops(pdf, unknown_mcid),
        "Figure without /Alt": no_alt,
        "H3 after H1": skip_level,
        "MarkInfo": unmarked,
    }
    pack_cases = {"TH without /Scope": no_scope}
    runs = [(src, name, change) for name, change in cases.items()]
    runs += [(documents["pack-en-public"], name, change) for name, change in pack_cases.items()]
    for number, (source, name, change) in enumerate(runs):
        # A file of its own each: Windows refuses to replace a file a reader still has open.
        broken = _rewrite(source, tmp_path / f"broken-{number}.pdf", change)
        with pytest.raises(NotTagged):
            walk(broken)
            pytest.fail(f"the walker missed: {name}")
