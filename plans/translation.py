"""Six-language content fields of cooperation plans (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from plans.models import CooperationPlan, PlanActivity, PlanMeasure


@register(CooperationPlan)
class CooperationPlanTranslationOptions(TranslationOptions):
    fields = ("title", "goal", "adopted_by")


@register(PlanMeasure)
class PlanMeasureTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(PlanActivity)
class PlanActivityTranslationOptions(TranslationOptions):
    fields = ("description", "baseline", "indicator", "target", "timing", "responsible", "counterpart")


# Audit trail: registered after modeltranslation added the per-language fields, so the history
# keeps every language (django-simple-history, "Usage with django-modeltranslation").
for model in (CooperationPlan, PlanMeasure, PlanActivity):
    simple_history.register(model)
