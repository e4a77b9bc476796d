"""Limits and checks for uploaded files, for every form of the portal that takes one.

Two layers:

* ``SizeLimitUploadHandler`` (first in ``FILE_UPLOAD_HANDLERS``) stops reading a request whose
  body is larger than ``UPLOAD_MAX_REQUEST_SIZE``, or a file that grows past
  ``UPLOAD_MAX_FILE_SIZE``, before it reaches memory or disk; the visitor gets a translated
  413 page. (``FILE_UPLOAD_MAX_MEMORY_SIZE`` is no limit: it only decides when Django spills
  an upload to a temporary file.)
* ``FileValidator`` on each file field: that field's own, smaller size limit and the kinds
  of file it accepts, recognised by their content (magic numbers), not by their name or the
  content type the browser claims; errors are form errors the person can act on.

Use it on a model field or a form field::

    attachment = models.FileField(
        _("file"), upload_to="events/", validators=[FileValidator(max_size=20 * MB, kinds=DOCUMENT_KINDS)]
    )
"""

from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024

# Kinds are file name extensions, the way people name them; "jpeg" is "jpg".
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "jpg", "png")
IMAGE_KINDS = ("jpg", "png", "webp")
SPREADSHEET_KINDS = ("csv", "xlsx")
# Kinds without a magic number: accepted when the content is UTF-8 text.
TEXT_KINDS = frozenset({"csv", "txt"})
EXTENSION_ALIASES = {"jpeg": "jpg"}
# filetype reads this much of the head of a file (zip-based formats need it all).
SNIFF_BYTES = 8192
TEXT_SNIFF_BYTES = 64 * 1024


class UploadTooLarge(RequestDataTooBig):
    """The request carries more than the portal accepts; answered with HTTP 413."""

    def __init__(self, limit: int):
        super().__init__(f"Upload larger than {limit} bytes")
        self.limit = limit


class SizeLimitUploadHandler(FileUploadHandler):
    """Refuses an oversized request or file while it streams in; passes the data on otherwise."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.UPLOAD_MAX_REQUEST_SIZE:
            raise UploadTooLarge(settings.UPLOAD_MAX_REQUEST_SIZE)

    def receive_data_chunk(self, raw_data, start):
        # A client may understate Content-Length (or stream it chunked): count what arrives.
        if start + len(raw_data) > settings.UPLOAD_MAX_FILE_SIZE:
            raise UploadTooLarge(settings.UPLOAD_MAX_FILE_SIZE)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file


def detect_kind(file) -> str | None:
    """The kind a file's content shows (an extension such as "pdf"), "text" for UTF-8 text, or None."""
    file.seek(0)
    head = file.read(TEXT_SNIFF_BYTES)
    file.seek(0)
    guess = filetype.guess(head[:SNIFF_BYTES])
    if guess is not None:
        return EXTENSION_ALIASES.get(guess.extension, guess.extension)
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed head may end inside a multi-byte character.
        if error.start < len(head) - 3:
            return None
    return "text"


@deconstructible
class FileValidator:
    """Checks an uploaded file's size, its name's extension and that its content is of that kind."""

    def __init__(self, *, max_size: int, kinds):
        self.max_size = max_size
        self.kinds = tuple(kinds)

    def __call__(self, file):
        if file.size > self.max_size:
            raise ValidationError(
                _("The file is %(size)s; files of at most %(limit)s are accepted here."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(self.max_size)},
            )
        extension = Path(file.name or "").suffix.lower().lstrip(".")
        extension = EXTENSION_ALIASES.get(extension, extension)
        if extension not in self.kinds:
            raise ValidationError(
                _("Files of this type are not accepted here. Accepted: %(kinds)s."),
                code="file_type_not_accepted",
                params={"kinds": ", ".join(self.kinds)},
            )
        detected = detect_kind(file)
        if detected != extension and not (detected == "text" and extension in TEXT_KINDS):
            raise ValidationError(
                _("The content of this file is not what its name says (%(extension)s)."),
                code="file_content_mismatch",
                params={"extension": extension},
            )

    def __eq__(self, other):
        return isinstance(other, FileValidator) and (self.max_size, self.kinds) == (other.max_size, other.kinds)
