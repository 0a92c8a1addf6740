"""Craffu's text markup: the one format for every free-text field of a published document.

Stored as plain text; rendered the same in the PDF, the HTML and the in-app preview.

Rules (deliberately few):

* A blank line (or several) separates paragraphs.
* A single line break inside a paragraph is kept as a line break.
* A line starting with ``- `` or ``* `` (leading spaces allowed) is a bullet. Consecutive bullet
  lines form one list; a following line that is not a bullet continues the previous item.
* ``**text**`` is bold, ``*text*`` is italic; they nest (``**bold *and italic***``).
  A marker only opens before a non-space and only closes after one, so ``5 * 3`` stays as typed.
  A marker without its partner prints literally (``**oops`` shows ``**oops``).
* ``\\*`` prints a literal asterisk and ``\\\\`` a literal backslash.
* Nothing else is special: ``<b>``, ``&``, ``<para>`` and the like print exactly as typed. Renderers
  escape every character of user text; no user text ever reaches ReportLab or HTML as markup.

:func:`parse` returns a tuple of :class:`Para` and :class:`BulletList` blocks made of :class:`Run`
objects; :func:`to_reportlab`, :func:`to_html` and :func:`to_plain` render that tree.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_BULLET = re.compile(r"^[ \t]*[-*][ \t]+(.*)$")
_BLANK = re.compile(r"^[ \t]*$")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style. ``"\\n"`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Run, ...], ...]


Block = Para | BulletList


def parse(text: str | None) -> tuple[Block, ...]:
    """Parse stored text into blocks. Never fails: anything unrecognised is plain text."""
    if not text:
        return ()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    items: list[list[str]] = []

    def flush_para() -> None:
        if para:
            blocks.append(Para(parse_inline("\n".join(para))))
            para.clear()

    def flush_list() -> None:
        if items:
            blocks.append(BulletList(tuple(parse_inline("\n".join(i)) for i in items)))
            items.clear()

    for line in lines:
        if _BLANK.match(line):
            flush_para()
            flush_list()
            continue
        m = _BULLET.match(line)
        if m and m.group(1).strip():
            flush_para()
            items.append([m.group(1).strip()])
        elif items:
            items[-1].append(line.strip())
        else:
            para.append(line.strip())
    flush_para()
    flush_list()
    return tuple(blocks)


def parse_inline(text: str) -> tuple[Run, ...]:
    """Split ``text`` into runs, pairing ``**`` and ``*`` markers."""
    # Tokens: str (literal text) or [marker, can_open, can_close, paired_role]
    tokens: list[object] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "*\\":
            buf.append(text[i + 1])
            i += 2
            continue
        if c != "*":
            buf.append(c)
            i += 1
            continue
        j = i
        while j < n and text[j] == "*":
            j += 1
        count = j - i
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < n else " "
        can_open = not after.isspace()
        can_close = not before.isspace()
        if buf:
            tokens.append("".join(buf))
            buf = []
        if count == 1:
            parts = ["*"]
        elif count == 2:
            parts = ["**"]
        elif count == 3:
            parts = ["***"]  # resolved while pairing
        else:
            parts = ["*" * count]  # four or more: literal
        for p in parts:
            tokens.append([p, can_open and count <= 3, can_close and count <= 3])
        i = j
    if buf:
        tokens.append("".join(buf))

    # Expand "***" according to what is open, then pair markers with a stack.
    expanded: list[object] = []
    stack: list[tuple[str, int]] = []  # (marker, index into expanded)
    pairs: dict[int, int] = {}
    for tok in tokens:
        if isinstance(tok, str):
            expanded.append(tok)
            continue
        marker, can_open, can_close = tok  # type: ignore[misc]
        if marker == "***":
            open_markers = [m for m, _ in stack]
            if can_close and open_markers[-2:] == ["**", "*"]:
                order = ["*", "**"]
            elif can_close and open_markers[-2:] == ["*", "**"]:
                order = ["**", "*"]
            else:
                order = ["**", "*"]
            subs = [[m, can_open, can_close] for m in order]
        else:
            subs = [[marker, can_open, can_close]]
        for sub in subs:
            m, so, sc = sub
            idx = len(expanded)
            expanded.append(m)
            partner = None
            if sc and m in ("*", "**"):
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == m:
                        partner = k
                        break
            if partner is not None:
                open_idx = stack[partner][1]
                del stack[partner:]  # markers opened inside and never closed stay literal
                pairs[open_idx] = idx
                pairs[idx] = open_idx
            elif so and m in ("*", "**"):
                stack.append((m, idx))

    runs: list[Run] = []
    bold = italic = False
    for idx, tok in enumerate(expanded):
        if idx in pairs:
            if tok == "**":
                bold = not bold
            else:
                italic = not italic
            continue
        s = tok if isinstance(tok, str) else str(tok)
        if runs and runs[-1].bold == bold and runs[-1].italic == italic:
            runs[-1] = Run(runs[-1].text + s, bold, italic)
        else:
            runs.append(Run(s, bold, italic))
    return tuple(r for r in runs if r.text)


# ReportLab re-wraps what is left of a paragraph each time it splits it across a page, so one
# paragraph of N characters costs O(N^2). Longer paragraphs are cut into pieces of about this many
# characters, at a line break, a sentence end or a space, and the pieces set one under the other:
# the cost becomes linear and the page looks the same but for a line ended early at each cut.
CHUNK_CHARS = 2000


def _cut_at(text: str, limit: int) -> int:
    """Where to cut ``text`` (at most ``limit`` characters in): the last line break, else the
    last sentence end, else the last space in the second half of the window; else ``limit``."""
    window = text[:limit]
    for sep in ("\n", ". ", " "):
        at = window.rfind(sep)
        if at >= limit // 2:
            return at + len(sep)
    return limit


def chunk_runs(runs: Sequence[Run], limit: int = CHUNK_CHARS) -> list[tuple[Run, ...]]:
    """``runs`` as consecutive pieces of at most ``limit`` characters each (styles kept)."""
    if sum(len(r.text) for r in runs) <= limit:
        return [tuple(runs)]
    pieces: list[tuple[Run, ...]] = []
    current: list[Run] = []
    size = 0
    for run in runs:
        text = run.text
        while text:
            room = limit - size
            if len(text) <= room:
                current.append(Run(text, run.bold, run.italic))
                size += len(text)
                break
            cut = _cut_at(text, room) if room >= 200 or not current else 0
            if cut:
                current.append(Run(text[:cut].rstrip("\n"), run.bold, run.italic))
                text = text[cut:]
            pieces.append(tuple(r for r in current if r.text))
            current, size = [], 0
    if current:
        pieces.append(tuple(r for r in current if r.text))
    return [p for p in pieces if p]


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def runs_to_reportlab(runs: Sequence[Run], clean: Callable[[str], str] = str) -> str:
    """ReportLab paragraph markup for ``runs``; every user character is escaped."""
    out: list[str] = []
    for r in runs:
        t = _xml_escape(clean(r.text)).replace("\n", "<br/>")
        if r.italic:
            t = f"<i>{t}</i>"
        if r.bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def plain_to_reportlab(text: str, clean: Callable[[str], str] = str) -> str:
    """Escape ``text`` that is not markup (names, titles) for a ReportLab paragraph."""
    return _xml_escape(clean(text)).replace("\n", "<br/>")


def runs_to_html(runs: Sequence[Run]) -> str:
    out: list[str] = []
    for r in runs:
        t = html.escape(r.text, quote=False).replace("\n", "<br/>")
        if r.italic:
            t = f"<em>{t}</em>"
        if r.bold:
            t = f"<strong>{t}</strong>"
        out.append(t)
    return "".join(out)


def to_html(text: str | None) -> str:
    """HTML fragment (``<p>``, ``<ul>``, ``<strong>``, ``<em>``, ``<br/>``), well-formed XML."""
    parts: list[str] = []
    for block in parse(text):
        if isinstance(block, Para):
            parts.append(f"<p>{runs_to_html(block.runs)}</p>")
        else:
            lis = "".join(f"<li>{runs_to_html(item)}</li>" for item in block.items)
            parts.append(f"<ul>{lis}</ul>")
    return "\n".join(parts)


def to_plain(text: str | None) -> str:
    """The text as a reader sees it, without markers (for tests and search)."""
    out: list[str] = []
    for block in parse(text):
        if isinstance(block, Para):
            out.append("".join(r.text for r in block.runs))
        else:
            out.append("\n".join("• " + "".join(r.text for r in item) for item in block.items))
    return "\n\n".join(out)
