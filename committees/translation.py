"""Six-language content fields of committees (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from committees.models import Committee, CoordinatorTerm


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "field_of_activity", "description", "history_note")


@register(CoordinatorTerm)
class CoordinatorTermTranslationOptions(TranslationOptions):
    fields = ("appointed_by",)


# Audit trail of the translated models: registered here, after modeltranslation has added the
# per-language fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (Committee, CoordinatorTerm):
    simple_history.register(model)
