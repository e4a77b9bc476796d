"""Six-language content fields of committees (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from committees.models import Committee, CoordinatorTerm


@register(Committee)
class CommitteeTranslationOptions(TranslationOptions):
    fields = ("name", "field_of_activity", "description", "history_note")


@register(CoordinatorTerm)
class CoordinatorTermTranslationOptions(TranslationOptions):
    fields = ("appointed_by",)
