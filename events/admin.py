"""Admin of events: six-language tabs, governments inline with a quick picker, files, imports."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.admin import ImportExportMixin
from import_export.widgets import IntegerWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.admin_inlines import FixedQueriesInlineMixin
from core.history_admin import RecordHistoryAdmin
from core.importexport import (
    AllOrNothingImportMixin,
    FormulaEscapingResourceMixin,
    LenientInstanceLookupMixin,
    SlugWidget,
)
from core.languages import localized_fields
from events.figures import figure_problems
from events.models import Attachment, CountryFigure, Event, Participation
from events.participation import add_participants
from members.models import MemberGovernment


def year_filter(field_path, years=None):
    """A list filter by the year of ``field_path`` (a date field), years taken from the data.

    ``years()``, when given, reads them (whole numbers, latest first) more cheaply than the
    change list's own rows would.
    """

    class YearFilter(admin.SimpleListFilter):
        title = _("year")
        parameter_name = "year"

        def lookups(self, request, model_admin):
            if years:
                return [(str(year), str(year)) for year in years()]
            found = model_admin.get_queryset(request).dates(field_path, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in found]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isascii() and value.isdigit():
                return queryset.filter(**{f"{field_path}__year": int(value)})
            return queryset

    return YearFilter


class ParticipationInline(FixedQueriesInlineMixin, admin.TabularInline):
    model = Participation
    row_select_related = ("member", "event")
    extra = 0
    autocomplete_fields = ["member"]
    fields = ("member", "delegates")


class CountryFigureInline(FixedQueriesInlineMixin, admin.TabularInline):
    model = CountryFigure
    row_select_related = ("country", "event")
    extra = 0
    fields = ("country", "governments", "works")


class AttachmentInline(FixedQueriesInlineMixin, TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ("kind", "title", "file", "public", "display_order", "content_type", "size")
    readonly_fields = ("content_type", "size")


class EventAdminForm(forms.ModelForm):
    add_governments = forms.ModelMultipleChoiceField(
        label=_("Add governments that took part"),
        queryset=MemberGovernment.objects.current().select_related("country"),
        required=False,
        widget=FilteredSelectMultiple(_("member governments"), is_stacked=False),
        help_text=_("Each government chosen is added to the list below; governments already listed stay as they are."),
    )

    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 -- the admin's fieldsets choose what is shown


@admin.register(Event)
class EventAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    form = EventAdminForm
    list_display = ("title", "kind", "start_date", "date_precision", "committee", "organiser", "published")
    list_filter = (
        "kind",
        year_filter("start_date", years=lambda: Event.objects.years(published=False)),
        "committee",
        "organiser",
        "published",
    )
    # Latest first by the start-date index (the model's order adds the title, which needs a sort).
    ordering = ("-start_date", "-id")
    list_select_related = ("committee",)
    search_fields = [*localized_fields("title"), "slug"]
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ["hosts"]
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, CountryFigureInline, AttachmentInline]
    fieldsets = [
        (None, {"fields": ("kind", "title", "slug", "summary", "report", "published")}),
        (
            _("Dates and place"),
            {
                "fields": (
                    ("start_date", "date_precision", "end_date"),
                    ("start_time", "end_time", "time_zone"),
                    ("city", "country", "online"),
                    "registration_deadline",
                )
            },
        ),
        (_("Organisation"), {"fields": ("organiser", "organiser_name", "committee", "hosts")}),
        (
            _("Figures as recorded"),
            {
                "fields": (
                    ("recorded_participants", "participants_more_than"),
                    ("recorded_governments", "recorded_countries", "recorded_works"),
                    "participation_complete",
                    "source",
                ),
                "description": _(
                    "Enter the totals the record gives. Figures the record does not give are counted "
                    "from the governments listed below (when the list is complete) or from the figures by country."
                ),
            },
        ),
        (_("Governments that took part"), {"fields": ("add_governments",)}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        event = form.instance
        added = add_participants(event=event, members=form.cleaned_data.get("add_governments") or [])
        if added:
            message = ngettext(
                "%(count)d government added to the list.", "%(count)d governments added to the list.", len(added)
            )
            messages.success(request, message % {"count": len(added)})
        for problem in figure_problems(event):
            messages.warning(request, problem)


class ParticipationResource(FormulaEscapingResourceMixin, LenientInstanceLookupMixin, resources.ModelResource):
    """One row per government and event: event slug, member slug, delegates."""

    event = fields.Field(attribute="event", column_name="event", widget=SlugWidget(Event, _("event")))
    member = fields.Field(
        attribute="member", column_name="member", widget=SlugWidget(MemberGovernment, _("member government"))
    )
    delegates = fields.Field(attribute="delegates", column_name="delegates", widget=IntegerWidget())

    class Meta:
        model = Participation
        fields = ("event", "member", "delegates")
        import_id_fields = ("event", "member")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


def years_with_participations():
    with_participations = Event.objects.filter(Exists(Participation.objects.filter(event=OuterRef("pk"))))
    return [day.year for day in with_participations.dates("start_date", "year", order="DESC")]


@admin.register(Participation)
class ParticipationAdmin(AllOrNothingImportMixin, ImportExportMixin, RecordHistoryAdmin):
    resource_classes = [ParticipationResource]
    list_display = ("event", "member", "delegates")
    # The years of the events with a participation (one probe per event), not of every participation.
    list_filter = ("event__kind", year_filter("event__start_date", years=years_with_participations), "member__country")
    list_select_related = ("event", "member")
    # Newest records first, by the unique (event, member) index: no sort of every participation.
    ordering = ("-event_id", "-member_id")
    search_fields = ["event__slug", "member__slug", *(f"member__{field}" for field in localized_fields("name"))]
    autocomplete_fields = ["event", "member"]
