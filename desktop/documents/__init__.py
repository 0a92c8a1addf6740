"""Published documents: ReportLab PDFs, accessible HTML, PAdES signing. No Qt, no database.

Import the submodule you need (ReportLab and pyHanko load only then):

* :mod:`.model` - the plain data the renderers take (services fill it from the database)
* :mod:`.markup` - the small text markup of every free-text field
* :mod:`.response_pdf` - ``render_response_pdf(doc, office, lang, out)``
* :mod:`.response_html` - ``render_response_html(doc, office, lang, out)`` / ``response_html``
* :mod:`.board_pack_pdf` - ``render_board_pack_pdf(pack, office, lang, private, out)``
* :mod:`.signing` - ``sign_pdf(...)`` / ``verify_pdf(...)``; :mod:`.test_certs` for tests/demos
* :mod:`.errors` - ``DocumentError`` / ``SigningError`` (each with a ``code``)
"""
