"""Factories for the documents tests: a document of the 12th General Assembly, a language version."""

import datetime
import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assemblies.models import Body as SessionBody
from assemblies.models import Session
from documents.models import Document, DocumentFile

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
_numbers = itertools.count(1)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def ga12(db):
    return Session.objects.get(body=SessionBody.GENERAL_ASSEMBLY, number=12)


@pytest.fixture
def make_document(ga12):
    """A validated document of the 12th General Assembly (a report numbered from 100 up); fields can be overridden."""

    def make(**fields):
        number = 100 + next(_numbers)
        values = {
            "kind": "report",
            "body": "GA",
            "number": number,
            "title_en": f"Test report {number}",
            "date": datetime.date(2018, 10, 28),
            "session": ga12,
        }
        values.update(fields)
        document = Document(**values)
        document.full_clean()
        document.save()
        return document

    return make


@pytest.fixture
def attach(media):
    """Check and store a language version of a document, as the admin does."""

    def attach(document, language, name="paper.pdf", content=PDF):
        version = DocumentFile(document=document, language=language, file=SimpleUploadedFile(name, content))
        version.full_clean()
        version.save()
        return version

    return attach
