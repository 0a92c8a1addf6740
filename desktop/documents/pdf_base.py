"""What every Craffu PDF shares: A4 page template, styles, footers, draft marks, images,
metadata and the atomic write."""

from __future__ import annotations

import errno
import io
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Image, PageTemplate, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from desktop.collector import held_off
from desktop.documents.errors import DocumentError
from desktop.documents.fonts import BOLD, FAMILY, REGULAR, clean_text, register_fonts
from desktop.documents.tagging import Node, TaggingCanvas, TaggingFrame, artifact

NAVY = colors.HexColor("#1F3A5F")
INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#9DB0C8")
PAPER_TINT = colors.HexColor("#F2F5F9")
MARKING_RED = colors.HexColor("#B00020")

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    quote_bullet: ParagraphStyle
    title: ParagraphStyle
    kicker: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    meta: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles(size: float = 10.5) -> Styles:
    """Styles scaled from the body size (smaller in bilingual columns)."""
    register_fonts()
    lead = size * 1.42
    body = ParagraphStyle(
        "body", fontName=FAMILY, fontSize=size, leading=lead, textColor=INK, spaceAfter=size * 0.6
    )
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=size * 1.4,
        bulletIndent=size * 0.3,
        bulletFontName=REGULAR,
        spaceAfter=size * 0.3,
    )
    quote = ParagraphStyle("quote", parent=body, textColor=colors.HexColor("#22303F"))
    quote_bullet = ParagraphStyle("quote_bullet", parent=bullet, textColor=quote.textColor)
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=BOLD,
        fontSize=size * 1.45,
        leading=size * 1.9,
        textColor=NAVY,
        spaceAfter=size * 0.5,
    )
    kicker = ParagraphStyle("kicker", parent=body, textColor=GREY, spaceAfter=size * 0.2)
    h2 = ParagraphStyle(
        "h2",
        parent=body,
        fontName=BOLD,
        fontSize=size * 1.2,
        leading=size * 1.6,
        textColor=NAVY,
        spaceBefore=size * 1.3,
        spaceAfter=size * 0.5,
        keepWithNext=1,
    )
    h3 = ParagraphStyle(
        "h3",
        parent=body,
        fontName=BOLD,
        fontSize=size,
        leading=lead,
        textColor=NAVY,
        spaceBefore=size * 0.5,
        spaceAfter=size * 0.3,
        keepWithNext=1,
    )
    meta = ParagraphStyle(
        "meta",
        parent=body,
        fontSize=size * 0.9,
        leading=size * 1.3,
        textColor=GREY,
        spaceAfter=size * 0.2,
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=size * 0.85, leading=size * 1.2, spaceAfter=0
    )
    right = ParagraphStyle("right", parent=small, alignment=TA_RIGHT)
    cell = ParagraphStyle(
        "cell", parent=body, fontSize=size * 0.85, leading=size * 1.15, spaceAfter=0
    )
    cell_head = ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=colors.white)
    return Styles(
        body,
        bullet,
        quote,
        quote_bullet,
        title,
        kicker,
        h2,
        h3,
        meta,
        small,
        right,
        cell,
        cell_head,
    )


centered = ParagraphStyle("centered", alignment=TA_CENTER)


@dataclass(frozen=True)
class PageDecor:
    """What is drawn on every page around the text."""

    footer: Callable[[int, int], str]  # (page, pages) -> "Page 1 of 3"
    marking: str = ""  # security marking, top and bottom centre; empty for published
    watermark: str = ""  # diagonal text; empty for published
    running_head: str = ""  # small text at the top of pages after the first


def _draw_decor(canv: Canvas, doc: BaseDocTemplate, decor: PageDecor) -> None:
    """The page furniture: all of it an artifact (a screen reader skips it)."""
    with artifact(canv, "Pagination"):
        _draw_furniture(canv, decor)


def _draw_furniture(canv: Canvas, decor: PageDecor) -> None:
    page = canv.getPageNumber()
    canv.saveState()
    if decor.watermark:
        canv.saveState()
        canv.setFillColor(colors.HexColor("#C8C8C8"))
        canv.setFillAlpha(0.35)
        canv.translate(PAGE_W / 2, PAGE_H / 2)
        canv.rotate(52)
        size = 110 if len(decor.watermark) <= 10 else 72
        canv.setFont(BOLD, size)
        canv.drawCentredString(0, -size / 3, decor.watermark)
        canv.restoreState()
    if decor.marking:
        canv.setFont(BOLD, 9)
        canv.setFillColor(MARKING_RED)
        canv.drawCentredString(PAGE_W / 2, PAGE_H - 8 * mm, decor.marking)
        canv.drawCentredString(PAGE_W / 2, 5 * mm, decor.marking)
    if decor.running_head and page > 1:
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(GREY)
        canv.drawString(MARGIN_X, PAGE_H - 14 * mm, decor.running_head)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, 15 * mm, PAGE_W - MARGIN_X, 15 * mm)
    # The total is unknown until the end: each page shows a form filled in at save time.
    canv.doForm(f"craffu_footer_{page}")
    canv.restoreState()


def _canvas_class(decor: PageDecor, structure: Node, meta: Metadata) -> type[Canvas]:
    class FooterCanvas(TaggingCanvas):
        def save(self) -> None:
            pages = self.getPageNumber() - (0 if self._code else 1)
            for n in range(1, pages + 1):
                self.beginForm(f"craffu_footer_{n}")
                self.setFont(REGULAR, 8.5)
                self.setFillColor(GREY)
                self.drawCentredString(PAGE_W / 2, 10.5 * mm, clean_text(decor.footer(n, pages)))
                self.endForm()
            super().save()

    FooterCanvas.structure = structure
    FooterCanvas.xmp_fields = (
        clean_text(meta.title),
        clean_text(meta.author),
        clean_text(meta.subject),
        meta.lang,
    )
    return FooterCanvas


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    lang: str  # "en-GB" or "cy"
    keywords: str = ""


def build_pdf(
    story: list[Flowable],
    out: Path,
    meta: Metadata,
    decor: PageDecor,
    structure: Node,
    *,
    private: bool = False,
) -> None:
    """Lay out ``story`` on A4 and write it to ``out`` atomically (all or nothing), tagged:
    ``structure`` is the Document element the story's flowables are tagged into."""
    register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=clean_text(meta.title),
        author=clean_text(meta.author),
        subject=clean_text(meta.subject),
        keywords=meta.keywords,
        creator="Craffu",
        producer="Craffu (ReportLab)",
        lang=meta.lang,
        displayDocTitle=1,
        initialFontName=REGULAR,
        initialFontSize=10,
        pageCompression=1,
    )
    frame = TaggingFrame(
        MARGIN_X,
        MARGIN_BOTTOM,
        PAGE_W - 2 * MARGIN_X,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canv: Canvas, d: BaseDocTemplate) -> None:
        if canv.getPageNumber() == 1:
            canv.showOutline()
        _draw_decor(canv, d, decor)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    try:
        doc.build(story, canvasmaker=_canvas_class(decor, structure, meta))
    except LayoutError as exc:
        raise DocumentError("layout", str(exc)) from exc
    write_atomically(out, buf.getvalue(), private=private)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Rendering allocates hundreds of thousands of small objects and drops them together at the
    end; the cycle collector walking the growing heap meanwhile is pure cost (it runs once the
    render is over). Counted with the background work's holds (:mod:`desktop.collector`), so a
    render ending never turns collection back on under a running worker."""
    with held_off():
        yield


def _ordinary_mode() -> int:
    """The mode a new file gets here: 0666 less the umask (0644 under the usual 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(out: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``out``, then rename it over ``out``.

    ``private`` (a draft, a private board pack with exempt items): the file stays 0600 on
    POSIX; otherwise it takes the mode a new file gets under the user's umask."""
    # Imported here: the document layer loads without the storage layer (only this helper).
    from database.file_replace import replace_file

    out = Path(out)
    if out.is_dir():  # also "" (the working folder): say so, never name a temporary file
        error = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
        raise DocumentError("io", str(error)) from error
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise DocumentError("io", str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); a published document is an ordinary file.
        if not private:
            os.chmod(tmp, out.stat().st_mode & 0o777 if out.exists() else _ordinary_mode())
        replace_file(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DocumentError("io", str(exc)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# A logo or signature larger than this is not a picture for a letter (40 megapixels is a
# photograph's size); anything bigger is refused as too large, not called damaged.
MAX_IMAGE_PIXELS = 40_000_000


def image_flowable(path: Path | None, max_w: float, max_h: float, what: str) -> Image | None:
    """An image scaled to fit, or None when no path is set.

    ``what`` is "logo" or "signature"; a set path that is missing raises ``<what>_missing``, a file
    that is not a readable image raises ``<what>_invalid`` (both DocumentError).
    """
    if path is None or str(path) == "":
        return None
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{what}_missing", str(path))
    try:
        from PIL import Image as PILImage

        from database.input_files import require_regular_file

        require_regular_file(path)  # never open a FIFO or device as a picture
        with warnings.catch_warnings():  # PIL warns (on stderr) before it refuses
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            try:
                im = PILImage.open(path)
            except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
                raise DocumentError(f"{what}_too_large", str(path)) from exc
        if im.size[0] * im.size[1] > MAX_IMAGE_PIXELS:
            im.close()
            raise DocumentError(f"{what}_too_large", str(path))
        with im:
            im.load()
            w, h = im.size
        if w <= 0 or h <= 0:
            raise ValueError("empty image")
    except DocumentError:
        raise
    except Exception as exc:  # PIL raises many types for a corrupt file
        raise DocumentError(f"{what}_invalid", f"{path}: {exc}") from exc
    scale = min(max_w / w, max_h / h)
    img = Image(str(path), width=w * scale, height=h * scale)
    img.hAlign = "LEFT"
    return img


def table_style(commands: list[tuple]) -> TableStyle:
    """A TableStyle whose cells use the bundled font (ReportLab's default is base-14 Helvetica)."""
    base: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 9)]
    return TableStyle(base + list(commands))
