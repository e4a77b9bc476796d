"""Six-language content fields of documents (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from documents.models import Document, NewsItem


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


# Registered after modeltranslation added the per-language fields, so the history keeps them all.
for model in (Document, NewsItem):
    simple_history.register(model)
