"""Six-language content fields of events (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from events.models import Attachment, Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "report", "city", "organiser_name", "source")


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)


# Audit trail of the translated models: registered here, after modeltranslation has added the
# per-language fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (Attachment, Event):
    simple_history.register(model)
