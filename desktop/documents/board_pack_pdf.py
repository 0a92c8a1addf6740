"""The Policing Board pack: cover, agenda, recommendation status (RAG), open actions, minutes.

The public pack leaves exempt agenda items out entirely; the private pack keeps them, marks each
one, and carries the office's security marking on every page.

In English, in Welsh, or bilingual. The bilingual pack is Welsh first, as the Welsh Language
Standards ask: headings, the cover's title and the minutes sit side by side, Welsh on the left
(as in the bilingual letter); in the tables each cell holds the Welsh above the English, so a
member reading either language finds an item on the same page as a colleague reading the other.
Every English block is tagged ``en-GB`` in a pack whose language is Welsh.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from desktop.documents.errors import DocumentError
from desktop.documents.fonts import BOLD, REGULAR, clean_text
from desktop.documents.labels import doc_date, label
from desktop.documents.layout import Columns, Heading, Para, markup_flowables
from desktop.documents.markup import plain_to_reportlab
from desktop.documents.model import BoardPack, DocLang, Lang, OfficeProfile, name_in, pick
from desktop.documents.pdf_base import (
    MARGIN_X,
    NAVY,
    PAGE_W,
    RULE,
    Metadata,
    PageDecor,
    build_pdf,
    image_flowable,
    make_styles,
    no_cycle_collection,
    table_style,
)
from desktop.documents.tagging import Node, TaggedTable, tag

FRAME_W = PAGE_W - 2 * MARGIN_X
RAG_COLOURS = {
    "red": (colors.HexColor("#C62828"), colors.white),
    "amber": (colors.HexColor("#F2A900"), colors.black),
    "green": (colors.HexColor("#2E7D32"), colors.white),
    "grey": (colors.HexColor("#9E9E9E"), colors.black),
}
EXEMPT_RED = colors.HexColor("#B00020")
GROUP_TINT = colors.HexColor("#E4EAF2")
STATUS_BODY_SIZE = 8.8  # the status table's cells are 7.5 pt


def _e(text: str) -> str:
    return plain_to_reportlab(text, clean_text)


def _date(d, lang: Lang) -> str:  # noqa: ANN001
    return doc_date(d, lang) if d else "—"


PAD = 4  # left and right cell padding (points)


def _longest_word(texts: Iterable[str], font: str, size: float) -> float:
    # Split where ReportLab breaks lines (spaces, line breaks); a no-break space joins.
    words = (w.replace("\u00a0", " ") for t in texts for w in re.split(r"[ \t\n]+", clean_text(t)))
    return max((stringWidth(w, font, size) for w in words), default=0.0)


def fit_columns(
    fractions: Sequence[float],
    words: Sequence[Iterable[str]],
    flexible: int,
    size: float,
    *,
    heads: Sequence[Iterable[str]] = (),
    whole: Sequence[int] = (),
) -> list[float]:
    """Column widths from ``fractions`` of the frame, widened where needed so that the longest
    word of each column (``words``, in bold ``heads``; both languages, so English and Welsh packs
    share one layout) fits on a line: words wrap only at spaces. A column in ``whole`` (refs such
    as "CoC 1.1") fits each of its texts whole. The ``flexible`` column gives up the width the
    others need."""
    widths = [FRAME_W * f for f in fractions]
    for i in range(len(widths)):
        texts = list(words[i]) if i < len(words) else []
        if i in whole:
            texts = [t.replace(" ", "\u00a0") for t in texts]
        need = _longest_word(texts, REGULAR, size)
        if i < len(heads):
            need = max(need, _longest_word(heads[i], BOLD, size))
        widths[i] = max(widths[i], need + 2 * PAD + 1)
    widths[flexible] -= sum(widths) - FRAME_W
    if widths[flexible] < FRAME_W * 0.15:
        raise DocumentError("layout", "the board pack's table columns do not fit the page")
    return widths


def _both(key: str, **values: object) -> list[str]:
    return [label(key, lg, **values) for lg in ("en", "cy")]


def _dates(d) -> list[str]:  # noqa: ANN001
    return [_date(d, lg) for lg in ("en", "cy")]


class TableTags:
    """The Table / TR / TH / TD elements of a data table, made row by row with its cells."""

    def __init__(self, parent: Node) -> None:
        self.node = parent.add("Table")
        self.tr = self.node

    def row(self) -> None:
        self.tr = self.node.add("TR")

    def th_node(self, scope: str = "Column", span: int = 1, lang: str | None = None) -> Node:
        attrs: dict[str, object] = {"O": "Table", "Scope": scope}
        if span > 1:
            attrs["ColSpan"] = span
        return self.tr.add("TH", lang=lang, attrs=attrs)

    def th(self, f: Flowable, scope: str = "Column", span: int = 1) -> Flowable:
        return tag(f, self.th_node(scope, span))

    def td_node(self, span: int = 1, lang: str | None = None) -> Node:
        return self.tr.add(
            "TD", lang=lang, attrs={"O": "Table", "ColSpan": span} if span > 1 else None
        )

    def td(self, f: Flowable, lang: str | None = None) -> Flowable:
        return tag(f, self.td_node(lang=lang))

    def heads(self, flowables: list[Flowable]) -> list[Flowable]:
        self.row()
        return [self.th(f) for f in flowables]


def _quoted(obj: object, field: str, lang: Lang) -> str | None:
    """``en-GB`` for a Welsh pack's text that is the English wording (no Welsh version yet)."""
    if lang != "cy":
        return None
    cy, en = pick(obj, field, "cy").strip(), pick(obj, field, "en").strip()
    return "en-GB" if cy and cy == en and any(c.isalpha() for c in cy) else None


def _table(data: list[list], widths: list[float], extra: list[tuple] | None = None) -> Table:
    t = TaggedTable(data, colWidths=widths, repeatRows=1)
    cmds: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    t.setStyle(table_style(cmds + (extra or [])))
    return t


LANG_TAGS = {"en": "en-GB", "cy": "cy"}
Make = Callable[[Lang], str]
CELL_GAP = 3  # points between the Welsh and the English in a bilingual table cell  # the ReportLab markup of a text in one language


def render_board_pack_pdf(
    pack: BoardPack, office: OfficeProfile, lang: DocLang, private: bool, out: Path
) -> None:
    """Render the pack to ``out`` atomically in ``lang`` ("en", "cy" or "bilingual", Welsh
    first); ``private`` keeps exempt items. DocumentError."""
    if lang not in ("en", "cy", "bilingual"):
        raise DocumentError("bad_language", str(lang))
    with no_cycle_collection():
        _Builder(pack, office, lang, private).build(out)


class _Builder:
    """The pack's story and structure tree, in one language or in both."""

    def __init__(self, pack: BoardPack, office: OfficeProfile, lang: DocLang, private: bool):
        self.pack, self.office, self.private = pack, office, private
        self.bilingual = lang == "bilingual"
        self.langs: list[Lang] = ["cy", "en"] if self.bilingual else [lang]  # type: ignore[list-item]
        self.doc_lang: Lang = "en" if lang == "en" else "cy"
        self.s = make_styles(10)
        self.root = Node("Document")
        self.story: list[Flowable] = []

    # -- text in the pack's languages ---------------------------------------------------------

    def words(self, make: Make) -> str:
        """One line in every language of the pack: "Tudalen 1 o 3 / Page 1 of 3"."""
        return " / ".join(dict.fromkeys(make(lg) for lg in self.langs))

    def texts(self, make: Make) -> list[tuple[Lang, str]]:
        """``make`` in each language of the pack, Welsh first; once where both are the same
        (a reference, a person's name, a time)."""
        out = [(lg, make(lg)) for lg in self.langs]
        return out[:1] if len(out) == 2 and out[0][1] == out[1][1] else out

    def other(self, lg: Lang, count: int) -> str | None:
        """The ``lang`` of a block in language ``lg``: set where it is not the document's."""
        return LANG_TAGS[lg] if count > 1 and lg != self.doc_lang else None

    def para(self, markup: str, style, parent: Node, role: str = "P", lang: str | None = None):  # noqa: ANN001, ANN201
        return tag(Para(markup, style), parent.add(role, lang=lang))

    def paras(self, make: Make, style, parent: Node) -> list[Flowable]:  # noqa: ANN001
        """A paragraph in each language, under ``parent``, Welsh first."""
        texts = self.texts(make)
        return [self.para(t, style, parent, lang=self.other(lg, len(texts))) for lg, t in texts]

    def cell(self, tt: TableTags, make: Make, style, quoted: tuple[object, str] | None = None):  # noqa: ANN001, ANN201
        """A TD: ``make`` in one language, or in each (Welsh above English) as P elements.
        ``quoted``: (record, field) whose Welsh may be the English wording (tagged en-GB)."""
        texts = self.texts(make)
        if len(texts) == 1:
            lg, text = texts[0]
            lang = _quoted(quoted[0], quoted[1], lg) if quoted else None
            return tt.td(Para(text, style), lang)
        node = tt.td_node()
        welsh, english = (self.para(t, style, node, lang=self.other(lg, 2)) for lg, t in texts)
        return [welsh, Spacer(1, CELL_GAP), english]

    def head_cell(self, tt: TableTags, make: Make, style, scope: str = "Column", span: int = 1):  # noqa: ANN001, ANN201
        texts = self.texts(make)
        if len(texts) == 1:
            return tt.th(Para(texts[0][1], style), scope, span)
        node = tt.th_node(scope, span)
        return [self.para(t, style, node, lang=self.other(lg, 2)) for lg, t in texts]

    def heading(
        self, make: Make, style, parent: Node, role: str = "H2", outline: Make | None = None
    ) -> list[Flowable]:  # noqa: ANN001
        """A heading; bilingual, the Welsh and the English side by side (Welsh left), each its
        own heading element, the Welsh one carrying the bookmark (``outline``) for both."""
        outline = self.words(outline or make)
        if not self.bilingual:
            return [tag(Heading(_e(make(self.langs[0])), style, outline=outline), parent.add(role))]
        columns = [
            [
                tag(
                    Heading(_e(make(lg)), style, outline=outline if lg == "cy" else None),
                    parent.add(role, lang=self.other(lg, 2)),
                )
            ]
            for lg in self.langs
        ]
        cols = Columns(columns, gap=8 * mm, space_before=style.spaceBefore)
        cols.keepWithNext = 1
        return [cols]

    def side_by_side(self, make: Callable[[Lang, Node], list[Flowable]], parent: Node):  # noqa: ANN201
        """Prose in the pack's language; bilingual, a Welsh and an English column (Divs)."""
        if not self.bilingual:
            return make(self.langs[0], parent)
        columns = [make(lg, parent.add("Div", lang=LANG_TAGS[lg])) for lg in self.langs]
        return [Columns(columns, gap=8 * mm, space_after=self.s.body.spaceAfter)]

    def section(self, key: str) -> Node:
        sect = self.root.add("Sect")
        self.story += self.heading(lambda lg: label(key, lg), self.s.h2, sect)
        return sect

    # -- the pack -----------------------------------------------------------------------------

    def build(self, out: Path) -> None:
        self.cover()
        self.agenda()
        self.status()
        self.actions()
        self.minutes()
        pack, office, private = self.pack, self.office, self.private
        title = self.words(lambda lg: pick(pack, "meeting_title", lg))
        when = self.words(lambda lg: doc_date(pack.meeting_date, lg))
        marking = ""
        if private:
            marking = self.words(
                lambda lg: office.security_marking_cy if lg == "cy" else office.security_marking
            )
        kind = self.words(lambda lg: label("private_pack" if private else "public_pack", lg))
        pack_word = self.words(lambda lg: label("board_pack", lg))
        running = f"{title} · {when} · {pack_word}"
        if stringWidth(running, REGULAR, 7.5) > FRAME_W:  # a bilingual head too long: Welsh
            running = f"{pick(pack, 'meeting_title', self.doc_lang)} · {when}"
        decor = PageDecor(
            footer=lambda page, pages: self.words(
                lambda lg: label("page_of", lg, page=page, pages=pages)
            ),
            marking=marking,
            watermark=self.words(lambda lg: label("draft", lg)) if pack.is_draft else "",
            running_head=running,
        )
        meta = Metadata(
            title=f"{title}, {when}: {pack_word}",
            author=self.words(lambda lg: pick(office, "office_name", lg)),
            subject=kind,
            lang=LANG_TAGS[self.doc_lang],
        )
        build_pdf(self.story, out, meta, decor, self.root, private=private)  # exempt: 0600

    def cover(self) -> None:
        s, root, pack, office = self.s, self.root, self.pack, self.office
        logo = image_flowable(office.logo_path, 60 * mm, 28 * mm, "logo")
        if logo:
            alt = label(
                "logo_alt", self.doc_lang, office=pick(office, "office_name", self.doc_lang)
            )
            self.story.append(tag(logo, root.add("Figure", alt=alt)))
        self.story.append(Spacer(1, 6 * mm))
        self.story += self.side_by_side(
            lambda lg, node: [self.para(_e(pick(office, "office_name", lg)), s.kicker, node)], root
        )
        self.story.append(Spacer(1, 30 * mm))
        self.story += self.heading(
            lambda lg: pick(pack, "meeting_title", lg),
            s.title,
            root,
            "H1",
            outline=lambda lg: (
                f"{pick(pack, 'meeting_title', lg)}, {doc_date(pack.meeting_date, lg)}"
            ),
        )
        self.story += self.side_by_side(
            lambda lg, node: [self.para(_e(label("board_pack", lg)), s.h2, node)], root
        )
        self.story.append(
            HRFlowable(
                width="100%", thickness=0.8, color=RULE, spaceBefore=2 * mm, spaceAfter=4 * mm
            )
        )
        facts: list[tuple[str, Make]] = [
            ("date", lambda lg: _e(doc_date(pack.meeting_date, lg))),
            ("location", lambda lg: _e(pick(pack, "location", lg))),
        ]
        if pack.meeting_time:
            facts.insert(1, ("time", lambda _lg: _e(pack.meeting_time)))
        tt = TableTags(root)
        rows = []
        for key, value in facts:
            # bilingual: a row per language, Welsh first, each row's words tagged with its language
            for lg in self.langs:
                tt.row()
                lang = self.other(lg, len(self.langs))
                rows.append(
                    [
                        tag(
                            Para(f"<b>{_e(label(key, lg))}</b>", s.body),
                            tt.th_node("Row", lang=lang),
                        ),
                        tt.td(Para(value(lg), s.body), lang),
                    ]
                )
        plain_table = [
            ("BACKGROUND", (0, 0), (-1, 0), colors.white),
            ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
        ]
        self.story.append(_table(rows, [FRAME_W * 0.25, FRAME_W * 0.75], plain_table))
        self.story.append(Spacer(1, 10 * mm))
        key = "private_pack" if self.private else "public_pack"
        colour = "#B00020" if self.private else "#1F3A5F"
        self.story += self.paras(
            lambda lg: f'<font color="{colour}"><b>{_e(label(key, lg))}</b></font>', s.body, root
        )
        self.story.append(PageBreak())

    def agenda(self) -> None:
        s, pack = self.s, self.pack
        sect = self.section("agenda")
        tt = TableTags(sect)
        tt.row()
        rows: list[list] = [
            [
                self.head_cell(tt, lambda lg, h=h: _e(label(h, lg)), s.cell_head)
                for h in ("item", "agenda", "presenter")
            ]
        ]
        extra: list[tuple] = []
        for item in pack.agenda:
            if item.exempt and not self.private:
                continue
            tt.row()
            number = tt.td(Para(_e(item.number), s.cell))
            td = tt.td_node()
            cell: list[Flowable] = []
            for lg in self.langs:
                # bilingual: a Div per language in the cell, Welsh first
                node = td.add("Div", lang=LANG_TAGS[lg]) if self.bilingual else td
                if cell:
                    cell.append(Spacer(1, CELL_GAP))
                cell.append(self.para(_e(pick(item, "title", lg)), s.cell, node))
                if item.exempt:
                    exempt = f'<font color="#B00020"><b>{_e(label("exempt", lg))}</b></font>'
                    cell.append(self.para(exempt, s.cell, node))
                summary = pick(item, "summary", lg)
                if summary.strip():
                    cell += markup_flowables(summary, s.cell, s.cell, parent=node)
            if item.exempt:
                extra.append(
                    ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#FCEBEE"))
                )
            presenter = self.cell(tt, lambda lg, i=item: _e(name_in(i, "presenter", lg)), s.cell)
            rows.append([number, cell, presenter])
        heads = [_both(h) for h in ("item", "agenda", "presenter")]
        numbers = [[i.number for i in pack.agenda]]
        widths = fit_columns([0.1, 0.62, 0.28], numbers, 1, s.cell.fontSize, heads=heads)
        self.story.append(_table(rows, widths, extra))

    def status(self) -> None:
        sect = self.section("rec_status")
        if self.pack.recommendations:
            self.story.append(self.status_table(sect))
        else:
            self.story += self.paras(lambda lg: _e(label("no_recs", lg)), self.s.body, sect)

    def status_table(self, parent: Node) -> Table:
        """The recommendations on the agenda, grouped under the short title of their report (in
        a smaller type than the other tables: seven columns share the page width)."""
        s = make_styles(STATUS_BODY_SIZE)
        head = ["ref", "recommendation_col", "due", "planned_closure", "owner", "status", "rag"]
        tt = TableTags(parent)
        tt.row()
        rows: list[list] = [
            [self.head_cell(tt, lambda lg, h=h: _e(label(h, lg)), s.cell_head) for h in head]
        ]
        extra: list[tuple] = []
        groups: dict[str, list] = {}
        for r in self.pack.recommendations:
            groups.setdefault(r.report_en, []).append(r)
        for report, recs in groups.items():
            if report:
                n = len(rows)
                first = recs[0]
                tt.row()
                group = self.head_cell(
                    tt,
                    lambda lg, r=first, t=report: f"<b>{_e(pick(r, 'report', lg) or t)}</b>",
                    s.cell,
                    "Row",
                    7,
                )
                rows.append([group, "", "", "", "", "", ""])
                extra += [
                    ("SPAN", (0, n), (-1, n)),
                    ("BACKGROUND", (0, n), (-1, n), GROUP_TINT),
                    ("NOSPLIT", (0, n), (-1, n + 1)),  # the report's name stays with its first row
                ]
            for r in recs:
                bg, fg = RAG_COLOURS.get(r.rag, RAG_COLOURS["grey"])
                hexfg = "#FFFFFF" if fg == colors.white else "#000000"
                extra.append(("BACKGROUND", (6, len(rows)), (6, len(rows)), bg))
                tt.row()
                rows.append(
                    [
                        tt.th(Para(_e(r.ref), s.cell), scope="Row"),
                        self.cell(tt, lambda lg, r=r: _e(pick(r, "text", lg)), s.cell, (r, "text")),
                        self.cell(tt, lambda lg, r=r: _e(_due(r, lg)), s.cell),
                        self.cell(tt, lambda lg, r=r: _e(_date(r.planned_closure, lg)), s.cell),
                        self.cell(tt, lambda lg, r=r: _e(name_in(r, "owner", lg)), s.cell),
                        self.cell(tt, lambda lg, r=r: _e(pick(r, "status", lg)), s.cell),
                        # The RAG word is the cell's text: the colour is never the only sign.
                        self.cell(
                            tt,
                            lambda lg, r=r, c=hexfg: (
                                f'<font color="{c}"><b>{_e(label(r.rag, lg))}</b></font>'
                            ),
                            s.cell,
                        ),
                    ]
                )
        recs = self.pack.recommendations
        words = [
            [r.ref for r in recs],
            [],
            [d for r in recs for d in _dates(r.due_on)],
            [d for r in recs for d in _dates(r.planned_closure)],
            [n for r in recs for n in (r.owner, r.owner_cy)],
            [t for r in recs for t in (r.status_en, r.status_cy)],
        ]
        heads = [_both(h) for h in head]
        heads[6] += [w for r in recs for w in _both(r.rag)]  # printed in bold
        fractions = [0.08, 0.29, 0.12, 0.13, 0.14, 0.13, 0.11]
        widths = fit_columns(fractions, words, 1, s.cell.fontSize, heads=heads, whole=(0,))
        return _table(rows, widths, extra)

    def actions(self) -> None:
        s, pack = self.s, self.pack
        sect = self.section("open_actions")
        if not pack.actions:
            self.story += self.paras(lambda lg: _e(label("none_open", lg)), s.body, sect)
            return
        head = ["ref", "action", "owner", "due", "status"]
        tt = TableTags(sect)
        tt.row()
        rows: list[list] = [
            [self.head_cell(tt, lambda lg, h=h: _e(label(h, lg)), s.cell_head) for h in head]
        ]
        extra: list[tuple] = []
        for a in pack.actions:
            tt.row()
            rows.append(
                [
                    tt.th(Para(f"<b>{_e(a.ref)}</b>", s.cell), scope="Row"),
                    self.cell(tt, lambda lg, a=a: _e(pick(a, "text", lg)), s.cell, (a, "text")),
                    self.cell(tt, lambda lg, a=a: _e(name_in(a, "owner", lg)), s.cell),
                    self.cell(tt, lambda lg, a=a: _action_due(a, lg), s.cell),
                    self.cell(tt, lambda lg, a=a: _e(pick(a, "status", lg)), s.cell),
                ]
            )
            if a.history:
                tt.row()
                tt.td_node()  # under the reference
                td = tt.td_node(span=4)
                lines: list[Flowable] = []
                for lg in self.langs:
                    node = td.add("Div", lang=LANG_TAGS[lg]) if self.bilingual else td
                    if lines:
                        lines.append(Spacer(1, CELL_GAP))
                    lines.append(self.para(f"<b>{_e(label('history', lg))}</b>", s.cell, node))
                    for h in a.history:
                        by = name_in(h, "by", lg)
                        who = f" ({by})" if by else ""
                        line = f"{doc_date(h.on, lg)}{who}: {pick(h, 'note', lg)}"
                        lines.append(self.para(_e(line), s.cell, node))
                n = len(rows)
                rows.append(["", lines, "", "", ""])
                extra += [
                    ("SPAN", (1, n), (4, n)),
                    ("BACKGROUND", (1, n), (4, n), colors.HexColor("#F2F5F9")),
                ]
        words = [
            [],
            [],
            [n for a in pack.actions for n in (a.owner, a.owner_cy)],
            [d for a in pack.actions for d in _dates(a.due_on)],
            [t for a in pack.actions for t in (a.status_en, a.status_cy)],
        ]
        heads = [_both(h) for h in head]
        heads[0] += [a.ref for a in pack.actions]  # printed in bold
        widths = fit_columns([0.14, 0.44, 0.18, 0.12, 0.12], words, 1, s.cell.fontSize, heads=heads)
        self.story.append(_table(rows, widths, extra))

    def minutes(self) -> None:
        s, pack = self.s, self.pack
        if not any(pick(pack, "previous_minutes", lg).strip() for lg in self.langs):
            return
        self.story.append(PageBreak())
        sect = self.section("previous_minutes")

        def make(lg: Lang, node: Node) -> list[Flowable]:
            out: list[Flowable] = []
            if pack.previous_meeting_date:
                when = doc_date(pack.previous_meeting_date, lg)
                out.append(self.para(_e(label("previous_minutes_of", lg, date=when)), s.meta, node))
            out += markup_flowables(
                pick(pack, "previous_minutes", lg), s.body, s.bullet, parent=node
            )
            return out

        self.story += self.side_by_side(make, sect)


def _due(r, lang: Lang) -> str:  # noqa: ANN001 - a RecommendationStatusRow
    """The effective due date, marked when it is not the date HMICFRS's wording gives."""
    text = _date(r.due_on, lang)
    return label("due_corrected", lang, date=text) if r.due_corrected and r.due_on else text


def _action_due(a, lang: Lang) -> str:  # noqa: ANN001 - an ActionRow
    """The due date as markup; past due by the meeting, in bold red with "(overdue)"."""
    text = _e(_date(a.due_on, lang))
    if not (a.overdue and a.due_on):
        return text
    return f'<font color="#B3261E"><b>{_e(label("due_overdue", lang, date=_date(a.due_on, lang)))}</b></font>'


__all__ = ["fit_columns", "render_board_pack_pdf"]
