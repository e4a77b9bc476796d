"""Admin of the members app: six-language tabs, filters, search in every language."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from members.models import Country, LiaisonContact, MemberGovernment, MembershipEvent, Partner


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("code", "name", "display_order")
    ordering = ("display_order",)


class MembershipEventInline(admin.TabularInline):
    model = MembershipEvent
    extra = 0
    fields = ("kind", "membership_type", "date", "date_precision", "description", "source")


class LiaisonContactInline(admin.TabularInline):
    model = LiaisonContact
    extra = 0


@admin.register(MemberGovernment)
class MemberGovernmentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("name", "country", "kind", "membership_type", "list_position", "admitted_on")
    list_filter = ("country", "membership_type", "kind")
    search_fields = [f"name_{code}" for code in ("en", "mn", "zh_hans", "ko", "ja", "ru")] + ["slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("membership_type", "admitted_on", "admitted_precision")
    inlines = [MembershipEventInline, LiaisonContactInline]
    list_select_related = ("country",)


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("name", "acronym", "kind", "display_order")
    list_filter = ("kind",)
