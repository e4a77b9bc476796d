"""Admin of cooperation plans for the secretariat: six-language tabs, measures inline, activities
with what they concern; every change kept in the History."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from core.history_admin import RecordHistoryAdmin
from plans.models import CooperationPlan, Kind, PlanActivity, PlanMeasure


class PlanMeasureInline(TranslationStackedInline):
    model = PlanMeasure
    extra = 0
    fields = ("number", "title")


@admin.register(CooperationPlan)
class CooperationPlanAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("government", "year", "title", "status")
    list_filter = ("status", "year")
    list_select_related = ("government",)
    search_fields = ("title", "government__name", "government__slug")
    autocomplete_fields = ("government",)
    fields = ("government", "year", "title", "goal", "adopted_on", "adopted_by", "status", "source")
    inlines = [PlanMeasureInline]


@admin.register(PlanMeasure)
class PlanMeasureAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("plan", "number", "title")
    list_select_related = ("plan__government",)
    list_filter = ("plan__year",)
    search_fields = ("title", "plan__government__name")
    autocomplete_fields = ("plan",)


class PlanActivityForm(forms.ModelForm):
    """Checks what the database cannot: a cooperation between member governments names them."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Kind.MEMBERS and not cleaned.get("governments"):
            self.add_error("governments", _("Name the member governments this cooperation concerns."))
        if cleaned.get("kind") != Kind.NEAR and cleaned.get("committees"):
            self.add_error("committees", _("Only NEAR cooperation concerns a committee of NEAR."))
        if cleaned.get("kind") != Kind.MEMBERS and cleaned.get("governments"):
            self.add_error("governments", _("Only a cooperation between member governments names them."))
        return cleaned


@admin.register(PlanActivity)
class PlanActivityAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    form = PlanActivityForm
    list_display = ("measure", "number", "kind", "timing")
    list_select_related = ("measure__plan__government",)
    list_filter = ("kind", "near_body", "measure__plan__year")
    search_fields = ("description", "measure__plan__government__name")
    autocomplete_fields = ("measure", "committees", "governments")
    fields = (
        "measure",
        "number",
        "description",
        "baseline",
        "indicator",
        "target",
        "timing",
        "responsible",
        "kind",
        "near_body",
        "committees",
        "governments",
        "counterpart",
    )
