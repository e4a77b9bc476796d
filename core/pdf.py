"""What the PDFs laid out from the portal's own HTML share (WeasyPrint): nothing is fetched, and
each print stylesheet is read and parsed once per process."""

from functools import cache

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher


def no_fetching() -> URLFetcher:
    """A fetcher allowing no protocol: the document loads no external resource (fonts come from the system)."""
    return URLFetcher(allowed_protocols=())


@cache
def stylesheet(path: str) -> CSS:
    """The print stylesheet at the static ``path`` (A4, page numbers, per-language fonts)."""
    with open(finders.find(path), encoding="utf-8") as css:
        return CSS(string=css.read(), url_fetcher=no_fetching())


def laid_out(html: str, stylesheet_path: str):
    """``html`` laid out into pages with the stylesheet at ``stylesheet_path``: a WeasyPrint Document
    (its pages, anchors and bookmarks; ``write_pdf()`` gives the file)."""
    return HTML(string=html, url_fetcher=no_fetching()).render(stylesheets=[stylesheet(stylesheet_path)])
