"""Six-language content fields of the governance app (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from governance.models import AgendaItem, Motion, Officer, Resolution, ResolutionEffect, Session


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
