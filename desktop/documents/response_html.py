"""Accessible HTML5 beside each response PDF (GOV.UK prefers HTML; ReportLab cannot tag PDFs).

Same content and order as the PDF; semantic headings, lists, ``<blockquote>`` for the inspectorate's
words, ``<time>`` for dates, ``lang`` on the page and on every block of the bilingual version
(Welsh first). The output is well-formed XML (XHTML syntax) so it can be checked mechanically.
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
from desktop.documents.labels import label
from desktop.documents.model import (
    DocLang,
    Lang,
    OfficeProfile,
    ResponseDocument,
    ResponseRecommendation,
    pick,
)
from desktop.documents.pdf_base import write_atomically

CSS = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;line-height:1.5;color:#1a1a1a;margin:0;}
.page{max-width:62rem;margin:0 auto;padding:1.5rem;}
header.letterhead{display:flex;justify-content:space-between;gap:1rem;
 border-bottom:1px solid #9db0c8;padding-bottom:1rem;margin-bottom:1.5rem;}
address{font-style:normal;}
h1,h2,h3{color:#1f3a5f;line-height:1.25;}
h1 .kicker{display:block;font-size:1rem;font-weight:normal;color:#555;}
blockquote{margin:0.5rem 0 1rem;padding-left:1rem;border-left:3px solid #9db0c8;}
.meta{color:#555;font-size:0.95rem;}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:2rem;}
@media (max-width:48rem){.pair{grid-template-columns:1fr;}}
.statements{background:#f2f5f9;border:1px solid #9db0c8;padding:0.75rem 1rem;margin-top:2rem;}
.marking{color:#b00020;font-weight:bold;text-align:center;}
"""


def _lines(text: str) -> str:
    return "<br/>".join(_e(line) for line in text.splitlines())


class _Html:
    def __init__(self, doc: ResponseDocument, office: OfficeProfile, lang: DocLang) -> None:
        self.doc, self.office, self.lang = doc, office, lang
        self.bilingual = lang == "bilingual"
        self.langs: list[Lang] = ["cy", "en"] if self.bilingual else [lang]  # type: ignore[list-item]

    def section(self, make: Callable[[Lang], str], tag: str = "section") -> str:
        if not self.bilingual:
            return f"<{tag}>{make(self.langs[0])}</{tag}>"
        cols = "".join(f'<div lang="{LANG_TAGS[lg]}">{make(lg)}</div>' for lg in self.langs)
        return f'<{tag} class="pair">{cols}</{tag}>'

    def letterhead(self) -> str:
        o = self.office
        logo = ""
        if o.logo_path and Path(o.logo_path).is_file():
            data = base64.b64encode(Path(o.logo_path).read_bytes()).decode()
            alt = " / ".join(pick(o, "office_name", lg) for lg in self.langs)
            mime = mimetypes.guess_type(str(o.logo_path))[0] or "image/png"
            logo = f'<img src="data:{mime};base64,{data}" alt="{_e(alt)}" height="80"/>'
        blocks = "".join(
            f'<address lang="{LANG_TAGS[lg]}"><strong>{_e(pick(o, "office_name", lg))}</strong>'
            f"<br/>{_lines(pick(o, 'address', lg))}</address>"
            for lg in self.langs
        )
        return f'<header class="letterhead">{logo}{blocks}</header>'

    def opening(self) -> str:
        d, o = self.doc, self.office

        def make(lg: Lang) -> str:
            kicker = label("response_to", lg, pcc_title=pick(o, "pcc_title", lg))
            out = [
                f'<p class="addressee">{_lines(pick(o, "addressee", lg))}</p>',
                f"<p>{_time(d.letter_date, lg)}</p>",
                f'<h1><span class="kicker">{_e(kicker)}</span> {_e(pick(d, "report_title", lg))}'
                "</h1>",
                f'<p class="meta">{_e(label("report_published", lg, date="")).strip()} '
                f"{_time(d.report_published_on, lg)}</p>",
            ]
            if not d.is_draft and d.version > 1:
                out.append(f'<p class="meta">{_e(label("version", lg, n=d.version))}</p>')
            return "".join(out)

        return self.section(make, "div")

    def text(self, text: str, lg: Lang) -> str:
        """``text`` as HTML; in a draft, a missing text is marked as in the PDF."""
        html = markup.to_html(text)
        if not html and self.doc.is_draft:
            return f'<p class="missing">{_e(label("not_written", lg))}</p>'
        return html

    def prose(self, field: str, key: str | None) -> str:
        d = self.doc
        written = any(pick(d, field, lg).strip() for lg in ("en", "cy"))
        if not written and (key is None or not d.is_draft):
            return ""

        def make(lg: Lang) -> str:
            head = f"<h2>{_e(label(key, lg))}</h2>" if key else ""
            return head + self.text(pick(d, field, lg), lg)

        return self.section(make)

    def recommendation(self, rec: ResponseRecommendation) -> str:
        def make(lg: Lang) -> str:
            out = [
                f"<h2>{_e(label(rec.kind, lg, n=rec.number))}</h2>",
                f"<blockquote>{self.text(pick(rec, 'text', lg), lg)}</blockquote>",
            ]
            facts = []
            for key, field in (("deadline", "deadline_text"), ("addressed_to", "addressees")):
                value = pick(rec, field, lg).strip()
                if value:
                    facts.append(f"<dt>{_e(label(key, lg))}</dt><dd>{_e(value)}</dd>")
            if not rec.applies:
                missing = label("not_written", lg) if self.doc.is_draft else ""
                facts.append(
                    f"<dt>{_e(label('not_applicable', lg))}</dt>"
                    f"<dd>{_e(pick(rec, 'not_applicable_reason', lg).strip() or missing)}</dd>"
                )
            if facts:
                out.append(f'<dl class="meta">{"".join(facts)}</dl>')
            if self.doc.is_draft or rec.explanation_en.strip() or rec.explanation_cy.strip():
                out.append(f"<h3>{_e(label('explanation', lg))}</h3>")
                out.append(self.text(pick(rec, "explanation", lg), lg))
            if rec.assurances:
                out.append(f"<h3>{_e(label('assurances', lg))}</h3><ul>")
                for a in rec.assurances:
                    by = (a.given_by_cy or a.given_by) if lg == "cy" else a.given_by
                    meta = _time(a.given_on, lg) + (f" · {_e(by)}" if by else "")
                    out.append(
                        f'<li><p class="meta">{meta}</p>{self.text(pick(a, "text", lg), lg)}</li>'
                    )
                out.append("</ul>")
            return "".join(out)

        return self.section(make)

    def signature(self) -> str:
        o = self.office
        greet = " / ".join(label("yours_sincerely", lg) for lg in self.langs)
        titles = "".join(
            f'<br/><span lang="{LANG_TAGS[lg]}">{_e(pick(o, "pcc_title", lg))}</span>'
            for lg in self.langs
        )
        return (
            f'<p>{_e(greet)}</p><p class="signature"><strong>{_e(o.pcc_name)}</strong>{titles}</p>'
        )

    def statements(self) -> str:
        o = self.office
        parts = []
        for lg in self.langs:
            attr = f' lang="{LANG_TAGS[lg]}"' if self.bilingual else ""
            if not self.bilingual:
                parts.append(
                    f"<p><strong>{_e(pick(o, 'other_language_statement', lg))}</strong></p>"
                )
            parts.append(f"<p{attr}>{_e(pick(o, 'welsh_statement', lg))}</p>")
        return f'<aside class="statements">{"".join(parts)}</aside>'

    def page(self) -> str:
        d, o = self.doc, self.office
        page_lang = "cy" if self.lang != "en" else "en-GB"
        title = " / ".join(
            label("response_to", lg, pcc_title=pick(o, "pcc_title", lg))
            + " "
            + pick(d, "report_title", lg)
            for lg in self.langs
        )
        marking = ""
        if d.is_draft:
            words = " / ".join(
                (o.security_marking_cy if lg == "cy" else o.security_marking)
                + " · "
                + label("draft_version", lg, n=d.version)
                for lg in self.langs
            )
            marking = f'<p class="marking">{_e(words)}</p>'
        body = [marking, self.letterhead(), "<main>", self.opening()]
        body.append(self.prose("introduction", "introduction"))
        body += [self.recommendation(r) for r in d.recommendations]
        body.append(self.prose("cc_comments", "cc_comments"))
        body.append(self.prose("pcc_reply", "pcc_reply"))
        body.append(self.prose("closing", None))
        body += [self.signature(), self.statements(), "</main>", marking]
        return html_page(page_lang, title, o.pcc_name, CSS, "".join(body))


def response_html(doc: ResponseDocument, office: OfficeProfile, lang: DocLang) -> str:
    """The response as a complete HTML5 page."""
    if lang not in ("en", "cy", "bilingual"):
        raise DocumentError("bad_language", str(lang))
    return _Html(doc, office, lang).page()


def render_response_html(
    doc: ResponseDocument, office: OfficeProfile, lang: DocLang, out: Path
) -> None:
    """Write :func:`response_html` to ``out`` atomically (UTF-8)."""
    write_atomically(
        Path(out), response_html(doc, office, lang).encode("utf-8"), private=doc.is_draft
    )
