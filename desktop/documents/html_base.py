"""What the HTML twins of the documents (the letter, the board pack) share: escaping, dates as
``<time>``, the language tags and the page around the body (XHTML syntax, so it can be checked
mechanically)."""

from __future__ import annotations

import html

from desktop.documents.labels import doc_date
from desktop.documents.model import Lang

LANG_TAGS = {"en": "en-GB", "cy": "cy"}


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def time_element(d, lang: Lang) -> str:  # noqa: ANN001 - a datetime.date
    return f'<time datetime="{d.isoformat()}">{escape(doc_date(d, lang))}</time>'


def html_page(lang_tag: str, title: str, author: str, css: str, body: str) -> str:
    """A complete HTML5 page: ``lang`` on the root, a viewport for phones, the styles inline."""
    return (
        "<!DOCTYPE html>\n"
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang_tag}" '
        f'xml:lang="{lang_tag}">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="author" content="{escape(author)}"/>\n'
        f"<style>{css}</style>\n</head>\n"
        f'<body><div class="page">\n{body}\n</div></body>\n</html>\n'
    )
