"""Six-language content fields of the dues records (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from members.models import BudgetLine, DuesBudget, DuesDecision, Settlement


@register(DuesDecision)
class DuesDecisionTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


@register(DuesBudget)
class DuesBudgetTranslationOptions(TranslationOptions):
    fields = ("business_plan",)


@register(BudgetLine)
class BudgetLineTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Settlement)
class SettlementTranslationOptions(TranslationOptions):
    fields = ("audit_result",)
