"""Six-language content fields of events (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Attachment, Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "report", "city", "organiser_name", "source")


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
