"""The PCC's statutory response (Police Act 1996 s.55) as an A4 PDF: English, Welsh or bilingual.

Bilingual layout: parallel columns, Welsh on the left (read first), English on the right, each
section aligned with its translation so a reader can move between them; headings, letterhead,
date and footer carry both languages, Welsh first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable, KeepTogether

from desktop.documents.errors import DocumentError
from desktop.documents.fonts import REGULAR, clean_text
from desktop.documents.labels import doc_date, label
from desktop.documents.layout import (
    Columns,
    Heading,
    Para,
    markup_flowables,
    plain,
    plain_flowables,
)
from desktop.documents.markup import plain_to_reportlab
from desktop.documents.model import (
    AssuranceText,
    DocLang,
    Lang,
    OfficeProfile,
    ResponseDocument,
    ResponseRecommendation,
    pick,
)
from desktop.documents.pdf_base import (
    MARGIN_X,
    PAGE_W,
    PAPER_TINT,
    RULE,
    Metadata,
    PageDecor,
    Styles,
    build_pdf,
    image_flowable,
    make_styles,
    no_cycle_collection,
    table_style,
)
from desktop.documents.tagging import Node, TaggedTable, tag

FRAME_W = PAGE_W - 2 * MARGIN_X
LANG_TAGS = {"en": "en-GB", "cy": "cy", "bilingual": "cy"}


def _esc(text: str) -> str:
    return plain_to_reportlab(text, clean_text)


def rec_heading(rec: ResponseRecommendation, lang: Lang) -> str:
    """ "Recommendation 2" / "Argymhelliad 2" (or cause of concern, area for improvement)."""
    return label(rec.kind, lang, n=rec.number)


class _Builder:
    def __init__(self, doc: ResponseDocument, office: OfficeProfile, bilingual: bool) -> None:
        self.doc = doc
        self.office = office
        self.bilingual = bilingual
        self.s: Styles = make_styles(9.2 if bilingual else 10.5)
        self.logo = image_flowable(office.logo_path, 55 * mm, 24 * mm, "logo")
        self.signature = image_flowable(office.signature_path, 50 * mm, 18 * mm, "signature")
        self.root = Node("Document")
        self.cur = self.root  # where new structure elements go

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def under(self, node: Node) -> Iterator[Node]:
        outer, self.cur = self.cur, node
        try:
            yield node
        finally:
            self.cur = outer

    def p(self, markup: str, style, role: str = "P", lang: str | None = None) -> Paragraph:  # noqa: ANN001
        """A paragraph of ReportLab markup, tagged as a new ``role`` element here."""
        return tag(Para(markup, style), self.cur.add(role, lang=lang))

    def section(self, make: Callable[[Lang], list[Flowable]], space: float = 0) -> list[Flowable]:
        """One section in the document's language, or side by side (Welsh left) when bilingual:
        then each column is a Div in its language, the Welsh one first in reading order."""
        if not self.bilingual:
            return make("en") if self._lang == "en" else make("cy")
        columns = []
        for lg in ("cy", "en"):
            with self.under(self.cur.add("Div", lang=LANG_TAGS[lg])):
                columns.append(make(lg))
        cols = Columns(
            columns,
            gap=8 * mm,
            space_before=space,
            space_after=self.s.body.spaceAfter,
        )
        return [cols]

    def outline_title(self, key_or_text: Callable[[Lang], str]) -> str:
        if self.bilingual:
            return f"{key_or_text('cy')} / {key_or_text('en')}"
        return key_or_text(self._lang)

    def heading(self, text: Callable[[Lang], str], lang: Lang, level: int = 0) -> Heading:
        # In bilingual columns only the Welsh heading carries the (bilingual) bookmark.
        outline = self.outline_title(text) if (not self.bilingual or lang == "cy") else None
        h = Heading(_esc(text(lang)), self.s.h2, outline=outline, level=level)
        return tag(h, self.cur.add("H2"))

    def subheading(self, text: str) -> Heading:
        return tag(Heading(_esc(text), self.s.h3), self.cur.add("H3"))

    def quoted_lang(self, obj: object, field: str, lang: Lang) -> str | None:
        """``en-GB`` where a Welsh text is the English wording quoted as it is (no Welsh version
        of the inspectorate's or the force's words): a screen reader reads it in English."""
        if lang != "cy":
            return None
        cy, en = pick(obj, field, "cy").strip(), pick(obj, field, "en").strip()
        return "en-GB" if cy and cy == en and any(c.isalpha() for c in cy) else None

    def figure(self, image: Flowable, alt_key: str, **values: object) -> Flowable:
        alt = label(alt_key, self._doc_lang, **values)
        return tag(image, self.cur.add("Figure", alt=alt))

    # -- parts -----------------------------------------------------------------------------

    def letterhead(self) -> list[Flowable]:
        o = self.office

        def block(lang: Lang, style) -> list[Flowable]:  # noqa: ANN001
            lg = LANG_TAGS[lang] if self.bilingual else None
            name = self.p(f"<b>{_esc(pick(o, 'office_name', lang))}</b>", style, lang=lg)
            address = tag(plain(pick(o, "address", lang), style), self.cur.add("P", lang=lg))
            return [name, address]

        s = self.s

        def logo() -> Flowable:
            if not self.logo:
                return Spacer(1, 1)
            name = pick(o, "office_name", self._doc_lang)
            return self.figure(self.logo, "logo_alt", office=name)

        # Reading order = visual order: left to right.
        if self.bilingual:
            left = block("cy", s.small)
            middle = logo()
            right = block("en", s.right)
            data = [[left, middle, right]]
            widths = [FRAME_W * 0.36, FRAME_W * 0.28, FRAME_W * 0.36]
            if self.logo:
                self.logo.hAlign = "CENTER"
        else:
            data = [[logo(), block(self._lang, s.right)]]
            widths = [FRAME_W * 0.45, FRAME_W * 0.55]
        # A layout table, not data: its cells are tagged as what they hold (P, Figure).
        t = TaggedTable(data, colWidths=widths)
        t.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("ALIGN", (1, 0), (1, 0), "CENTER" if self.bilingual else "RIGHT"),
                ]
            )
        )
        return [
            t,
            HRFlowable(
                width="100%", thickness=0.6, color=RULE, spaceBefore=4 * mm, spaceAfter=6 * mm
            ),
        ]

    def addressee_and_date(self) -> list[Flowable]:
        s = self.s

        def make(lang: Lang) -> list[Flowable]:
            return [
                tag(plain(pick(self.office, "addressee", lang), s.body), self.cur.add("P")),
                Spacer(1, 2 * mm),
                self.p(_esc(doc_date(self.doc.letter_date, lang)), s.body),
            ]

        return self.section(make) + [Spacer(1, 5 * mm)]

    def title_block(self) -> list[Flowable]:
        s, d, o = self.s, self.doc, self.office

        def make(lang: Lang) -> list[Flowable]:
            kicker = label("response_to", lang, pcc_title=pick(o, "pcc_title", lang))
            out: list[Flowable] = [
                self.p(_esc(kicker), s.kicker),
                *plain_flowables(pick(d, "report_title", lang), s.title, self.cur.add("H1")),
                self.p(
                    _esc(
                        label("report_published", lang, date=doc_date(d.report_published_on, lang))
                    ),
                    s.meta,
                ),
            ]
            if not d.is_draft and d.version > 1:
                out.append(self.p(_esc(label("version", lang, n=d.version)), s.meta))
            return out

        return self.section(make)

    def prose(self, field: str, key: str | None) -> list[Flowable]:
        """A free-text part under the heading ``key``. A draft marks a missing text; the closing
        (``key`` None, no heading) is optional, so an empty closing prints nothing at all."""
        s, d = self.s, self.doc
        written = any(pick(d, field, lang).strip() for lang in ("en", "cy"))
        if not written and (key is None or not d.is_draft):
            return []

        def make(lang: Lang) -> list[Flowable]:
            out: list[Flowable] = []
            if key is not None:
                out.append(self.heading(lambda lg: label(key, lg), lang))
            out += markup_flowables(
                pick(d, field, lang), s.body, s.bullet, self.missing(lang), parent=self.cur
            )
            return out

        with self.under(self.cur.add("Sect") if key is not None else self.cur):
            return self.section(make)

    def missing(self, lang: Lang) -> str | None:
        """What a draft prints for a text not written yet (a published response has none)."""
        return label("not_written", lang) if self.doc.is_draft else None

    def quote(self, text: str, lang: Lang, quoted: str | None) -> Columns:
        s = self.s
        block = self.cur.add("BlockQuote", lang=quoted)
        inner = markup_flowables(text, s.quote, s.quote_bullet, self.missing(lang), parent=block)
        return Columns([inner], indent=4 * mm, rule=RULE, space_before=1 * mm, space_after=3 * mm)

    def recommendation(self, rec: ResponseRecommendation) -> list[Flowable]:
        s, d = self.s, self.doc

        empty = self.missing

        def head(lang: Lang) -> list[Flowable]:
            out: list[Flowable] = [
                self.heading(lambda lg: rec_heading(rec, lg), lang),
                self.quote(pick(rec, "text", lang), lang, self.quoted_lang(rec, "text", lang)),
            ]
            for key, field in (("deadline", "deadline_text"), ("addressed_to", "addressees")):
                value = pick(rec, field, lang).strip()
                if value:
                    out.append(self.p(f"<b>{_esc(label(key, lang))}</b> {_esc(value)}", s.meta))
            if not rec.applies:
                reason = (
                    pick(rec, "not_applicable_reason", lang).strip() or self.missing(lang) or ""
                )
                out.append(
                    self.p(f"<b>{_esc(label('not_applicable', lang))}</b> {_esc(reason)}", s.meta)
                )
            return out

        def explanation(lang: Lang) -> list[Flowable]:
            out: list[Flowable] = [self.subheading(label("explanation", lang))]
            out += markup_flowables(
                pick(rec, "explanation", lang), s.body, s.bullet, empty(lang), parent=self.cur
            )
            return out

        def assurances(lang: Lang) -> list[Flowable]:
            out: list[Flowable] = [self.subheading(label("assurances", lang))]
            for a in rec.assurances:
                out += self.assurance(a, lang)
            return out

        with self.under(self.cur.add("Sect")):
            parts = self.section(head, space=4 * mm)
            if d.is_draft or rec.explanation_en.strip() or rec.explanation_cy.strip():
                parts += self.section(explanation)
            if rec.assurances:
                parts += self.section(assurances)
        return parts

    def assurance(self, a: AssuranceText, lang: Lang) -> list[Flowable]:
        s = self.s
        by = (a.given_by_cy or a.given_by) if lang == "cy" else a.given_by
        line = doc_date(a.given_on, lang) + (f" · {by}" if by else "")
        quoted = self.quoted_lang(a, "text", lang)
        return [self.p(_esc(line), s.meta)] + markup_flowables(
            pick(a, "text", lang),
            s.body,
            s.bullet,
            self.missing(lang),
            parent=self.cur,
            lang=quoted,
        )

    def signature_block(self) -> list[Flowable]:
        """Closing, signature and the statements box, kept together (the closing may push them
        all to a new page, so the statements never stand alone on the last one)."""
        s, o = self.s, self.office
        out: list[Flowable] = self.prose("closing", None)
        out.append(Spacer(1, 3 * mm))
        langs: list[Lang] = ["cy", "en"] if self.bilingual else [self._lang]
        out.append(self.p(_esc(" / ".join(label("yours_sincerely", lg) for lg in langs)), s.body))
        if self.signature:
            out.append(self.figure(self.signature, "signature_alt", name=o.pcc_name))
        else:
            out.append(Spacer(1, 12 * mm))
        out.append(self.p(f"<b>{_esc(o.pcc_name)}</b>", s.body))
        for lg in langs:
            other = LANG_TAGS[lg] if self.bilingual and lg != self._doc_lang else None
            out.append(self.p(_esc(pick(o, "pcc_title", lg)), s.meta, lang=other))
        return [KeepTogether(out + self.statements())]

    def statements(self) -> list[Flowable]:
        s, o = self.s, self.office
        rows: list[Flowable] = []
        if self.bilingual:
            for lg in ("cy", "en"):
                other = LANG_TAGS[lg] if lg != self._doc_lang else None
                rows.append(self.p(_esc(pick(o, "welsh_statement", lg)), s.small, lang=other))
        else:
            lg = self._lang
            rows.append(self.p(f"<b>{_esc(pick(o, 'other_language_statement', lg))}</b>", s.small))
            rows.append(self.p(_esc(pick(o, "welsh_statement", lg)), s.small))
        t = TaggedTable([[rows]], colWidths=[FRAME_W])  # a box around paragraphs, not data
        t.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), PAPER_TINT),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [Spacer(1, 8 * mm), t]

    def story(self, lang: DocLang) -> list[Flowable]:
        self._lang: Lang = "cy" if lang == "cy" else "en"
        self._doc_lang: Lang = "en" if lang == "en" else "cy"  # the bilingual letter is Welsh first
        story: list[Flowable] = []
        story += self.letterhead()
        story += self.addressee_and_date()
        story += self.title_block()
        story += self.prose("introduction", "introduction")
        for rec in self.doc.recommendations:
            story += self.recommendation(rec)
        story += self.prose("cc_comments", "cc_comments")
        story += self.prose("pcc_reply", "pcc_reply")
        story += self.signature_block()
        return story


def _fit(text: str, width: float, size: float) -> str:
    """``text`` cut (with "…") to fit ``width``: a binary search over a prefix no glyph can make
    longer than the line, so a very long title costs O(n log n), not a width per character."""
    # Few glyphs are narrower than a fifth of the font size: a longer prefix cannot fit.
    most = int(width / (size * 0.2)) + 2
    cut = len(text) > most
    text = clean_text(text[:most]).replace("\n", " ")
    if not cut and stringWidth(text, REGULAR, size) <= width:
        return text
    low, high = 0, len(text)  # text[:low] + "…" fits; text[:high] + "…" does not
    while high - low > 1:
        mid = (low + high) // 2
        if stringWidth(text[:mid] + "…", REGULAR, size) <= width:
            low = mid
        else:
            high = mid
    return text[:low].rstrip() + "…"


def render_response_pdf(
    doc: ResponseDocument, office: OfficeProfile, lang: DocLang, out: Path
) -> None:
    """Render the response to ``out`` (written atomically). Raises DocumentError."""
    if lang not in ("en", "cy", "bilingual"):
        raise DocumentError("bad_language", str(lang))
    with no_cycle_collection():
        _render(doc, office, lang, out)


def _render(doc: ResponseDocument, office: OfficeProfile, lang: DocLang, out: Path) -> None:
    bilingual = lang == "bilingual"
    builder = _Builder(doc, office, bilingual)
    story = builder.story(lang)

    def text(fn: Callable[[Lang], str]) -> str:
        if bilingual:
            return f"{fn('cy')} / {fn('en')}"
        return fn(lang)  # type: ignore[arg-type]

    title = text(
        lambda lg: (
            label("response_to", lg, pcc_title=pick(office, "pcc_title", lg))
            + " "
            + pick(doc, "report_title", lg)
        )
    )
    marking = ""
    watermark = ""
    if doc.is_draft:
        sec = text(lambda lg: office.security_marking_cy if lg == "cy" else office.security_marking)
        ver = text(lambda lg: label("draft_version", lg, n=doc.version))
        marking = f"{sec} · {ver}" if sec.strip(" /") else ver
        watermark = text(lambda lg: label("draft", lg))
    head_lang: Lang = "cy" if lang != "en" else "en"
    decor = PageDecor(
        footer=lambda page, pages: text(lambda lg: label("page_of", lg, page=page, pages=pages)),
        marking=marking,
        watermark=watermark,
        running_head=_fit(pick(doc, "report_title", head_lang), FRAME_W, 7.5),
    )
    meta = Metadata(
        title=title,
        author=office.pcc_name,
        subject=text(lambda lg: label("subject", lg)),
        lang=LANG_TAGS[lang],
    )
    build_pdf(
        story, out, meta, decor, builder.root, private=doc.is_draft
    )  # a draft is not public yet
