"""Admin of the Charter and the Regulations: instruments, articles with their history, versions
with six-language tabs, and the form that applies an amendment in one transaction."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from core.admin_inlines import FixedQueriesInlineMixin
from core.history_admin import KeptRecordsAdminMixin, RecordHistoryAdmin
from instruments.amendment_form import AmendmentForm, ArticleChangeFormSet
from instruments.amendments import apply_amendment
from instruments.models import Amendment, Article, ArticleVersion, Heading, Instrument, Paragraph


class HeadingInline(TranslationTabularInline):
    model = Heading
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("short_title", "slug", "kind", "source_language", "position")
    inlines = [HeadingInline]


class VersionHistoryInline(FixedQueriesInlineMixin, admin.TabularInline):
    """The article's history on its own admin page: every version, newest last, read-only."""

    model = ArticleVersion
    extra = 0
    can_delete = False
    fields = ("valid_from", "valid_until", "status", "title", "amendment", "revoked_at", "edit")
    readonly_fields = fields
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        # Revoked versions too (kept, marked): the article's whole record.
        versions = ArticleVersion.all_objects.with_valid_until().select_related(
            "amendment__instrument", "article__instrument"
        )
        return versions if self.has_view_or_change_permission(request) else versions.none()

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("replaced on"))
    def valid_until(self, version):
        return formats.date_format(version.valid_until, "DATE_FORMAT") if version.valid_until else "—"

    @admin.display(description=_("wording"))
    def edit(self, version):
        url = reverse("admin:instruments_articleversion_change", args=[version.pk])
        return format_html('<a href="{}">{}</a>', url, _("edit"))


@admin.register(Article)
class ArticleAdmin(RecordHistoryAdmin):
    list_display = ("__str__", "key", "kind", "position")
    list_filter = ("instrument", "kind")
    search_fields = ("number", "key")
    list_select_related = ("instrument",)
    inlines = [VersionHistoryInline]


class ParagraphInline(FixedQueriesInlineMixin, TranslationStackedInline):
    model = Paragraph
    # Each row's title is "<article> — <date> — <number>": the version, its article and instrument, read once.
    row_select_related = ("version__article__instrument",)
    extra = 0
    fields = ("position", "number", "status", "text", "note", "remark")


class RevokedReadOnlyMixin(KeptRecordsAdminMixin):
    """Revoked rows are listed (filter "revoked at") and shown, never changed."""

    def has_change_permission(self, request, obj=None):
        return not (obj is not None and obj.revoked_at) and super().has_change_permission(request, obj)


@admin.register(ArticleVersion)
class ArticleVersionAdmin(RevokedReadOnlyMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("article", "valid_from", "status", "amendment", "revoked_at")
    list_filter = ("article__instrument", "status", "valid_from", ("revoked_at", admin.EmptyFieldListFilter))
    readonly_fields = ("revoked_at",)
    list_select_related = ("article__instrument", "amendment__instrument")
    search_fields = ("article__number", "article__key", "title_en", "title_zh_hans")
    inlines = [ParagraphInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Each choice reads "<instrument> — ...": the instruments with the choices, not one query per choice.
        if db_field.name in ("article", "amendment"):
            kwargs.setdefault("queryset", db_field.related_model._default_manager.select_related("instrument"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Amendment)
class AmendmentAdmin(RevokedReadOnlyMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("instrument", "effective_on", "kind", "body", "session", "scope_recorded", "revoked_at")
    list_filter = ("instrument", "kind", "body", ("revoked_at", admin.EmptyFieldListFilter))
    readonly_fields = ("revoked_at", "revoked_reason")
    list_select_related = ("instrument",)
    date_hierarchy = "effective_on"

    def get_urls(self):
        apply_url = path("apply/", self.admin_site.admin_view(self.apply_view), name="instruments_amendment_apply")
        return [apply_url, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"apply_url": reverse("admin:instruments_amendment_apply")} | (extra_context or {})
        return super().changelist_view(request, extra_context=extra)

    def apply_view(self, request):
        """Apply an amendment: all its article versions begin, the replaced ones end, or nothing changes."""
        if not (self.has_add_permission(request) and request.user.has_perm("instruments.add_articleversion")):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form, changes = AmendmentForm(data), ArticleChangeFormSet(data, prefix="changes")
        if data is not None and form.is_valid() and changes.is_valid():
            try:
                amendment = apply_amendment(
                    **form.amendment_kwargs(),
                    changes=[f.change() for f in changes.forms if f.cleaned_data.get("article")],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The amendment was applied."))
                return redirect("admin:instruments_amendment_change", amendment.pk)
        context = self.admin_site.each_context(request) | {
            "title": _("Apply an amendment"),
            "opts": self.model._meta,
            "form": form,
            "changes": changes,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/instruments/amendment/apply.html", context)
