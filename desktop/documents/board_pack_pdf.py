"""The Policing Board pack: cover, agenda, recommendation status (RAG), open actions, minutes.

The public pack leaves exempt agenda items out entirely; the private pack keeps them, marks each
one, and carries the office's security marking on every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from desktop.documents.errors import DocumentError
from desktop.documents.fonts import BOLD, REGULAR, clean_text
from desktop.documents.labels import doc_date, label
from desktop.documents.layout import Heading, Para, markup_flowables
from desktop.documents.markup import plain_to_reportlab
from desktop.documents.model import BoardPack, Lang, OfficeProfile, pick
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

    def th(self, f: Flowable, scope: str = "Column", span: int = 1) -> Flowable:
        attrs: dict[str, object] = {"O": "Table", "Scope": scope}
        if span > 1:
            attrs["ColSpan"] = span
        return tag(f, self.tr.add("TH", attrs=attrs))

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


def render_board_pack_pdf(
    pack: BoardPack, office: OfficeProfile, lang: Lang, private: bool, out: Path
) -> None:
    """Render the pack to ``out`` atomically; ``private`` keeps exempt items. DocumentError."""
    if lang not in ("en", "cy"):
        raise DocumentError("bad_language", str(lang))
    with no_cycle_collection():
        _render(pack, office, lang, private, out)


def _render(pack: BoardPack, office: OfficeProfile, lang: Lang, private: bool, out: Path) -> None:
    s = make_styles(10)
    story: list[Flowable] = []
    root = Node("Document")

    def para(markup: str, style, parent: Node = root, role: str = "P") -> Paragraph:  # noqa: ANN001
        return tag(Para(markup, style), parent.add(role))

    title = pick(pack, "meeting_title", lang)
    when = doc_date(pack.meeting_date, lang)

    # Cover
    logo = image_flowable(office.logo_path, 60 * mm, 28 * mm, "logo")
    office_name = pick(office, "office_name", lang)
    if logo:
        story.append(tag(logo, root.add("Figure", alt=label("logo_alt", lang, office=office_name))))
    story += [
        Spacer(1, 6 * mm),
        para(_e(office_name), s.kicker),
        Spacer(1, 30 * mm),
        tag(Heading(_e(title), s.title, outline=f"{title}, {when}"), root.add("H1")),
        para(_e(label("board_pack", lang)), s.h2),
        HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=2 * mm, spaceAfter=4 * mm),
    ]
    facts = [(label("date", lang), when), (label("location", lang), pick(pack, "location", lang))]
    if pack.meeting_time:
        facts.insert(1, (label("time", lang), pack.meeting_time))
    facts_tags = TableTags(root)
    fact_rows = []
    for k, v in facts:
        facts_tags.row()
        fact_rows.append(
            [
                facts_tags.th(Para(f"<b>{_e(k)}</b>", s.body), scope="Row"),
                facts_tags.td(Para(_e(v), s.body)),
            ]
        )
    story.append(
        _table(
            fact_rows,
            [FRAME_W * 0.25, FRAME_W * 0.75],
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
            ],
        )
    )
    story.append(Spacer(1, 10 * mm))
    kind = label("private_pack" if private else "public_pack", lang)
    colour = "#B00020" if private else "#1F3A5F"
    story.append(para(f'<font color="{colour}"><b>{_e(kind)}</b></font>', s.body))
    story.append(PageBreak())

    # Agenda
    sect = root.add("Sect")
    story.append(
        tag(Heading(_e(label("agenda", lang)), s.h2, outline=label("agenda", lang)), sect.add("H2"))
    )
    tt = TableTags(sect)
    rows: list[list] = [
        tt.heads(
            [
                Para(_e(label("item", lang)), s.cell_head),
                Para(_e(label("agenda", lang)), s.cell_head),
                Para(_e(label("presenter", lang)), s.cell_head),
            ]
        )
    ]
    extra: list[tuple] = []
    for item in pack.agenda:
        if item.exempt and not private:
            continue
        tt.row()
        number = tt.td(Para(_e(item.number), s.cell))
        td = tt.td_node()
        cell = [para(_e(pick(item, "title", lang)), s.cell, td)]
        if item.exempt:
            cell.append(
                para(f'<font color="#B00020"><b>{_e(label("exempt", lang))}</b></font>', s.cell, td)
            )
            extra.append(
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#FCEBEE"))
            )
        if pick(item, "summary", lang).strip():
            cell += markup_flowables(pick(item, "summary", lang), s.cell, s.cell, parent=td)
        rows.append([number, cell, tt.td(Para(_e(item.presenter), s.cell))])
    heads = [_both(h) for h in ("item", "agenda", "presenter")]
    numbers = [[i.number for i in pack.agenda]]
    widths = fit_columns([0.1, 0.62, 0.28], numbers, 1, s.cell.fontSize, heads=heads)
    story.append(_table(rows, widths, extra))

    # Recommendation status
    sect = root.add("Sect")
    story.append(
        tag(
            Heading(_e(label("rec_status", lang)), s.h2, outline=label("rec_status", lang)),
            sect.add("H2"),
        )
    )
    if pack.recommendations:
        story.append(_status_table(pack, lang, sect))
    else:
        story.append(para(_e(label("no_recs", lang)), s.body, sect))

    # Open actions with their history
    sect = root.add("Sect")
    story.append(
        tag(
            Heading(_e(label("open_actions", lang)), s.h2, outline=label("open_actions", lang)),
            sect.add("H2"),
        )
    )
    if pack.actions:
        head = ["ref", "action", "owner", "due", "status"]
        tt = TableTags(sect)
        rows = [tt.heads([Para(_e(label(h, lang)), s.cell_head) for h in head])]
        extra = []
        for a in pack.actions:
            tt.row()
            rows.append(
                [
                    tt.th(Para(f"<b>{_e(a.ref)}</b>", s.cell), scope="Row"),
                    tt.td(Para(_e(pick(a, "text", lang)), s.cell), _quoted(a, "text", lang)),
                    tt.td(Para(_e(a.owner), s.cell)),
                    tt.td(Para(_action_due(a, lang), s.cell)),
                    tt.td(Para(_e(pick(a, "status", lang)), s.cell)),
                ]
            )
            if a.history:
                tt.row()
                tt.td_node()  # under the reference
                td = tt.td_node(span=4)
                lines = [para(f"<b>{_e(label('history', lang))}</b>", s.cell, td)]
                for h in a.history:
                    who = f" ({h.by})" if h.by else ""
                    lines.append(
                        para(
                            f"{_e(doc_date(h.on, lang))}{_e(who)}: {_e(pick(h, 'note', lang))}",
                            s.cell,
                            td,
                        )
                    )
                n = len(rows)
                rows.append(["", lines, "", "", ""])
                extra += [
                    ("SPAN", (1, n), (4, n)),
                    ("BACKGROUND", (1, n), (4, n), colors.HexColor("#F2F5F9")),
                ]
        words = [
            [],
            [],
            [a.owner for a in pack.actions],
            [d for a in pack.actions for d in _dates(a.due_on)],
            [t for a in pack.actions for t in (a.status_en, a.status_cy)],
        ]
        heads = [_both(h) for h in head]
        heads[0] += [a.ref for a in pack.actions]  # printed in bold
        widths = fit_columns([0.14, 0.44, 0.18, 0.12, 0.12], words, 1, s.cell.fontSize, heads=heads)
        story.append(_table(rows, widths, extra))
    else:
        story.append(para(_e(label("none_open", lang)), s.body, sect))

    # Previous minutes
    minutes = pick(pack, "previous_minutes", lang)
    if minutes.strip():
        story.append(PageBreak())
        head_text = label("previous_minutes", lang)
        sect = root.add("Sect")
        story.append(tag(Heading(_e(head_text), s.h2, outline=head_text), sect.add("H2")))
        if pack.previous_meeting_date:
            story.append(
                para(
                    _e(
                        label(
                            "previous_minutes_of",
                            lang,
                            date=doc_date(pack.previous_meeting_date, lang),
                        )
                    ),
                    s.meta,
                    sect,
                )
            )
        story += markup_flowables(minutes, s.body, s.bullet, parent=sect)

    marking = ""
    if private:
        marking = office.security_marking_cy if lang == "cy" else office.security_marking
    decor = PageDecor(
        footer=lambda page, pages: label("page_of", lang, page=page, pages=pages),
        marking=marking,
        watermark=label("draft", lang) if pack.is_draft else "",
        running_head=f"{title} · {when} · {label('board_pack', lang)}",
    )
    meta = Metadata(
        title=f"{title}, {when}: {label('board_pack', lang)}",
        author=pick(office, "office_name", lang),
        subject=kind,
        lang="cy" if lang == "cy" else "en-GB",
    )
    build_pdf(story, out, meta, decor, root, private=private)  # exempt items: 0600


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


def _status_table(pack: BoardPack, lang: Lang, parent: Node) -> Table:
    """The recommendations on the agenda, grouped under the short title of their report (in a
    smaller type than the other tables: seven columns share the page width)."""
    s = make_styles(STATUS_BODY_SIZE)
    head = ["ref", "recommendation_col", "due", "planned_closure", "owner", "status", "rag"]
    tt = TableTags(parent)
    rows: list[list] = [tt.heads([Para(_e(label(h, lang)), s.cell_head) for h in head])]
    extra: list[tuple] = []
    groups: dict[str, list] = {}
    for r in pack.recommendations:
        groups.setdefault(r.report_en, []).append(r)
    for report, recs in groups.items():
        if report:
            n = len(rows)
            title = pick(recs[0], "report", lang) or report
            tt.row()
            group = tt.th(Para(f"<b>{_e(title)}</b>", s.cell), scope="Row", span=7)
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
                    tt.td(Para(_e(pick(r, "text", lang)), s.cell), _quoted(r, "text", lang)),
                    tt.td(Para(_e(_due(r, lang)), s.cell)),
                    tt.td(Para(_e(_date(r.planned_closure, lang)), s.cell)),
                    tt.td(Para(_e(r.owner), s.cell)),
                    tt.td(Para(_e(pick(r, "status", lang)), s.cell)),
                    # The RAG word is the cell's text: the colour is never the only sign.
                    tt.td(
                        Para(
                            f'<font color="{hexfg}"><b>{_e(label(r.rag, lang))}</b></font>', s.cell
                        )
                    ),
                ]
            )
    recs = pack.recommendations
    words = [
        [r.ref for r in recs],
        [],
        [d for r in recs for d in _dates(r.due_on)],
        [d for r in recs for d in _dates(r.planned_closure)],
        [r.owner for r in recs],
        [t for r in recs for t in (r.status_en, r.status_cy)],
    ]
    heads = [_both(h) for h in head]
    heads[6] += [w for r in recs for w in _both(r.rag)]  # printed in bold
    fractions = [0.08, 0.29, 0.12, 0.13, 0.14, 0.13, 0.11]
    widths = fit_columns(fractions, words, 1, s.cell.fontSize, heads=heads, whole=(0,))
    return _table(rows, widths, extra)


__all__ = ["fit_columns", "render_board_pack_pdf"]
