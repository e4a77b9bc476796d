"""Admin of sessions, officers, agenda, motions and resolutions; the vote pages are in ``grids``."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from assemblies import polls
from assemblies.admin import effect_forms, grids
from assemblies.effect_parameters import PARAMETER_HELP, PARAMETER_KINDS
from assemblies.effects import effects_with_targets, target_prefetch
from assemblies.models import (
    AgendaItem,
    Ballot,
    Motion,
    Officer,
    PollAnnulment,
    Resolution,
    ResolutionEffect,
    Session,
)
from core.admin_inlines import FixedQueriesInlineMixin
from core.history_admin import KeptRecordsAdminMixin, RecordHistoryAdmin


def admin_link(record) -> str:
    """A link to ``record``'s admin page; for a record edited inline (a membership event), its government's page."""
    if record is None:
        return "—"
    for target in (record, getattr(record, "member", None), getattr(record, "government", None)):
        if target is None:
            continue
        try:
            url = reverse(f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk])
        except NoReverseMatch:
            continue
        return format_html('<a href="{}">{}</a>', url, record)
    return str(record)


class AgendaItemInline(FixedQueriesInlineMixin, admin.TabularInline):
    model = AgendaItem
    row_select_related = ("session",)
    fields = ("position", "title", "decision_kind")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("title", "body", "dates_display", "host", "place", "online")
    list_filter = ("body", "online", "extraordinary")
    list_select_related = ("host",)
    search_fields = ("theme", "place", "summary")
    readonly_fields = ("working_pages",)
    # The event is picked by search: a select would list every event of the record.
    autocomplete_fields = ("host", "chair", "event")
    inlines = [AgendaItemInline]
    fieldsets = (
        (None, {"fields": ("working_pages", "body", "number", "key", "extraordinary")}),
        (
            gettext_lazy("Dates and place"),
            {
                "fields": (
                    "start_date",
                    "end_date",
                    "date_precision",
                    "host",
                    "place",
                    "online",
                    "written_resolutions",
                    "event",
                )
            },
        ),
        (gettext_lazy("Content"), {"fields": ("theme", "summary", "chair", "source")}),
        (
            gettext_lazy("Totals as recorded"),
            {"fields": ("recorded_attending", "recorded_present", "recorded_written", "recorded_voting")},
        ),
    )

    @admin.display(description=gettext_lazy("dates"))
    def dates_display(self, obj):
        return obj.dates_display

    @admin.display(description=gettext_lazy("working pages"))
    def working_pages(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        # The public address of the session as saved: a form sent back with errors holds its
        # unsaved values (an emptied key has no address).
        saved = Session.objects.only("body", "key").get(pk=obj.pk)
        links = format_html(
            '<a class="button" href="{}">{}</a> <a class="button" href="{}?session={}">{}</a>',
            reverse("admin:assemblies_session_attendance", args=[obj.pk]),
            _("Attendance grid"),
            reverse("admin:assemblies_agendaitem_add"),
            obj.pk,
            _("Add an agenda item"),
        )
        try:
            # The documents app (after this one) generates and publishes the minutes.
            minutes_url = reverse("admin:documents_document_minutes", args=[obj.pk])
        except NoReverseMatch:
            minutes_url = ""
        if minutes_url:
            links += format_html(' <a class="button" href="{}">{}</a>', minutes_url, _("Minutes"))
        return links + format_html(' <a href="{}">{}</a>', saved.get_absolute_url(), _("Public page"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/attendance/",
                view(lambda request, object_id: grids.attendance_grid(self, request, object_id)),
                name="assemblies_session_attendance",
            ),
            *super().get_urls(),
        ]


class MotionInline(FixedQueriesInlineMixin, admin.TabularInline):
    model = Motion
    row_select_related = ("agenda_item__session",)
    fields = ("position", "text", "status", "outcome")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("title", "session", "position", "decision_kind")
    list_filter = ("session__body", "decision_kind")
    list_select_related = ("session",)
    search_fields = ("title", "text")
    autocomplete_fields = ("session",)
    readonly_fields = ("working_pages",)
    inlines = [MotionInline]

    @admin.display(description=gettext_lazy("working pages"))
    def working_pages(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return format_html(
            '<a class="button" href="{}?agenda_item={}">{}</a>',
            reverse("admin:assemblies_motion_add"),
            obj.pk,
            _("Add a motion"),
        )


class EffectRowsInline(FixedQueriesInlineMixin, admin.TabularInline):
    """A motion's effects, each with its government and the record it changed, read once for the formset."""

    model = ResolutionEffect
    row_select_related = ("member", "motion__agenda_item__session")

    @property
    def row_prefetch_related(self):
        return (target_prefetch(),)  # a new Prefetch each time: prefetching may change one


class ResolutionEffectInline(EffectRowsInline):
    fields = (
        "position",
        "kind",
        "member",
        "membership_type",
        "effective_on",
        "parameters_page",
        "parameters",
        "description",
        "changed_record",
    )
    readonly_fields = ("parameters_page", "changed_record")
    autocomplete_fields = ("member",)
    extra = 0

    @admin.display(description=gettext_lazy("changed record"))
    def changed_record(self, obj):
        return admin_link(obj.target) if obj.pk else "—"

    @admin.display(description=gettext_lazy("parameters form"))
    def parameters_page(self, obj):
        if obj.pk is None or obj.kind not in PARAMETER_KINDS:
            return "—"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:assemblies_motion_effect_parameters", args=[obj.pk]),
            _("Parameters of this effect"),
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "parameters":
            # What each kind expects (assemblies.effect_parameters), where the effect is entered;
            # the form of "Parameters of this effect" writes it for the person.
            texts = [
                _("Easier: save the effect, then fill in its parameters with “Parameters of this effect”. As JSON:")
            ]
            field.help_text = format_html_join(
                mark_safe("<br>"), "{}", ((text,) for text in dict.fromkeys([*texts, *PARAMETER_HELP.values()]))
            )
        return field

    # The effects of a closed or recorded poll are part of its result: read-only.
    def has_add_permission(self, request, obj=None):
        return not (obj and obj.is_locked) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.is_locked) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_locked) and super().has_delete_permission(request, obj)


class BallotInline(FixedQueriesInlineMixin, admin.TabularInline):
    """The ballots standing now, read-only: they change through the ballot grid or the officer's written vote."""

    model = Ballot
    row_select_related = ("member", "recorded_by", "motion__agenda_item__session")
    fields = ("member", "vote", "method", "cast_at", "recorded_by", "reason", "reference")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = gettext_lazy("current ballot")
    verbose_name_plural = gettext_lazy("current ballots")

    superseded = False  # the current ballots; the history inline shows the others

    def get_queryset(self, request):
        rows = super().get_queryset(request).filter(superseded_at__isnull=not self.superseded)
        return rows.order_by("member__country__display_order", "member__list_position", "member__name", "cast_at")

    @admin.display(description=gettext_lazy("vote"))
    def vote(self, obj):
        return obj.vote_display

    @admin.display(description=gettext_lazy("reference"))
    def reference(self, obj):
        return obj.reference

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # ballots are append-only


class SupersededBallotInline(BallotInline):
    """The ballots' history: every row a later one superseded, with who recorded it, when and why it was replaced."""

    fields = ("member", "vote", "method", "cast_at", "recorded_by", "reason", "superseded_at", "reference")
    readonly_fields = fields
    verbose_name = gettext_lazy("superseded ballot")
    verbose_name_plural = gettext_lazy("ballot history: superseded ballots")
    superseded = True


@admin.register(Motion)
class MotionAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "status", "outcome", "tally")
    list_filter = ("status", "outcome", "agenda_item__session__body")
    list_select_related = ("agenda_item__session",)
    search_fields = ("text",)
    autocomplete_fields = ("agenda_item",)
    actions = ["close_selected_polls"]
    inlines = [ResolutionEffectInline, BallotInline, SupersededBallotInline]
    result_fields = (
        "working_pages",
        "status",
        "outcome",
        "eligible_count",
        "present_count",
        "written_count",
        "yes_count",
        "no_count",
        "abstain_count",
        "threshold",
        "quorum_needed",
        "votes_needed",
        "closed_on",
        "closed_at",
        "closed_by",
        "annulments_list",
    )
    readonly_fields = result_fields

    @admin.display(description=gettext_lazy("tally"))
    def tally(self, obj):
        if obj.yes_count is None:
            return "—"
        return f"{obj.yes_count} / {obj.no_count} / {obj.abstain_count}"

    @admin.display(description=gettext_lazy("working pages"))
    def working_pages(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        if obj.status == Motion.Status.OPEN:
            return format_html(
                '<a class="button" href="{}">{}</a> <a class="button" href="{}">{}</a> <a class="button" href="{}">{}</a>',
                reverse("admin:assemblies_motion_ballots", args=[obj.pk]),
                _("Ballot grid"),
                reverse("admin:assemblies_motion_tally", args=[obj.pk]),
                _("Tally"),
                reverse("admin:assemblies_motion_close", args=[obj.pk]),
                _("Close the poll"),
            )
        if obj.status == Motion.Status.CLOSED:
            return format_html(
                '<a class="button" href="{}">{}</a>',
                reverse("admin:assemblies_motion_annul", args=[obj.pk]),
                _("Annul the poll"),
            )
        return _("As recorded: no poll in the portal.")

    @admin.display(description=gettext_lazy("annulments"))
    def annulments_list(self, obj):
        rows = obj.annulments.select_related("annulled_by") if obj.pk else []
        return (
            format_html_join("", "<p>{} — {}: {}</p>", ((a.annulled_at, a.annulled_by, a.reason) for a in rows)) or "—"
        )

    def has_change_permission(self, request, obj=None):
        # A closed or recorded poll is read-only: only an annulment reopens it.
        if obj is not None and obj.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_locked:
            return False
        return super().has_delete_permission(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view

        def page(function):
            return view(lambda request, object_id: function(self, request, object_id))

        return [
            path("<int:object_id>/ballots/", page(grids.ballot_grid), name="assemblies_motion_ballots"),
            path("<int:object_id>/tally/", page(grids.poll_tally), name="assemblies_motion_tally"),
            path("<int:object_id>/close/", page(grids.close_poll_view), name="assemblies_motion_close"),
            path("<int:object_id>/annul/", page(grids.annul_poll_view), name="assemblies_motion_annul"),
            path(
                "effects/<int:effect_id>/parameters/",
                view(
                    lambda request, effect_id: effect_forms.parameters_view(
                        self, request, effect_id, ResolutionEffectInline(Motion, self.admin_site)
                    )
                ),
                name="assemblies_motion_effect_parameters",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=gettext_lazy("Close the selected polls"), permissions=["change"])
    def close_selected_polls(self, request, queryset):
        """Ask for confirmation and a closing date, then close each selected poll in its own transaction."""
        motions = list(queryset.filter(status=Motion.Status.OPEN).select_related("agenda_item__session"))
        form = grids.CloseForm(request.POST if "confirm" in request.POST else None)
        if "confirm" in request.POST and form.is_valid():
            for motion in motions:
                try:
                    polls.close_poll(motion=motion, closed_by=request.user, on=form.cleaned_data["closed_on"])
                except ValidationError as error:
                    self.message_user(request, f"{motion}: {' '.join(error.messages)}", messages.ERROR)
                else:
                    motion.refresh_from_db()
                    self.message_user(request, f"{motion}: {motion.get_outcome_display()}", messages.SUCCESS)
            return None
        counts = []
        for motion in motions:
            try:
                counts.append((motion, polls.count_poll(motion), ""))
            except ValidationError as error:
                counts.append((motion, None, " ".join(error.messages)))
        return TemplateResponse(
            request,
            "admin/assemblies/close_selected_polls.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Close the selected polls"),
                "counts": counts,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


class ResolutionEffectReadOnlyInline(EffectRowsInline):
    fields = ("kind", "member", "description", "effective_on", "applied_at", "changed_record")
    readonly_fields = fields
    extra = 0
    can_delete = False
    fk_name = "motion"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("changed record"))
    def changed_record(self, obj):
        return admin_link(obj.target)


@admin.register(Resolution)
class ResolutionAdmin(KeptRecordsAdminMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "adopted_on", "effects_list", "annulment")
    list_filter = (("annulment", admin.EmptyFieldListFilter),)
    list_select_related = ("motion__agenda_item__session", "annulment")
    readonly_fields = ("motion", "adopted_on", "effects_list", "annulment")
    fields = ("motion", "adopted_on", "text", "effects_list", "annulment")

    def has_change_permission(self, request, obj=None):
        # An annulled resolution is kept as it was set aside: its page only shows it.
        return not (obj is not None and obj.annulment_id) and super().has_change_permission(request, obj)

    def get_queryset(self, request):
        # Each row lists what its resolution changed: the effects and their records, read for the page at once.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("motion__effects", queryset=effects_with_targets().order_by("position")))
        )

    @admin.display(description=gettext_lazy("what it changed"))
    def effects_list(self, obj):
        effects = obj.motion.effects.all()
        return (
            format_html_join("", "<p>{}: {}</p>", ((e.get_kind_display(), admin_link(e.target)) for e in effects))
            or "—"
        )

    def has_add_permission(self, request):
        return False


@admin.register(Officer)
class OfficerAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("role", "government", "person_name", "country", "term_start", "term_end", "elected_at")
    list_filter = ("role", "country")
    list_select_related = ("government", "country", "elected_at")
    autocomplete_fields = ("government", "elected_at")


@admin.register(PollAnnulment)
class PollAnnulmentAdmin(RecordHistoryAdmin):
    list_display = ("motion", "annulled_at", "annulled_by", "reason")
    readonly_fields = ("motion", "annulled_at", "annulled_by", "reason", "previous_result")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
