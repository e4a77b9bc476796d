"""Admin of specialized committees: six-language tabs, coordinator terms inline, dormancy in the list."""

from itertools import combinations

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname

from committees.models import Committee, CoordinatorTerm, periods_overlap
from committees.resources import CommitteeResource
from core.admin_inlines import FixedQueriesInlineMixin
from core.history_admin import RecordHistoryAdmin
from core.importexport import AllOrNothingImportMixin
from members.models import Country


class CoordinatorTermFormSet(BaseInlineFormSet):
    """Refuses overlapping terms of one government among the rows of the form.

    The inline form leaves the committee out of model validation, so the exclusion constraint
    would only speak at save time, as a server error; this check speaks first, in words.
    """

    def clean(self):
        super().clean()
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("member") and not form.cleaned_data.get("DELETE")
        ]
        for a, b in combinations(rows, 2):
            if a["member"] == b["member"] and periods_overlap(
                (a.get("started_on"), a.get("ended_on")), (b.get("started_on"), b.get("ended_on"))
            ):
                raise ValidationError(
                    _("%(member)s has two overlapping terms on this committee.") % {"member": a["member"]}
                )


class CoordinatorTermInline(FixedQueriesInlineMixin, TranslationTabularInline):
    model = CoordinatorTerm
    row_select_related = ("member", "committee")
    formset = CoordinatorTermFormSet
    extra = 0
    autocomplete_fields = ("member",)
    fields = (
        "member",
        "started_on",
        "start_precision",
        "ended_on",
        "end_precision",
        "appointed_by",
        "appointed_on",
        "source",
    )


class CoordinatorCountryFilter(admin.SimpleListFilter):
    """Committees whose coordinator today is a government of the chosen country."""

    title = _("coordinator country")
    parameter_name = "coordinator_country"

    def lookups(self, request, model_admin):
        return [(country.code, country.name) for country in Country.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        terms = CoordinatorTerm.objects.held_on(timezone.localdate()).filter(member__country__code=self.value())
        return queryset.filter(pk__in=terms.values("committee"))


class DormancyFilter(admin.SimpleListFilter):
    """Committees eligible today for a change of coordinator (Committee Regulation art. 5(7))."""

    title = _("eligible for a coordinator change")
    parameter_name = "dormant"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Cannot be determined"))]

    def queryset(self, request, queryset):
        value = {"yes": True, "no": False, "unknown": None}.get(self.value(), "")
        if value == "":
            return queryset
        return queryset.filter(dormant__isnull=True) if value is None else queryset.filter(dormant=value)


@admin.register(Committee)
class CommitteeAdmin(AllOrNothingImportMixin, ImportExportMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    resource_classes = [CommitteeResource]
    list_display = (
        "name",
        "regulation_number",
        "status",
        "coordinators_today",
        "founded_year",
        "meetings",
        "dormancy_today",
    )
    list_filter = ("status", CoordinatorCountryFilter, DormancyFilter)
    search_fields = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES] + ["slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("successor",)
    filter_horizontal = ("participants",)
    inlines = [CoordinatorTermInline]

    def get_queryset(self, request):
        # The admin shows the situation today; the rules themselves take the date as an argument.
        return super().get_queryset(request).for_listing(timezone.localdate())

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).prefetch_related("participants")

    @admin.display(description=_("coordinators today"))
    def coordinators_today(self, committee):
        return ", ".join(str(member) for member in committee.coordinators_on(timezone.localdate())) or "—"

    @admin.display(description=_("meetings (to 2018 + since)"))
    def meetings(self, committee):
        baseline = "—" if committee.meetings_to_2018 is None else committee.meetings_to_2018
        return f"{baseline} + {committee.meetings_since_2018}"

    @admin.display(description=_("eligible for a coordinator change"), boolean=True, ordering="dormant")
    def dormancy_today(self, committee):
        return committee.dormant

    @admin.display(description=_("year founded"))
    def founded_year(self, committee):
        return committee.founded_year or "—"
