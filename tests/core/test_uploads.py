"""Upload limits (core/uploads.py): the request limit, the file limit, kinds checked by content."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from core.uploads import DOCUMENT_KINDS, MB, SPREADSHEET_KINDS, FileValidator, detect_kind
from tests.near_portal.conftest import LANGUAGES

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def docx_bytes():
    from zipfile import ZipFile

    buffer = io.BytesIO()
    with ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def validation_codes(validator, name, content):
    try:
        validator(SimpleUploadedFile(name, content))
    except ValidationError as error:
        return [e.code for e in error.error_list]
    return []


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("logo.png", PNG, "png"),
        ("a.docx", docx_bytes(), "docx"),
        ("tool.exe", EXE, "exe"),
        ("members.csv", "slug,name\nhyogo,兵庫県\n".encode(), "text"),
        ("blob.csv", b"a,b\x00c", None),
    ],
)
def test_the_kind_of_a_file_is_read_from_its_content(name, content, kind):
    assert detect_kind(SimpleUploadedFile(name, content)) == kind


documents = FileValidator(max_size=1 * MB, kinds=DOCUMENT_KINDS)
spreadsheets = FileValidator(max_size=1 * MB, kinds=SPREADSHEET_KINDS)


@pytest.mark.parametrize(
    ("validator", "name", "content", "codes"),
    [
        (documents, "minutes.pdf", PDF, []),
        (documents, "MINUTES.PDF", PDF, []),
        (documents, "photo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32, []),
        (documents, "agenda.docx", docx_bytes(), []),
        (documents, "agenda.docx", PDF, ["file_content_mismatch"]),
        (documents, "invoice.pdf", EXE, ["file_content_mismatch"]),
        (documents, "tool.exe", EXE, ["file_type_not_accepted"]),
        (documents, "no-extension", PDF, ["file_type_not_accepted"]),
        (documents, "big.pdf", PDF + b"0" * MB, ["file_too_large"]),
        (spreadsheets, "members.csv", "slug,name\nhyogo,兵庫県\n".encode(), []),
        (spreadsheets, "members.csv", PNG, ["file_content_mismatch"]),
    ],
)
def test_a_file_field_accepts_only_its_kinds_by_content_and_its_size(validator, name, content, codes):
    assert validation_codes(validator, name, content) == codes


def test_the_size_error_says_both_sizes_in_the_persons_language():
    with translation.override("ru"):
        with pytest.raises(ValidationError) as error:
            documents(SimpleUploadedFile("big.pdf", PDF + b"0" * (2 * MB)))
        template = translation.gettext("The file is %(size)s; files of at most %(limit)s are accepted here.")
        assert template != "The file is %(size)s; files of at most %(limit)s are accepted here."
        assert error.value.messages == [template % {"size": "2,0\xa0МБ", "limit": "1,0\xa0МБ"}]


def post_file(client, size, language="en"):
    upload = SimpleUploadedFile("minutes.pdf", PDF + b"0" * (size - len(PDF)), content_type="application/pdf")
    return client.post("/test-upload/", {"file": upload}, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.django_db
@pytest.mark.urls("tests.core.upload_urls")
@override_settings(UPLOAD_MAX_FILE_SIZE=2 * MB, UPLOAD_MAX_REQUEST_SIZE=3 * MB)
def test_an_upload_within_the_limits_reaches_the_form(client):
    response = post_file(client, MB // 2)
    assert (response.status_code, response.content) == (200, f"received {MB // 2} bytes".encode())


@pytest.mark.django_db
@pytest.mark.urls("tests.core.upload_urls")
@override_settings(UPLOAD_MAX_FILE_SIZE=2 * MB, UPLOAD_MAX_REQUEST_SIZE=3 * MB)
def test_a_file_over_the_fields_limit_is_a_form_error(client):
    response = post_file(client, int(1.5 * MB))
    assert response.status_code == 422
    assert "files of at most 1.0\xa0MB are accepted here" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.core.upload_urls")
@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(UPLOAD_MAX_FILE_SIZE=2 * MB, UPLOAD_MAX_REQUEST_SIZE=3 * MB)
def test_a_request_over_the_portals_limit_is_refused_with_a_translated_413(client, language):
    response = post_file(client, 4 * MB, language=language)
    assert response.status_code == 413
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        assert f"<h1>{translation.gettext('File too large')}</h1>" in html


@pytest.mark.django_db
@pytest.mark.urls("tests.core.upload_urls")
@override_settings(UPLOAD_MAX_FILE_SIZE=2 * MB, UPLOAD_MAX_REQUEST_SIZE=30 * MB)
def test_a_file_over_the_portals_file_limit_is_refused_while_it_streams(client):
    response = post_file(client, int(2.5 * MB))
    assert response.status_code == 413
