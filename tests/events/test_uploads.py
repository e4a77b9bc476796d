"""Event attachments: size limit, type checked by content, storage under MEDIA_ROOT, safe serving."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import RequestFactory
from PIL import Image

from events.admin import AttachmentInline
from events.models import Attachment, Event

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, kind)
    return buffer.getvalue()


def png_declaring(width, height):
    """A valid PNG of a few bytes whose header declares ``width`` x ``height`` pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def xlsx_bytes():
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Hyogo"
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes(*, macros=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def attach(name, content, **fields):
    values = {"kind": "minutes", "title": "Minutes", "title_en": "Minutes", **fields}
    attachment = Attachment(
        event=Event.objects.get(slug="12th-general-assembly-2018"),
        file=SimpleUploadedFile(name, content, content_type="application/octet-stream"),
        **values,
    )
    attachment.full_clean()
    attachment.save()
    return attachment


def test_a_pdf_is_stored_under_media_root_with_a_random_name(media_root):
    attachment = attach("Minutes of the 12th General Assembly.pdf", PDF)
    stored = Path(attachment.file.path)
    assert stored.parent == media_root / "events" / str(attachment.event_id)
    assert stored.suffix == ".pdf" and len(stored.stem) == 32
    assert stored.read_bytes() == PDF
    assert (attachment.content_type, attachment.size) == ("application/pdf", len(PDF))
    assert attachment.original_name == "Minutes_of_the_12th_General_Assembly.pdf"


def test_the_type_comes_from_the_content_not_the_name():
    attachment = attach("programme.exe", PDF)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "programme.pdf"
    assert attachment.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("photo.jpg", image_bytes("JPEG"), "image/jpeg"),
        ("photo.png", image_bytes("PNG"), "image/png"),
        ("photo.webp", image_bytes("WEBP"), "image/webp"),
        ("participants.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("report.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_photographs_and_office_documents_are_accepted(name, content, content_type):
    assert attach(name, content).content_type == content_type


def test_a_file_at_the_limit_is_accepted_and_one_byte_more_is_not(settings):
    settings.EVENTS_ATTACHMENT_MAX_BYTES = len(PDF)
    assert attach("at-limit.pdf", PDF).size == len(PDF)
    with pytest.raises(ValidationError) as error:
        attach("over-limit.pdf", PDF + b"\n")
    limit, size = filesizeformat(len(PDF)), filesizeformat(len(PDF) + 1)
    assert error.value.message_dict["file"] == [f"The file is {size}; the limit is {limit}."]


def test_the_default_limit_is_20_megabytes():
    with pytest.raises(ValidationError) as error:
        attach("scan.pdf", PDF + b"\0" * (20 * 1024 * 1024))
    assert "the limit is 20.0\xa0MB" in error.value.message_dict["file"][0]


REFUSED_TYPE = (
    "The file's content is not a PDF, a JPEG, PNG or WebP image, or a Word, Excel, PowerPoint or OpenDocument "
    "file, whatever its name says."
)

TOO_MANY_PIXELS = "The image has more than 40 million pixels; reduce it and upload it again."


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("minutes.pdf", b"<html><script>alert(1)</script></html>", REFUSED_TYPE),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', REFUSED_TYPE),
        ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 200, REFUSED_TYPE),
        ("archive.pdf", b"PK\x03\x04" + b"\x00" * 200, REFUSED_TYPE),
        ("empty.pdf", b"", "The file is empty."),
        ("broken.png", image_bytes("PNG")[:60], "The image is damaged or not an image."),
        ("macros.docx", docx_bytes(macros=True), "Documents with macros are not accepted; save it without macros."),
        # Pillow's DecompressionBombError (over twice its own limit) and its warning (over it).
        ("bomb.png", png_declaring(20000, 20000), TOO_MANY_PIXELS),
        ("large.png", png_declaring(10000, 10000), TOO_MANY_PIXELS),
        ("just-over.png", png_declaring(8000, 5001), TOO_MANY_PIXELS),
    ],
)
def test_other_files_are_refused_with_the_reason(name, content, message, media_root):
    with pytest.raises(ValidationError) as error:
        attach(name, content)
    assert error.value.message_dict["file"] == [message]
    assert list(media_root.rglob("*.*")) == []


def test_an_image_of_40_megapixels_is_accepted():
    assert attach("panorama.png", png_declaring(8000, 5000), kind="photo").content_type == "image/png"


def test_a_file_that_skipped_the_check_is_never_stored(media_root):
    attachment = Attachment(
        event=Event.objects.get(slug="12th-general-assembly-2018"),
        kind="minutes",
        title="x",
        file=SimpleUploadedFile("x.pdf", PDF),
    )
    with pytest.raises(ValidationError):
        attachment.save()
    assert list(media_root.rglob("*.*")) == []


def test_the_admin_form_reports_a_refused_upload(admin_user):
    event = Event.objects.get(slug="12th-general-assembly-2018")
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    formset_class = AttachmentInline(Event, admin.site).get_formset(request, event)
    data = {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-kind": "minutes",
        "attachments-0-title_en": "Minutes",
        "attachments-0-public": "on",
        "attachments-0-display_order": "0",
    }
    files = {"attachments-0-file": SimpleUploadedFile("minutes.pdf", b"<html></html>")}
    formset = formset_class(data, files, instance=event, prefix="attachments")
    assert formset.is_valid() is False
    assert formset.forms[0].errors["file"] == [REFUSED_TYPE]


def test_a_document_is_downloaded_never_sniffed_or_run(client):
    attachment = attach("minutes.pdf", PDF)
    response = client.get(f"/en/events/12th-general-assembly-2018/files/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == PDF


def test_a_photograph_is_shown_inline(client):
    attachment = attach("group photo.png", image_bytes("PNG"), kind="photo")
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="group_photo.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_detail_page_lists_public_files_and_hides_staff_only_ones(client):
    attach("minutes.pdf", PDF, title_en="Public minutes")
    hidden = attach("draft.pdf", PDF, public=False)
    page = client.get("/en/events/12th-general-assembly-2018/").content.decode()
    assert "Public minutes" in page
    assert f"/files/{hidden.pk}/" not in page


def test_a_staff_only_file_is_404_to_the_public_and_served_to_staff(client, admin_client):
    hidden = attach("draft.pdf", PDF, public=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert admin_client.get(hidden.get_absolute_url()).status_code == 200


def test_a_file_of_another_event_or_a_missing_file_is_404(client):
    attachment = attach("minutes.pdf", PDF)
    assert client.get(f"/en/events/working-level-workshop-2018/files/{attachment.pk}/").status_code == 404
    Path(attachment.file.path).unlink()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_deleting_an_attachment_removes_its_file(django_capture_on_commit_callbacks):
    attachment = attach("minutes.pdf", PDF)
    stored = Path(attachment.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    assert stored.exists() is False


def test_a_staff_account_without_a_role_gets_no_private_file_nor_unpublished_event(
    client, django_user_model, staff_in_role
):
    hidden = attach("draft.pdf", PDF, public=False)
    event = hidden.event
    Event.objects.filter(pk=event.pk).update(published=False)
    client.force_login(django_user_model.objects.create_user("no-role", is_staff=True))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/en/events/{event.slug}/").status_code == 404
    client.force_login(staff_in_role("Auditor"))  # holds events.view_attachment and events.view_event
    assert client.get(hidden.get_absolute_url()).status_code == 200
    assert client.get(f"/en/events/{event.slug}/").status_code == 200


def test_a_public_file_of_an_unpublished_event_is_404_to_the_public(client):
    shown = attach("minutes.pdf", PDF)
    Event.objects.filter(pk=shown.event_id).update(published=False)
    assert client.get(shown.get_absolute_url()).status_code == 404


def test_stored_files_are_not_world_readable(media_root):
    attachment = attach("minutes.pdf", PDF)
    stored = Path(attachment.file.path)
    assert stored.stat().st_mode & 0o777 == 0o640
    assert stored.parent.stat().st_mode & 0o777 == 0o750
