"""The board pack as accessible HTML5, beside its PDF (as the letter has one).

Same content and order as the PDF: cover facts, agenda, the recommendations' status (RAG as a
word, never colour alone), open actions with their history, the previous minutes. Headings
nest (one ``h1``, a ``h2`` per part), tables have ``caption``, ``thead`` and ``th`` with
``scope``, dates are ``<time>``. The page's ``lang`` is the pack's; in the bilingual pack every
text is given Welsh first, then English, each in an element carrying its ``lang``, so a screen
reader switches voice. Well-formed XML (XHTML syntax), so it can be checked mechanically.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable
from pathlib import Path

from desktop.documents import markup
from desktop.documents.errors import DocumentError
from desktop.documents.html_base import LANG_TAGS, html_page
from desktop.documents.html_base import escape as _e
from desktop.documents.html_base import time_element as _time
from desktop.documents.labels import doc_date, label
from desktop.documents.model import BoardPack, DocLang, Lang, OfficeProfile, name_in, pick
from desktop.documents.pdf_base import write_atomically

Make = Callable[[Lang], str]  # HTML (already escaped) of a text in one language

CSS = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;line-height:1.5;color:#1a1a1a;margin:0;}
.page{max-width:66rem;margin:0 auto;padding:1.5rem;}
header.office{display:flex;align-items:center;gap:1.5rem;border-bottom:1px solid #9db0c8;
 padding-bottom:1rem;margin-bottom:1.5rem;color:#444;}
h1,h2{color:#1f3a5f;line-height:1.25;}
.both>*{display:block;}
.both>*+*{margin-top:0.25rem;}
h1 .both>*+*,h2 .both>*+*{margin-top:0;}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1.5rem;}
dl.facts dt{font-weight:bold;}
dl.facts dd{margin:0;}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.5rem;}
caption{text-align:left;font-weight:bold;color:#1f3a5f;padding:0.25rem 0;}
th,td{text-align:left;vertical-align:top;padding:0.35rem 0.5rem;border-bottom:1px solid #9db0c8;}
thead th{background:#1f3a5f;color:#fff;}
tbody th[scope=rowgroup]{background:#e4eaf2;}
tr.exempt{background:#fcebee;}
.exempt-note,.overdue,.marking{color:#b00020;font-weight:bold;}
.marking{text-align:center;}
td p,th p{margin:0;}
td ul{margin:0.25rem 0;}
tbody th[scope=row]{white-space:nowrap;}
td.rag{font-weight:bold;}
.rag-red{background:#c62828;color:#fff;}
.rag-amber{background:#f2a900;color:#000;}
.rag-green{background:#2e7d32;color:#fff;}
.rag-grey{background:#9e9e9e;color:#000;}
tr.history td{background:#f2f5f9;font-size:0.95rem;}
tr.history ul{margin:0.25rem 0;padding-left:1.25rem;}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:2rem;}
@media (max-width:48rem){.pair{grid-template-columns:1fr;}}
.meta{color:#555;}
.kind{font-weight:bold;color:#1f3a5f;}
.kind.private{color:#b00020;}
"""


def _date(d, lang: Lang) -> str:  # noqa: ANN001 - a date or None
    return _time(d, lang) if d else "—"


def _label_around(key: str, lang: Lang, d) -> str:  # noqa: ANN001 - a date
    """Label ``key`` (with a ``{date}``) as HTML, its date a ``<time>``."""
    before, after = (_e(part) for part in label(key, lang, date="\0").split("\0", 1))
    return f"{before}{_time(d, lang)}{after}"


class _Page:
    def __init__(self, pack: BoardPack, office: OfficeProfile, lang: DocLang, private: bool):
        self.pack, self.office, self.private = pack, office, private
        self.bilingual = lang == "bilingual"
        self.langs: list[Lang] = ["cy", "en"] if self.bilingual else [lang]  # type: ignore[list-item]
        self.doc_lang: Lang = "en" if lang == "en" else "cy"

    # -- text in the pack's languages ---------------------------------------------------------

    def both(self, make: Make, tag: str = "span") -> str:
        """``make`` in the pack's language; bilingual, Welsh then English, each in a ``tag``
        carrying its ``lang`` (once where both are the same: a reference, a name, a time)."""
        texts = [(lg, make(lg)) for lg in self.langs]
        if len(texts) == 1 or texts[0][1] == texts[1][1]:
            return texts[0][1]
        inner = "".join(f'<{tag} lang="{LANG_TAGS[lg]}">{t}</{tag}>' for lg, t in texts)
        return f'<span class="both">{inner}</span>'

    def lang_attr(self, lg: Lang) -> str:
        """`` lang="…"`` for an element in ``lg`` where that is not the page's language."""
        return f' lang="{LANG_TAGS[lg]}"' if lg != self.doc_lang else ""

    def words(self, make: Callable[[Lang], str]) -> str:
        """Plain text in every language of the pack, for the title and the meta data."""
        return " / ".join(dict.fromkeys(make(lg) for lg in self.langs))

    def label(self, key: str, **values: object) -> str:
        return self.both(lambda lg: _e(label(key, lg, **values)))

    def quoted(self, obj: object, field: str) -> str:
        """A record's text; in a Welsh pack, a Welsh text that is the English wording (no
        Welsh version of it yet) is marked English so a screen reader reads it so."""
        if self.langs == ["cy"]:
            cy, en = pick(obj, field, "cy").strip(), pick(obj, field, "en").strip()
            if cy and cy == en and any(c.isalpha() for c in cy):
                return f'<span lang="en-GB">{_e(cy)}</span>'
        return self.both(lambda lg: _e(pick(obj, field, lg)))

    def table(self, columns: tuple[str, ...], bodies: str) -> str:
        """A table: a header row of the labels ``columns`` (label keys), then ``bodies``."""
        heads = "".join(f'<th scope="col">{self.label(h)}</th>' for h in columns)
        return f"<table><thead><tr>{heads}</tr></thead>{bodies}</table>"

    def side_by_side(self, make: Make, tag: str = "div") -> str:
        if not self.bilingual:
            return make(self.langs[0])
        cols = "".join(f'<{tag} lang="{LANG_TAGS[lg]}">{make(lg)}</{tag}>' for lg in self.langs)
        return f'<div class="pair">{cols}</div>'

    # -- the parts ----------------------------------------------------------------------------

    def marking(self) -> str:
        o, words = self.office, []
        if self.private:
            words.append(
                self.words(lambda lg: o.security_marking_cy if lg == "cy" else o.security_marking)
            )
        if self.pack.is_draft:
            words.append(self.words(lambda lg: label("draft", lg)))
        return f'<p class="marking">{_e(" · ".join(words))}</p>' if words else ""

    def cover(self) -> str:
        o, p = self.office, self.pack
        logo = ""
        if o.logo_path and Path(o.logo_path).is_file():
            data = base64.b64encode(Path(o.logo_path).read_bytes()).decode()
            alt = label("logo_alt", self.doc_lang, office=pick(o, "office_name", self.doc_lang))
            mime = mimetypes.guess_type(str(o.logo_path))[0] or "image/png"
            logo = f'<img src="data:{mime};base64,{data}" alt="{_e(alt)}" height="72"/>'
        office = self.both(lambda lg: _e(pick(o, "office_name", lg)))
        title = self.both(
            lambda lg: f"{_e(pick(p, 'meeting_title', lg))}: {_e(label('board_pack', lg))}"
        )
        facts = [("date", lambda lg: _time(p.meeting_date, lg))]
        if p.meeting_time:
            facts.append(("time", lambda _lg: _e(p.meeting_time)))
        facts.append(("location", lambda lg: _e(pick(p, "location", lg))))
        # A term and its value per language (Welsh first), so each pair reads on one line.
        rows = "".join(
            f"<dt{self.lang_attr(lg)}>{_e(label(k, lg))}</dt><dd{self.lang_attr(lg)}>{v(lg)}</dd>"
            for k, v in facts
            for lg in self.langs
        )
        key = "private_pack" if self.private else "public_pack"
        kind = "kind private" if self.private else "kind"
        return (
            f'<header class="office">{logo}<p>{office}</p></header>'
            f"<h1>{title}</h1>"
            f'<dl class="facts">{rows}</dl>'
            f'<p class="{kind}">{self.label(key)}</p>'
        )

    def agenda(self) -> str:
        p, rows = self.pack, []
        for item in p.agenda:
            if item.exempt and not self.private:
                continue

            def what(lg: Lang, item=item) -> str:  # noqa: ANN001
                out = f"<p>{_e(pick(item, 'title', lg))}</p>"
                if item.exempt:
                    out += f'<p class="exempt-note">{_e(label("exempt", lg))}</p>'
                return out + markup.to_html(pick(item, "summary", lg))

            cls = ' class="exempt"' if item.exempt else ""
            who = self.both(lambda lg, i=item: _e(name_in(i, "presenter", lg)))
            rows.append(
                f'<tr{cls}><th scope="row">{_e(item.number)}</th>'
                f"<td>{self.both(what, 'div')}</td><td>{who}</td></tr>"
            )
        table = self.table(("item", "agenda", "presenter"), f"<tbody>{''.join(rows)}</tbody>")
        return f"<section><h2>{self.label('agenda')}</h2>{table}</section>"

    def status(self) -> str:
        p = self.pack
        head = f"<h2>{self.label('rec_status')}</h2>"
        if not p.recommendations:
            return f"<section>{head}<p>{self.label('no_recs')}</p></section>"
        cols = ("ref", "recommendation_col", "due", "planned_closure", "owner", "status", "rag")
        groups: dict[str, list] = {}
        for r in p.recommendations:
            groups.setdefault(r.report_en, []).append(r)
        bodies = []
        for report, recs in groups.items():
            rows = []
            if report:
                title = self.both(lambda lg, r=recs[0], t=report: _e(pick(r, "report", lg) or t))
                rows.append(f'<tr><th scope="rowgroup" colspan="7">{title}</th></tr>')
            for r in recs:

                def due(lg: Lang, r=r) -> str:  # noqa: ANN001
                    if r.due_corrected and r.due_on:
                        return _label_around("due_corrected", lg, r.due_on)
                    return _date(r.due_on, lg)

                rows.append(
                    f'<tr><th scope="row">{_e(r.ref)}</th>'
                    f"<td>{self.quoted(r, 'text')}</td>"
                    f"<td>{self.both(due)}</td>"
                    f"<td>{self.both(lambda lg, r=r: _date(r.planned_closure, lg))}</td>"
                    f"<td>{self.both(lambda lg, r=r: _e(name_in(r, 'owner', lg)))}</td>"
                    f"<td>{self.both(lambda lg, r=r: _e(pick(r, 'status', lg)))}</td>"
                    f'<td class="rag rag-{r.rag}">{self.label(r.rag)}</td></tr>'
                )
            bodies.append(f"<tbody>{''.join(rows)}</tbody>")
        return f"<section>{head}{self.table(cols, ''.join(bodies))}</section>"

    def actions(self) -> str:
        p = self.pack
        head = f"<h2>{self.label('open_actions')}</h2>"
        if not p.actions:
            return f"<section>{head}<p>{self.label('none_open')}</p></section>"
        rows = []
        for a in p.actions:

            def due(lg: Lang, a=a) -> str:  # noqa: ANN001
                if not (a.overdue and a.due_on):
                    return _date(a.due_on, lg)
                return f'<span class="overdue">{_label_around("due_overdue", lg, a.due_on)}</span>'

            rows.append(
                f'<tr><th scope="row">{_e(a.ref)}</th>'
                f"<td>{self.quoted(a, 'text')}</td>"
                f"<td>{self.both(lambda lg, a=a: _e(name_in(a, 'owner', lg)))}</td>"
                f"<td>{self.both(due)}</td>"
                f"<td>{self.both(lambda lg, a=a: _e(pick(a, 'status', lg)))}</td></tr>"
            )
            if a.history:

                def history(lg: Lang, a=a) -> str:  # noqa: ANN001
                    items = []
                    for h in a.history:
                        by = name_in(h, "by", lg)
                        who = f" ({_e(by)})" if by else ""
                        items.append(f"<li>{_time(h.on, lg)}{who}: {_e(pick(h, 'note', lg))}</li>")
                    return f"<p><strong>{_e(label('history', lg))}</strong></p><ul>{''.join(items)}</ul>"

                rows.append(
                    f'<tr class="history"><td></td><td colspan="4">{self.both(history, "div")}</td></tr>'
                )
        table = self.table(
            ("ref", "action", "owner", "due", "status"), f"<tbody>{''.join(rows)}</tbody>"
        )
        return f"<section>{head}{table}</section>"

    def minutes(self) -> str:
        p = self.pack
        if not any(pick(p, "previous_minutes", lg).strip() for lg in self.langs):
            return ""

        def make(lg: Lang) -> str:
            out = ""
            if p.previous_meeting_date:
                when = _label_around("previous_minutes_of", lg, p.previous_meeting_date)
                out = f'<p class="meta">{when}</p>'
            return out + markup.to_html(pick(p, "previous_minutes", lg))

        return (
            f"<section><h2>{self.label('previous_minutes')}</h2>{self.side_by_side(make)}</section>"
        )

    def page(self) -> str:
        p, o = self.pack, self.office
        title = self.words(
            lambda lg: (
                f"{pick(p, 'meeting_title', lg)}, {doc_date(p.meeting_date, lg)}: "
                f"{label('board_pack', lg)}"
            )
        )
        page_lang = LANG_TAGS[self.doc_lang]
        marking = self.marking()
        body = [marking, "<main>", self.cover(), self.agenda(), self.status(), self.actions()]
        body += [self.minutes(), "</main>", marking]
        author = self.words(lambda lg: pick(o, "office_name", lg))
        return html_page(page_lang, title, author, CSS, "".join(body))


def board_pack_html(pack: BoardPack, office: OfficeProfile, lang: DocLang, private: bool) -> str:
    """The pack as a complete HTML5 page in ``lang`` ("en", "cy" or "bilingual")."""
    if lang not in ("en", "cy", "bilingual"):
        raise DocumentError("bad_language", str(lang))
    return _Page(pack, office, lang, private).page()


def render_board_pack_html(
    pack: BoardPack, office: OfficeProfile, lang: DocLang, private: bool, out: Path
) -> None:
    """Write :func:`board_pack_html` to ``out`` atomically (UTF-8); a private pack stays 0600."""
    page = board_pack_html(pack, office, lang, private)
    write_atomically(Path(out), page.encode("utf-8"), private=private)
