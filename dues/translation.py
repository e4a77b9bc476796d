"""Six-language content fields of the dues records (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from dues.models import BudgetLine, DuesBudget, DuesDecision, Settlement


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


# Audit trail of the translated models: registered here, after modeltranslation has added the
# per-language fields, so the history keeps every language (django-simple-history,
# "Usage with django-modeltranslation"). Untranslated models declare HistoricalRecords().
for model in (BudgetLine, DuesBudget, DuesDecision, Settlement):
    simple_history.register(model)
