"""Six-language content fields of the assemblies app (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from assemblies.models import AgendaItem, Motion, Officer, Resolution, ResolutionEffect, Session


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
for model in (AgendaItem, Motion, Officer, Resolution, ResolutionEffect, Session):
    simple_history.register(model)
