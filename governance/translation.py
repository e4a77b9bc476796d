"""Six-language content fields of the governance app (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from governance.models import (
    AgendaItem,
    Amendment,
    ArticleVersion,
    Heading,
    Instrument,
    Motion,
    Officer,
    Paragraph,
    Resolution,
    ResolutionEffect,
    Session,
)


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


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("place", "theme", "summary")


@register(Officer)
class OfficerTranslationOptions(TranslationOptions):
    fields = ("person_name",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "text")


@register(Motion)
class MotionTranslationOptions(TranslationOptions):
    fields = ("text", "note")


@register(Resolution)
class ResolutionTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(ResolutionEffect)
class ResolutionEffectTranslationOptions(TranslationOptions):
    fields = ("description",)


# Audit trail of the translated models: registered here, after modeltranslation has added the
# per-language fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (
    AgendaItem, Amendment, ArticleVersion, Heading, Instrument, Motion, Officer, Paragraph, Resolution,
    ResolutionEffect, Session,
):
    simple_history.register(model)
