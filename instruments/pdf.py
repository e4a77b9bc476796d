"""The PDF of an instrument as in force on a day (WeasyPrint).

The stylesheet sets the font on ``html`` so that page-margin boxes (running title, page numbers)
get the CJK fonts too; Debian's fonts-noto-cjk provides them and libharfbuzz-subset0 makes the
font subsetting fast.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

STYLESHEET = "instruments/pdf.css"


def render_pdf(request, context: dict) -> bytes:
    """The PDF bytes of ``instruments/instrument_pdf.html`` rendered with ``context``."""
    html = render_to_string("instruments/instrument_pdf.html", context, request=request)
    # Nothing is fetched over the network: the stylesheet is read from disk, fonts from the system.
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(stylesheets=[CSS(filename=finders.find(STYLESHEET))])
