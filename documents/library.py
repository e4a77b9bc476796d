"""Writing to the documents library: a language version stored as an upload is, checked by its content.

Other modules (the minutes, ``documents.minutes``) store files through here, so a generated
file passes the same checks as one the secretariat uploads in the admin.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from documents.models import Document, DocumentFile


@transaction.atomic
def store_language_version(*, document: Document, language: str, filename: str, content: bytes) -> DocumentFile:
    """Store ``content`` as ``document``'s version in ``language``, replacing the file of an earlier one.

    The file is checked by its content (``FileValidator``) as an upload is. A replaced file is
    not deleted: the language version's history names it, and it stays in storage.
    """
    version = DocumentFile.objects.select_for_update().filter(document=document, language=language).first()
    version = version or DocumentFile(document=document, language=language)
    version.file = ContentFile(content, name=filename)
    version.full_clean(validate_unique=False, validate_constraints=False)  # the row is locked or new
    version.save()
    return version
