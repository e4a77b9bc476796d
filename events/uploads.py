"""Event attachments: a real size limit and a type check by content (magic numbers), not by name.

What the browser says about a file (its name, its Content-Type) is never trusted: the type
comes from the first bytes of the content, the stored name is random, and the extension is
the one of the detected type.
"""

import os
import uuid
import warnings
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Documents the secretariat publishes: PDF, photographs, and Office or OpenDocument files.
# Legacy binary Office formats (.doc, .xls, .ppt) are refused: they carry macros unseen;
# convert them to PDF or to the current formats.
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ZIPPED_TYPES = {mime for mime, ext in ALLOWED_TYPES.items() if ext in {"docx", "xlsx", "pptx", "odt", "ods", "odp"}}
# 20 MB holds a scanned programme or a set of minutes; override with EVENTS_ATTACHMENT_MAX_BYTES.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SIGNATURE_BYTES = 8192
# A photograph of 40 megapixels is larger than any camera the secretariat uses; an image that
# declares more (a "decompression bomb": a few KB claiming 20000 x 20000 pixels) is refused
# before Pillow allocates it.
MAX_IMAGE_PIXELS = 40_000_000


class AttachmentKind(models.TextChoices):
    """What an event's file is."""

    PROGRAMME = "programme", _("programme")
    MINUTES = "minutes", _("minutes")
    PHOTO = "photo", _("photograph")
    REPORT = "report", _("report")
    OTHER = "other", _("other document")


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the checks: its detected type, size and a safe display name."""

    content_type: str
    size: int
    name: str


def max_upload_bytes() -> int:
    return getattr(settings, "EVENTS_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def inspect_upload(file) -> CheckedFile:
    """Check an uploaded file's size and content; raise ValidationError with a reason if refused."""
    limit = max_upload_bytes()
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    file.seek(0)
    detected = filetype.guess(file.read(SIGNATURE_BYTES))
    file.seek(0)
    if detected is None or detected.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "The file's content is not a PDF, a JPEG, PNG or WebP image, or a Word, Excel, "
                "PowerPoint or OpenDocument file, whatever its name says."
            ),
            code="type",
        )
    if detected.mime.startswith("image/"):
        _check_image(file)
    elif detected.mime in ZIPPED_TYPES:
        _check_document(file)
    file.seek(0)
    return CheckedFile(content_type=detected.mime, size=file.size, name=display_name(file.name, detected.mime))


def _check_image(file):
    """The image is of a sensible size in pixels and decodes (not only its first bytes look like one)."""
    too_large = ValidationError(
        _("The image has more than %(limit)s million pixels; reduce it and upload it again.")
        % {"limit": MAX_IMAGE_PIXELS // 1_000_000},
        code="image_too_large",
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice it; make that an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise too_large
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_large from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("The image is damaged or not an image."), code="image") from error


def _check_document(file):
    """The Office or OpenDocument archive opens and carries no macros."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ValidationError(_("The document is damaged."), code="document") from error
    if any(os.path.basename(name).lower() == "vbaproject.bin" or name.lower().startswith("basic/") for name in names):
        raise ValidationError(_("Documents with macros are not accepted; save it without macros."), code="macros")


def display_name(name: str, content_type: str) -> str:
    """The uploaded name made safe for a download header, with the extension of its real type."""
    stem = os.path.splitext(os.path.basename(name or ""))[0]
    try:
        stem = get_valid_filename(stem)[:150]
    except SuspiciousFileOperation:  # a name that cleans to nothing, such as ".."
        stem = ""
    return f"{stem or 'attachment'}.{ALLOWED_TYPES[content_type]}"


def attachment_path(instance, filename: str) -> str:
    """Where a checked file is stored under MEDIA_ROOT: a random name, the detected type's extension."""
    if instance.content_type not in ALLOWED_TYPES:
        # Only files that went through inspect_upload() (Attachment.clean) are stored.
        raise ValidationError(_("The file has not been checked."), code="unchecked")
    return f"events/{instance.event_id}/{uuid.uuid4().hex}.{ALLOWED_TYPES[instance.content_type]}"
