"""Admin of documents: six-language tabs, one file per language inline, the symbol shown as built."""

from django.contrib import admin
from django.urls import path
from modeltranslation.admin import TabbedTranslationAdmin

from core.history_admin import RecordHistoryAdmin
from documents import minutes_admin
from documents.models import Document, DocumentFile, MinutesPublication, NewsItem


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ("language", "file", "content_type", "size")
    readonly_fields = ("content_type", "size")


class MinutesPublicationInline(admin.TabularInline):
    """The versions of generated minutes: written by publishing only, never edited."""

    model = MinutesPublication
    extra = 0
    fields = ("version", "published_at", "published_by", "digest")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("symbol", "title", "kind", "date", "access")
    list_filter = ("kind", "body", "access")
    search_fields = ("symbol", "title")
    date_hierarchy = "date"
    readonly_fields = ("symbol",)
    # The event is searched, not chosen from a list of every event the record holds.
    autocomplete_fields = ("member", "event")
    raw_id_fields = ("resolution",)
    fields = (
        "symbol",
        "kind",
        "body",
        "number",
        "date",
        "title",
        "summary",
        "access",
        "session",
        "committee",
        "event",
        "member",
        "resolution",
    )
    inlines = [DocumentFileInline, MinutesPublicationInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A document keeps its resolution when the resolution is annulled (kept, set aside), so
        # the document can still be saved.
        if db_field.name == "resolution":
            kwargs.setdefault("queryset", db_field.related_model.all_objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "minutes/<int:session_id>/",
                view(lambda request, session_id: minutes_admin.preview_view(self, request, session_id)),
                name="documents_document_minutes",
            ),
            path(
                "minutes/<int:session_id>/pdf/",
                view(lambda request, session_id: minutes_admin.preview_pdf_view(self, request, session_id)),
                name="documents_document_minutes_pdf",
            ),
            *super().get_urls(),
        ]


@admin.register(NewsItem)
class NewsItemAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("title", "kind", "published_on", "published")
    list_filter = ("kind", "published")
    search_fields = ("title", "slug")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("members", "events")
    filter_horizontal = ("sessions", "committees")
