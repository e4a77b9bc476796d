"""Admin of documents: six-language tabs, one file per language inline, the symbol shown as built."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from core.history_admin import RecordHistoryAdmin
from documents.models import Document, DocumentFile, NewsItem


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ("language", "file", "content_type", "size")
    readonly_fields = ("content_type", "size")


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
    inlines = [DocumentFileInline]


@admin.register(NewsItem)
class NewsItemAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("title", "kind", "published_on", "published")
    list_filter = ("kind", "published")
    search_fields = ("title", "slug")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("members", "events")
    filter_horizontal = ("sessions", "committees")
