"""Six-language content fields of the instruments app (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from instruments.models import Amendment, ArticleVersion, Heading, Instrument, Paragraph


@register(Instrument)
class InstrumentTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "source")


@register(Heading)
class HeadingTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Amendment)
class AmendmentTranslationOptions(TranslationOptions):
    fields = ("session", "summary", "source")


@register(ArticleVersion)
class ArticleVersionTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Paragraph)
class ParagraphTranslationOptions(TranslationOptions):
    fields = ("text", "note", "remark")


# Audit trail of the translated models: registered here, after modeltranslation has added the
# per-language fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (Amendment, ArticleVersion, Heading, Instrument, Paragraph):
    simple_history.register(model)
