"""Platypus building blocks shared by the response and the board pack.

* :class:`Heading` - a paragraph that never splits and adds a PDF bookmark where it is drawn.
* :class:`Columns` - side-by-side stacks of flowables that split across pages together; used for
  Welsh/English parallel columns and, with one column and a rule, for quoted recommendation text.
* :func:`markup_flowables` - the stored markup (see :mod:`markup`) as paragraphs and bullets.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from desktop.documents import markup
from desktop.documents.fonts import clean_text
from desktop.documents.tagging import CONTAINER, TAG, Node, artifact, draw_tagged, split_tagged, tag

_keys = itertools.count(1)


class Para(Paragraph):
    """A paragraph that breaks its lines once per width: ReportLab wraps a heading and what
    follows it again and again to keep them together, and line breaking is most of the cost."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.__dict__.get("_wrapped_at") == availWidth and "blPara" in self.__dict__:
            self.width = availWidth
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


class Heading(Para):
    """A heading: kept with what follows, never split, optionally a bookmark (outline entry)."""

    def __init__(self, text: str, style, outline: str | None = None, level: int = 0) -> None:  # noqa: ANN001
        super().__init__(text, style)
        self.outline = clean_text(outline) if outline else None
        self.outline_level = level

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []

    def draw(self) -> None:
        super().draw()
        if self.outline:
            key = f"h{next(_keys)}"
            self.canv.bookmarkHorizontal(key, 0, self.height + 4)
            self.canv.addOutlineEntry(self.outline, key, level=self.outline_level, closed=False)


def _measure(f: Flowable, width: float) -> float:
    """``f``'s height at ``width``, wrapping once: re-breaking a long paragraph is what costs."""
    fresh = not isinstance(f, Paragraph) or hasattr(f, "blPara")
    if fresh and getattr(f, "_craffu_width", None) == width:
        return f._craffu_height  # type: ignore[attr-defined]
    _, h = f.wrap(width, 1e9)
    f._craffu_width = width  # type: ignore[attr-defined]
    f._craffu_height = h  # type: ignore[attr-defined]
    return h


def _stack_height(items: Sequence[Flowable], width: float, limit: float = 1e9) -> float:
    """Height of a stacked column; stops early once past ``limit`` (the caller will split)."""
    total = 0.0
    last = len(items) - 1
    for i, f in enumerate(items):
        h = _measure(f, width)
        total += h
        if total > limit:
            return total
        if i > 0:
            total += f.getSpaceBefore()
        if i < last:
            total += f.getSpaceAfter()
    return total


def _keeps_with_next(f: Flowable) -> bool:
    return isinstance(f, Heading) or bool(getattr(f, "keepWithNext", False))


class Columns(Flowable):
    """Columns of flowables laid side by side, split across pages column by column.

    ``fractions`` gives each column's share of the width after gaps. ``rule`` draws a thin
    vertical line at the left of the block and ``indent`` keeps the content clear of it.
    """

    def __init__(
        self,
        columns: Sequence[Sequence[Flowable]],
        fractions: Sequence[float] | None = None,
        gap: float = 14.0,
        indent: float = 0.0,
        rule: colors.Color | None = None,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.columns = [list(c) for c in columns]
        n = len(self.columns)
        self.fractions = list(fractions) if fractions else [1.0 / n] * n
        self.gap = gap
        self.indent = indent
        self.rule = rule
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._heights: list[float] = []
        setattr(self, TAG, CONTAINER)  # each column's flowables tag themselves

    def _widths(self, avail: float) -> list[float]:
        usable = avail - self.indent - self.gap * (len(self.columns) - 1)
        return [usable * f for f in self.fractions]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        widths = self._widths(availWidth)
        self._heights = [
            _stack_height(c, w, availHeight) for c, w in zip(self.columns, widths, strict=True)
        ]
        self.height = max(self._heights, default=0.0)
        return availWidth, self.height

    def draw(self) -> None:
        widths = self._widths(self.width)
        x = self.indent
        for col, w in zip(self.columns, widths, strict=True):
            y = self.height
            for i, f in enumerate(col):
                h = _measure(f, w)
                if i > 0:
                    y -= f.getSpaceBefore()
                y -= h
                draw_tagged(f, self.canv, x, y)
                y -= f.getSpaceAfter()
            x += w + self.gap
        if self.rule is not None:
            with artifact(self.canv):
                self.canv.saveState()
                self.canv.setStrokeColor(self.rule)
                self.canv.setLineWidth(2)
                self.canv.line(1, 0, 1, self.height)
                self.canv.restoreState()

    def _split_column(
        self, col: list[Flowable], width: float, avail: float
    ) -> tuple[list[Flowable], list[Flowable]]:
        taken: list[Flowable] = []
        used = 0.0
        for i, f in enumerate(col):
            before = f.getSpaceBefore() if taken else 0.0
            h = _measure(f, width)
            if used + before + h <= avail + 1e-6:
                taken.append(f)
                used += before + h + f.getSpaceAfter()
                continue
            room = avail - used - before
            parts = split_tagged(f, width, room) if room > 0 else []
            if len(parts) >= 2:
                taken.append(parts[0])
                rest = list(parts[1:]) + col[i + 1 :]
            else:
                rest = col[i:]
            while taken and _keeps_with_next(taken[-1]):
                rest.insert(0, taken.pop())
            return taken, rest
        return taken, []

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        widths = self._widths(availWidth)
        firsts: list[list[Flowable]] = []
        rests: list[list[Flowable]] = []
        for col, w in zip(self.columns, widths, strict=True):
            a, b = self._split_column(col, w, availHeight)
            firsts.append(a)
            rests.append(b)
        if not any(firsts):
            return []
        if not any(rests):
            return [self]
        kw = {
            "fractions": self.fractions,
            "gap": self.gap,
            "indent": self.indent,
            "rule": self.rule,
        }
        head = Columns(firsts, space_before=self.spaceBefore, **kw)
        tail = Columns(rests, space_after=self.spaceAfter, **kw)
        return [head, tail]


def _continued(style, first: bool, last: bool):  # noqa: ANN001, ANN202 - ParagraphStyle
    """``style`` for one piece of a paragraph cut by :func:`markup.chunk_runs`: no space between
    pieces, the first line indent and bullet only on the first."""
    if first and last:
        return style
    key = (style.name, first, last)
    cached = _CONTINUED.get(key)
    if cached is None:
        from reportlab.lib.styles import ParagraphStyle

        changes = {} if first else {"spaceBefore": 0, "firstLineIndent": 0}
        if not last:
            changes["spaceAfter"] = 0
        cached = _CONTINUED[key] = ParagraphStyle(f"{style.name}-{first}-{last}", style, **changes)
    return cached


_CONTINUED: dict[tuple[str, bool, bool], object] = {}


def _pieces(runs, style, node: Node, bullet_text: str | None = None) -> list[Flowable]:  # noqa: ANN001
    """One paragraph's runs as Paragraphs of bounded length: rendering stays linear in length.
    Every piece is content of ``node`` (one P however many pieces and pages)."""
    chunks = markup.chunk_runs(runs)
    out: list[Flowable] = []
    for i, chunk in enumerate(chunks):
        first, last = i == 0, i == len(chunks) - 1
        kwargs = {"bulletText": bullet_text} if bullet_text and first else {}
        p = Para(
            markup.runs_to_reportlab(chunk, clean_text), _continued(style, first, last), **kwargs
        )
        out.append(tag(p, node))
    return out


def markup_flowables(
    text: str,
    body,  # noqa: ANN001
    bullet,  # noqa: ANN001
    empty: str | None = None,
    *,
    parent: Node,
    lang: str | None = None,
) -> list[Flowable]:
    """Paragraphs and bullet items for stored markup ``text`` (``empty`` if there is none), as
    P and L/LI/LBody elements under ``parent`` (``lang`` on each when it differs)."""
    out: list[Flowable] = []
    for block in markup.parse(text):
        if isinstance(block, markup.Para):
            out.extend(_pieces(block.runs, body, parent.add("P", lang=lang)))
        else:
            lst = parent.add("L", lang=lang, attrs={"O": "List", "ListNumbering": "Disc"})
            for item in block.items:
                body_node = lst.add("LI").add("LBody")
                out.extend(_pieces(item, bullet, body_node, "•"))
    if not out and empty:
        p = Para(markup.plain_to_reportlab(empty), body)
        out.append(tag(p, parent.add("P", lang=lang)))
    return out


def plain_flowables(text: str, style, node: Node) -> list[Flowable]:  # noqa: ANN001
    """Text that is not markup (a title) as Paragraphs of bounded length, content of ``node``:
    see :func:`_pieces`."""
    if not text:
        return [tag(plain(text, style), node)]
    return _pieces((markup.Run(text),), style, node)


def plain(text: str, style) -> Paragraph:  # noqa: ANN001
    """A paragraph of text that is not markup (names, titles, addresses); tag it."""
    return Para(markup.plain_to_reportlab(text, clean_text), style)


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
