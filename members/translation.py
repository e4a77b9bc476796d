"""Six-language content fields of the members app (django-modeltranslation)."""

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


from members import dues_translation  # noqa: E402,F401
