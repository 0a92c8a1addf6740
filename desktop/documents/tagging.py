"""Tagged PDF (PDF/UA-1) on top of ReportLab platypus: see docs/tagged-pdf.md.

The builders make the structure tree with the story (:class:`Node`) and mark each content
flowable with the leaf element it draws into (:func:`tag`). As the flowables draw, their
operators are wrapped in marked content (``/P <</MCID n>> BDC … EMC``) by :class:`TaggingFrame`,
:class:`TaggedTable` and :func:`draw_tagged`; whatever draws without an element is an artifact.
:class:`TaggingCanvas` writes the tree, the ParentTree and the catalogue entries when it saves.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFDictionary,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Table

TAG = "_craffu_tag"  # the attribute a tagged flowable carries
DRAWN = "_craffu_drawn"  # set once a tagged flowable has drawn its content
CONTAINER = "container"  # a flowable whose parts tag themselves (columns, tables)
# Elements kept in the tree even when they drew nothing: a table stays regular.
_KEEP_EMPTY = frozenset({"Table", "THead", "TBody", "TR", "TH", "TD"})
PDF_VERSION = (1, 7)


class Node:
    """A structure element. Containers hold ``kids``; a leaf (tagged flowables point at it)
    collects its marked content as ``(page index, MCID)`` while the document draws."""

    __slots__ = ("role", "parent", "kids", "content", "lang", "alt", "attrs", "leaf")

    def __init__(
        self,
        role: str,
        parent: Node | None = None,
        *,
        lang: str | None = None,
        alt: str | None = None,
        attrs: dict[str, object] | None = None,
    ) -> None:
        self.role = role
        self.parent = parent
        self.kids: list[Node] = []
        self.content: list[tuple[int, int]] = []
        self.lang = lang
        self.alt = alt
        self.attrs = attrs
        self.leaf = False

    def add(
        self,
        role: str,
        *,
        lang: str | None = None,
        alt: str | None = None,
        attrs: dict[str, object] | None = None,
    ) -> Node:
        if self.leaf:
            raise ValueError(f"{self.role} holds content and cannot hold a {role}")
        node = Node(role, self, lang=lang, alt=alt, attrs=attrs)
        self.kids.append(node)
        return node

    def walk(self) -> Iterator[Node]:
        yield self
        for k in self.kids:
            yield from k.walk()


def tag(flowable: Flowable, node: Node) -> Flowable:
    """Mark ``flowable`` as content of ``node`` (which becomes a leaf)."""
    if node.kids:
        raise ValueError(f"{node.role} holds elements and cannot hold content")
    node.leaf = True
    setattr(flowable, TAG, node)
    return flowable


def tag_all(flowables: list[Flowable], node: Node) -> list[Flowable]:
    for f in flowables:
        tag(f, node)
    return flowables


# -- drawing ---------------------------------------------------------------------------------


class _Marks:
    """The marked content of one document as it is drawn (lives on the canvas)."""

    def __init__(self) -> None:
        self.page_owners: list[list[Node]] = [[]]  # per page: MCID -> element
        self.depth = 0  # >0 while inside a marked sequence: nothing nests in it

    def begin(self, canv: Canvas, tagged: Node | str | None) -> tuple[int, bool] | None:
        """Open a sequence for ``tagged`` (a leaf, CONTAINER, or None/"again" for an artifact).
        Returns what :meth:`end` needs, or None when nothing was opened."""
        if tagged == CONTAINER or self.depth:
            return None
        code = canv._code
        mark = len(code)
        if isinstance(tagged, Node):
            owners = self.page_owners[-1]
            code.append(f"/{tagged.role} <</MCID {len(owners)}>> BDC")
            owners.append(tagged)
            mcid = True
        elif tagged == "again":  # a table header drawn again on the next page
            code.append("/Artifact <</Type /Pagination>> BDC")
            mcid = False
        else:
            code.append("/Artifact BMC")
            mcid = False
        self.depth += 1
        return mark, mcid

    def end(self, canv: Canvas, token: tuple[int, bool] | None) -> None:
        if token is None:
            return
        self.depth -= 1
        mark, mcid = token
        code = canv._code
        if len(code) == mark + 1:  # drew nothing (a spacer): leave no empty sequence
            del code[mark:]
            if mcid:
                self.page_owners[-1].pop()
            return
        code.append("EMC")
        if mcid:
            owners = self.page_owners[-1]
            owners[-1].content.append((len(self.page_owners) - 1, len(owners) - 1))

    @contextmanager
    def artifact(self, canv: Canvas, kind: str | None = None) -> Iterator[None]:
        """Everything drawn inside is an artifact (``kind``: Pagination, Layout)."""
        if self.depth:
            yield
            return
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC" if kind else "/Artifact BMC")
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            canv._code.append("EMC")


def _what(f: Flowable) -> Node | str | None:
    tagged = getattr(f, TAG, None)
    if isinstance(tagged, Node) and getattr(f, DRAWN, False):
        return "again"
    return tagged


def draw_tagged(f: Flowable, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
    """``f.drawOn`` inside the marked content its tag asks for (plain drawing on a canvas that
    does not tag)."""
    marks: _Marks | None = getattr(canv, "_craffu_marks", None)
    draw = type(f).drawOn
    if marks is None:
        draw(f, canv, x, y, _sW)
        return
    token = marks.begin(canv, _what(f))
    try:
        draw(f, canv, x, y, _sW)
    finally:
        marks.end(canv, token)
    if isinstance(getattr(f, TAG, None), Node):
        setattr(f, DRAWN, True)


def _drawing_tagged(flowables: list[Flowable]) -> None:
    """From now on ``drawOn`` of each of ``flowables`` goes through :func:`draw_tagged` (ReportLab's
    own code calls ``drawOn``: frames, table cells); :func:`_drawing_plain` undoes it."""
    for f in flowables:
        f.drawOn = partial(draw_tagged, f)  # type: ignore[method-assign]


def _drawing_plain(flowables: list[Flowable]) -> None:
    for f in flowables:
        f.__dict__.pop("drawOn", None)


@contextmanager
def artifact(canv: Canvas, kind: str | None = None) -> Iterator[None]:
    """Drawing inside is an artifact (plain drawing on a canvas that does not tag)."""
    marks: _Marks | None = getattr(canv, "_craffu_marks", None)
    if marks is None:
        yield
        return
    with marks.artifact(canv, kind):
        yield


def _copy_tag(source: Flowable, parts: list[Flowable]) -> list[Flowable]:
    """The parts of a split flowable belong to its element (one P over two pages)."""
    tagged = getattr(source, TAG, None)
    if tagged is not None:
        for p in parts:
            if getattr(p, TAG, None) is None:
                setattr(p, TAG, tagged)
    return parts


def split_tagged(f: Flowable, width: float, height: float) -> list[Flowable]:
    return _copy_tag(f, f.split(width, height))


class TaggingFrame(Frame):
    """A frame whose flowables draw inside their marked content."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        flowable.drawOn = partial(draw_tagged, flowable)  # type: ignore[method-assign]
        try:
            return Frame._add(self, flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        return _copy_tag(flowable, Frame.split(self, flowable, canv))

    def __deepcopy__(self, memo: dict) -> TaggingFrame:
        # ReportLab deep-copies the frame to try each heading with what follows it (keep with
        # next); a frame holds numbers and short lists, so a copy of those is the same and
        # costs a tenth of ``copy.deepcopy``.
        new = copy.copy(self)
        for name, value in vars(new).items():
            if isinstance(value, list):
                setattr(new, name, list(value))
        return new


class TaggedTable(Table):
    """A table whose cells draw inside their elements' marked content and whose backgrounds
    and rules are artifacts. Cells are flowables (or lists of them); a string cell (the empty
    filler of a span) is an artifact."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        setattr(self, TAG, CONTAINER)

    def _drawBkgrnd(self) -> None:  # noqa: N802
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:  # noqa: N802
        with artifact(self.canv):
            super()._drawLines()

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:  # noqa: ANN001, N802
        if isinstance(cellval, Flowable):
            cells = [cellval]
        elif isinstance(cellval, (list, tuple)):
            cells = list(cellval)
        else:
            with artifact(self.canv):
                super()._drawCell(cellval, cellstyle, pos, size)
            return
        _drawing_tagged(cells)
        try:
            super()._drawCell(cellval, cellstyle, pos, size)
        finally:
            _drawing_plain(cells)


# -- writing the tree ------------------------------------------------------------------------


def _xmp(title: str, author: str, subject: str, lang: str) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    t, a, s, lg = (escape(v) for v in (title, author, subject, lang))
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{s}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lg}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>Craffu (ReportLab)</pdf:Producer>
   <xmp:CreatorTool>Craffu</xmp:CreatorTool>
   <xmp:CreateDate>{now}</xmp:CreateDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _attr(v: object) -> str:
    """An attribute value: a name (``Column``) or a number."""
    return f"/{v}" if isinstance(v, str) else str(v)


class _Raw(pdfdoc.PDFObject):
    """An object whose PDF text is already made (ASCII, references resolved)."""

    def __init__(self) -> None:
        self.text = ""

    def format(self, document: object) -> bytes:
        return self.text.encode("latin-1")


class TaggingCanvas(Canvas):
    """A canvas that records marked content per page and, when it saves, writes the structure
    tree rooted at ``self.structure`` (set by the document before the build) and the catalogue
    entries PDF/UA-1 asks for."""

    structure: Node | None = None
    xmp_fields: tuple[str, str, str, str] = ("", "", "", "")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._craffu_marks = _Marks()
        self._craffu_pages: list[str] = []
        self._doc._pdfVersion = max(self._doc._pdfVersion, PDF_VERSION)

    def showPage(self) -> None:  # noqa: N802
        self._craffu_pages.append(self._doc.thisPageName())
        index = len(self._craffu_pages) - 1
        super().showPage()
        page = self._doc.Pages.pages[-1]
        page.__NoDefault__ = [*pdfdoc.PDFPage.__NoDefault__, "StructParents"]
        page.StructParents = index
        self._craffu_marks.page_owners.append([])

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        if self.structure is not None:
            self._write_structure(self.structure)
        # Compressed streams stay binary: ASCII85 on top makes every stream a quarter longer
        # and, in ReportLab's pure-Python encoder, took a sixth of a long letter's rendering
        # time. ReportLab reads the setting while it writes; it is put back for anyone else.
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self._doc.SaveToFile(self._filename, self)
        finally:
            rl_config.useA85 = a85

    def _write_structure(self, root: Node) -> None:
        """The elements are written as preformatted objects: thousands of small dictionaries
        through ReportLab's generic formatter would cost more than all the marking."""
        doc = self._doc
        kept = _prune(root)
        raws = [_Raw() for _ in kept]
        number = doc.idToObjectNumberAndVersion
        nums: dict[int, int] = {}
        for i, (node, raw) in enumerate(zip(kept, raws, strict=True)):
            doc.Reference(raw, f"CraffuSE{i}")
            nums[id(node)] = number[f"CraffuSE{i}"][0]
        tree, parent_tree = _Raw(), _Raw()
        doc.Reference(tree, "CraffuStructTreeRoot")
        doc.Reference(parent_tree, "CraffuParentTree")
        pages = [number[name][0] for name in self._craffu_pages]

        def string(text: str) -> str:
            return PDFString(text).format(doc).decode("latin-1")

        tree_number = number["CraffuStructTreeRoot"][0]
        for node, raw in zip(kept, raws, strict=True):
            parent = nums[id(node.parent)] if node.parent is not None else tree_number
            parts = [f"<< /Type /StructElem /S /{node.role} /P {parent} 0 R"]
            if node.lang:
                parts.append(f" /Lang {string(node.lang)}")
            if node.alt:
                parts.append(f" /Alt {string(node.alt)}")
            if node.attrs:
                attrs = " ".join(f"/{k} {_attr(v)}" for k, v in node.attrs.items())
                parts.append(f" /A << {attrs} >>")
            kids: list[str] = [f"{nums[id(k)]} 0 R" for k in node.kids if id(k) in nums]
            if node.content:
                if len({p for p, _ in node.content}) == 1:
                    parts.append(f" /Pg {pages[node.content[0][0]]} 0 R")
                    kids = [str(m) for _, m in node.content]
                else:
                    kids = [
                        f"<< /Type /MCR /Pg {pages[p]} 0 R /MCID {m} >>" for p, m in node.content
                    ]
            if kids:
                parts.append(f" /K {kids[0]}" if len(kids) == 1 else f" /K [{' '.join(kids)}]")
            parts.append(" >>")
            raw.text = "".join(parts)
        entries = []
        for index, owners in enumerate(self._craffu_marks.page_owners[: len(pages)]):
            entries.append(f"{index} [{' '.join(f'{nums[id(n)]} 0 R' for n in owners)}]")
        parent_tree.text = f"<< /Nums [{' '.join(entries)}] >>"
        tree.text = (
            f"<< /Type /StructTreeRoot /K {nums[id(root)]} 0 R"
            f" /ParentTree {number['CraffuParentTree'][0]} 0 R /ParentTreeNextKey {len(pages)} >>"
        )
        cat = doc.Catalog
        cat.StructTreeRoot = tree
        cat.MarkInfo = PDFDictionary({"Marked": pdfdoc.PDFtrue})
        prefs = getattr(cat, "ViewerPreferences", None)
        if isinstance(prefs, PDFDictionary):
            prefs.dict["DisplayDocTitle"] = pdfdoc.PDFtrue
        else:
            cat.ViewerPreferences = PDFDictionary({"DisplayDocTitle": pdfdoc.PDFtrue})
        title, author, subject, lang = self.xmp_fields
        xmp = _xmp(title, author, subject, lang).encode("utf-8")
        cat.Metadata = XMP(creator=lambda _doc: xmp)


def _prune(root: Node) -> list[Node]:
    """The elements worth writing, parents first: an element that drew nothing and holds
    nothing is left out (table parts are kept so rows stay regular)."""
    keep: set[int] = set()

    def visit(node: Node) -> bool:
        inner = [visit(k) for k in node.kids]
        useful = bool(node.content) or any(inner) or node.role in _KEEP_EMPTY
        if useful:
            keep.add(id(node))
        return useful

    visit(root)
    keep.add(id(root))
    return [n for n in root.walk() if id(n) in keep]
