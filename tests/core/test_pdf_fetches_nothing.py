"""No PDF the portal lays out opens a URL, whatever its HTML holds: not the network, not the portal's
own host, not a local file (WeasyPrint would follow an <img>, a stylesheet link or a CSS url())."""

import datetime
import urllib.request
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from core.pdf import laid_out
from dues.views import statement_pdf_response
from instruments.pdf import render_pdf

LEAKS = (
    '<img src="http://127.0.0.1:9/leak.png">'
    '<link rel="stylesheet" href="file:///etc/hostname">'
    '<p style="background: url(https://metadata.example/latest)">NEAR</p>'
)


@pytest.fixture
def opened(monkeypatch):
    """Every URL WeasyPrint's fetcher got as far as opening (none should)."""
    urls = []

    def record(self, url, data=None, timeout=None):
        urls.append(url.full_url if isinstance(url, urllib.request.Request) else url)
        raise OSError("no fetching in tests")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", record)
    return urls


@pytest.fixture
def leaking_templates(tmp_path):
    """The PDFs' templates replaced by HTML that asks for three resources."""
    for name in ("instruments/instrument_pdf.html", "dues/statement_pdf.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<html><body>{LEAKS}</body></html>", encoding="utf-8")
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    with override_settings(TEMPLATES=templates):
        yield


def test_the_shared_layout_opens_nothing(opened):
    document = laid_out(f"<html><body>{LEAKS}</body></html>", "instruments/pdf.css")
    assert (len(document.pages), opened) == (1, [])


def test_the_charter_pdf_opens_nothing(opened, leaking_templates):
    pdf = render_pdf(RequestFactory().get("/en/charter/pdf/"), {})
    assert (pdf[:5], opened) == (b"%PDF-", [])


def test_a_dues_statement_pdf_opens_nothing_not_even_the_portals_host(opened, leaking_templates):
    request = RequestFactory().get("/en/finance/dues/tov/statement.pdf")
    context = {"member": SimpleNamespace(slug="tov"), "on": datetime.date(2019, 12, 31)}
    response = statement_pdf_response(request, context)
    assert (response.content[:5], opened) == (b"%PDF-", [])
