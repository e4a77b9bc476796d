"""Admin of the members app: six-language tabs, filters, search in every language."""

from django.contrib import admin
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TabbedTranslationAdmin

from core.history_admin import RecordHistoryAdmin
from core.importexport import AllOrNothingImportMixin
from members.membership import sync_from_history
from members.models import Country, LiaisonContact, MemberGovernment, MembershipEvent, Partner
from members.resources import NAME_FIELDS, MemberGovernmentResource


@admin.register(Country)
class CountryAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
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
class MemberGovernmentAdmin(AllOrNothingImportMixin, ImportExportMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    resource_classes = [MemberGovernmentResource]
    list_display = ("name", "country", "kind", "membership_type", "list_position", "admitted_on")
    list_filter = ("country", "membership_type", "kind")
    search_fields = [*NAME_FIELDS, "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("membership_type", "admitted_on", "admitted_precision")
    inlines = [MembershipEventInline, LiaisonContactInline]
    list_select_related = ("country",)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The stored type and admission date follow the history just edited inline.
        sync_from_history(form.instance)


@admin.register(Partner)
class PartnerAdmin(RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("name", "acronym", "kind", "in_current_brochure", "display_order")
    list_filter = ("kind", "in_current_brochure")
