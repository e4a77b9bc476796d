"""Six-language content fields of the members app (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from members.models import Country, MemberGovernment, Partner


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(MemberGovernment)
class MemberGovernmentTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "description")


# Audit trail of the translated models: registered here, after modeltranslation has added the
# name_en, name_mn, ... fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (Country, MemberGovernment, Partner):
    simple_history.register(model)
