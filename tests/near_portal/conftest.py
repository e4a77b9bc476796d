"""Fixtures of the near_portal tests: the real data in transactional tests and the 2018 annual report generated once per session in each language."""

import re
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from near_portal.report import pdf
from near_portal.report.sections import ReportRequest, compose

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]


@dataclass
class GeneratedReport:
    """A report laid out by WeasyPrint and its PDF read back with pypdf."""

    parts: list
    document: object
    reader: PdfReader

    @cached_property
    def page_texts(self):
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self):
        return "\n".join(self.page_texts)

    @cached_property
    def anchor_pages(self):
        """Anchor id -> index of the page where WeasyPrint put it."""
        return {anchor: index for index, page in enumerate(self.document.pages) for anchor in page.anchors}

    def fonts_drawn_on(self, index):
        """The fonts (without subset prefix) that page ``index`` draws text with."""
        page = self.reader.pages[index]
        fonts = page["/Resources"]["/Font"]
        used = set(re.findall(rb"/([A-Za-z0-9_]+) [\d.]+ Tf", page.get_contents().get_data()))
        return {str(fonts[f"/{name.decode()}"]["/BaseFont"]).split("+", 1)[-1] for name in used}


@pytest.fixture(scope="session")
def reports_2018(django_db_setup, django_db_blocker):
    """The 2018 report in the six languages, from the real data."""
    generated = {}
    with django_db_blocker.unblock():
        for language in LANGUAGES:
            report = ReportRequest(2018, language)
            document = pdf.render(pdf.report_html(report))
            generated[language] = GeneratedReport(
                parts=compose(report), document=document, reader=PdfReader(BytesIO(document.write_pdf()))
            )
    return generated


@pytest.fixture
def real_data_live(transactional_db):
    """The real data in a transactional test (flushed by the transactional test before it)."""
    call_command("load_near_data", verbosity=0)


@pytest.fixture
def fast_password_hashing(settings):
    """Passwords hashed in microseconds: the tests that sign in do not test the hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
