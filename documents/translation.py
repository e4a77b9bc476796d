"""Six-language content fields of documents (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from documents.models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


# Registered after modeltranslation added the per-language fields, so the history keeps them all.
simple_history.register(Document)
