"""The PDF of an instrument as in force on a day (WeasyPrint).

The stylesheet sets the font on ``html`` so that page-margin boxes (running title, page numbers)
get the CJK fonts too; Debian's fonts-noto-cjk provides them and libharfbuzz-subset0 makes the
font subsetting fast.
"""

from django.template.loader import render_to_string

from core.pdf import laid_out

STYLESHEET = "instruments/pdf.css"


def render_pdf(request, context: dict) -> bytes:
    """The PDF bytes of ``instruments/instrument_pdf.html`` rendered with ``context``."""
    html = render_to_string("instruments/instrument_pdf.html", context, request=request)
    return laid_out(html, STYLESHEET).write_pdf()  # nothing fetched: see core.pdf
