"""Admin of the annual report: messages, the secretariat of each year, and the "Annual reports" page."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.caching import content_version
from core.history_admin import RecordHistoryAdmin
from near_portal.report import data, editions
from near_portal.report.models import (
    FIRST_YEAR,
    MessageAuthor,
    ReportEdition,
    ReportMessage,
    SecretariatPost,
    SecretariatProfile,
)
from near_portal.report.secretariat import copy_secretariat
from near_portal.report.sections import ReportRequest, collect, section_titles

# The editions listed on the page, newest first.
EDITIONS_SHOWN = 200
# The sections left out of a year, kept until the record changes (the content version moves) or this long.
LEFT_OUT_CACHE_SECONDS = 3600


@admin.register(ReportMessage)
class ReportMessageAdmin(RecordHistoryAdmin):
    list_display = ("year", "language", "author", "dated")
    list_filter = ("year", "language", "author")
    search_fields = ("body", "signature")


class SecretariatPostInline(TranslationTabularInline):
    model = SecretariatPost
    extra = 0
    autocomplete_fields = ["seconded_from"]


@admin.register(SecretariatProfile)
class SecretariatProfileAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("year",)
    inlines = [SecretariatPostInline]
    actions = ["copy_to_next_year"]

    @admin.action(description=gettext_lazy("Copy to the next year, to edit for its report"), permissions=["add"])
    def copy_to_next_year(self, request, queryset):
        for profile in queryset:
            if SecretariatProfile.objects.filter(year=profile.year + 1).exists():
                self.message_user(
                    request, _("%(year)s already has a secretariat entry.") % {"year": profile.year + 1}, messages.ERROR
                )
                continue
            copy_secretariat(profile=profile, year=profile.year + 1)
            self.message_user(request, _("Copied %(from)s to %(to)s.") % {"from": profile.year, "to": profile.year + 1})


def year_choices():
    return [(year, str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, choices=year_choices)


class GenerateForm(YearForm):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)


@admin.register(ReportEdition)
class ReportEditionAdmin(admin.ModelAdmin):
    """One page instead of the list and forms: generate, follow, download and publish editions."""

    def get_model_perms(self, request):
        # The index links to the page only; there is no add or change form.
        return {"view": self.has_view_permission(request), "add": False, "change": False, "delete": False}

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("", wrap(self.annual_reports_view), name="near_portal_reportedition_changelist"),
            path("generate/", wrap(self.generate_view), name="near_portal_reportedition_generate"),
            path("<int:pk>/download/", wrap(self.download_view), name="near_portal_reportedition_download"),
            path("<int:pk>/publish/", wrap(self.publish_view), name="near_portal_reportedition_publish"),
            path("<int:pk>/withdraw/", wrap(self.withdraw_view), name="near_portal_reportedition_withdraw"),
        ]

    def annual_reports_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        editions.fail_stale_editions(now=timezone.now())
        # The year shown: the one asked for, else the last full year.
        shown_year = YearForm(request.GET)
        year = shown_year.cleaned_data["year"] if shown_year.is_valid() else timezone.localdate().year - 1
        shown = list(ReportEdition.objects.select_related("requested_by")[:EDITIONS_SHOWN])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Annual reports"),
            "form": GenerateForm(initial={"year": year, "language": request.GET.get("language", "en")}),
            "year": year,
            "missing_messages": self.missing_messages(year),
            "left_out": self.left_out_sections(year),
            "editions": shown,
            "refresh": any(
                edition.state in (ReportEdition.State.QUEUED, ReportEdition.State.RUNNING) for edition in shown
            ),
            "can_generate": self.has_add_permission(request),
            "can_publish": self.has_change_permission(request),
        }
        return TemplateResponse(request, "report/admin/annual_reports.html", context)

    def missing_messages(self, year):
        """Messages of ``year`` not entered yet, each with a link to the form that adds it."""
        languages = dict(settings.LANGUAGES)
        authors = dict(MessageAuthor.choices)
        add_url = reverse("admin:near_portal_reportmessage_add")
        return [
            {
                "language": languages[language],
                "author": authors[author],
                "add_url": f"{add_url}?{urlencode({'year': year, 'language': language, 'author': author})}",
            }
            for language, author in data.missing_messages(year)
        ]

    def left_out_sections(self, year):
        """Titles of the sections the report of ``year`` leaves out for lack of data (messages aside).

        Finding them reads the whole report's data, which grows with the year's events and the
        dues ledger: the answer is kept until the record changes (the page reloads itself
        while an edition is being generated).
        """
        key = f"report-left-out:{content_version()}:{year}"
        left_out = cache.get(key)
        if left_out is None:
            _present, left_out = collect(ReportRequest(year, "en"))
            cache.set(key, left_out, LEFT_OUT_CACHE_SECONDS)
        titles = section_titles(year)
        return [titles[key] for key in left_out if key != "messages"]

    def generate_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = GenerateForm(request.POST)
        if not form.is_valid():
            self.message_user(request, _("Choose a year and a language."), messages.ERROR)
            return redirect("admin:near_portal_reportedition_changelist")
        edition = editions.request_edition(
            year=form.cleaned_data["year"], language=form.cleaned_data["language"], user=request.user, on=timezone.now()
        )
        self.message_user(
            request,
            _("The %(year)s report in %(language)s is being generated; this page shows when it is ready.")
            % {"year": edition.year, "language": edition.get_language_display()},
        )
        changelist = reverse("admin:near_portal_reportedition_changelist")
        return redirect(f"{changelist}?{urlencode({'year': edition.year, 'language': edition.language})}")

    def download_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        edition = get_object_or_404(ReportEdition, pk=pk, state=ReportEdition.State.DONE)
        if not edition.file.storage.exists(edition.file.name):
            raise Http404(_("The file of this edition is missing."))
        return FileResponse(edition.file.open("rb"), as_attachment=True, filename=edition.download_name())

    def publish_view(self, request, pk):
        return self.change_publication(request, pk, publish=True)

    def withdraw_view(self, request, pk):
        return self.change_publication(request, pk, publish=False)

    def change_publication(self, request, pk, *, publish):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        edition = get_object_or_404(ReportEdition, pk=pk, state=ReportEdition.State.DONE)
        if publish:
            editions.publish_edition(edition=edition, on=timezone.now())
            self.message_user(request, _("Published: readers can now download this edition."))
        else:
            editions.withdraw_edition(edition=edition)
            self.message_user(request, _("Withdrawn: the edition is no longer offered to readers."))
        changelist = reverse("admin:near_portal_reportedition_changelist")
        return redirect(f"{changelist}?{urlencode({'year': edition.year})}")
