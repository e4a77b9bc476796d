"""Six-language content fields of the governance app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from governance.models import Amendment, ArticleVersion, Heading, Instrument, Paragraph


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
