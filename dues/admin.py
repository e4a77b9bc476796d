"""Admin of the dues records: only the finance officer (and superusers) change them; staff
with the view permission read them. Payments are never deleted, they are reversed."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.history_admin import RecordHistoryAdmin
from dues.costs import meeting_cost_shares
from dues.importing import PaymentImportMixin, PaymentResource
from dues.ledger import assess_fiscal_year, is_finance_officer
from dues.models import (
    Assessment,
    AssessmentPeriod,
    BudgetLine,
    DuesBudget,
    DuesDecision,
    DuesRate,
    Expenditure,
    MeetingCost,
    Payment,
    Settlement,
    Waiver,
)


class FinanceOnlyMixin:
    """Add, change and delete for the "Finance officer" group and superusers; view for the rest."""

    def has_add_permission(self, request, *args):
        return is_finance_officer(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_finance_officer(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_finance_officer(request.user) and super().has_delete_permission(request, obj)


@admin.register(DuesDecision)
class DuesDecisionAdmin(FinanceOnlyMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("decided_on", "title", "body", "session_number", "kind")
    list_filter = ("body", "kind")
    search_fields = ("title", "summary", "source", "slug")
    prepopulated_fields = {"slug": ("title_en",)}


@admin.register(DuesRate)
class DuesRateAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("from_fiscal_year", "amount_usd", "decision")
    list_select_related = ("decision",)


@admin.register(AssessmentPeriod)
class AssessmentPeriodAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("__str__", "includes_associate_members", "decision")
    list_select_related = ("decision",)
    actions = ["generate_assessments"]

    @admin.action(description=_("Generate the assessments of the selected periods up to this fiscal year"))
    def generate_assessments(self, request, queryset):
        """Idempotent: years already assessed are left as they are."""
        if not self.has_add_permission(request):
            messages.error(request, _("Only the finance officer may generate assessments."))
            return
        this_year = timezone.localdate().year
        created = 0
        for period in queryset:
            last = min(period.last_fiscal_year or this_year, this_year)
            for year in range(period.first_fiscal_year, last + 1):
                try:
                    created += len(assess_fiscal_year(fiscal_year=year))
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
                    return
        messages.success(request, _("%(count)d assessments created.") % {"count": created})


class WaiverInline(FinanceOnlyMixin, admin.TabularInline):
    model = Waiver
    extra = 0
    fields = ("amount_usd", "granted_on", "reason", "decision")


@admin.register(Assessment)
class AssessmentAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("member", "fiscal_year", "amount_usd", "statement_link")
    list_filter = ("fiscal_year", "member__country")
    list_select_related = ("member",)
    search_fields = ("member__name", "member__slug")
    readonly_fields = ("member", "fiscal_year", "rate", "period")
    inlines = [WaiverInline]

    def get_readonly_fields(self, request, obj=None):
        # Assessments come from "generate"; once made, only the amount may be corrected.
        return self.readonly_fields if obj else ()

    @admin.display(description=_("statement"))
    def statement_link(self, obj):
        url = reverse("dues:statement", kwargs={"slug": obj.member.slug})
        return format_html('<a href="{}">{}</a>', url, _("statement"))


@admin.register(Payment)
class PaymentAdmin(PaymentImportMixin, FinanceOnlyMixin, RecordHistoryAdmin):
    resource_classes = [PaymentResource]
    list_display = (
        "paid_on",
        "member",
        "amount",
        "currency",
        "exchange_rate",
        "amount_usd",
        "bank_reference",
        "reversed_on",
    )
    list_filter = ("currency", "member__country")
    list_select_related = ("member",)
    search_fields = ("bank_reference", "member__name", "member__slug", "note")
    date_hierarchy = "paid_on"
    readonly_fields = ("amount_usd",)
    fields = (
        "member",
        "paid_on",
        "amount",
        "currency",
        "exchange_rate",
        "amount_usd",
        "bank_reference",
        "note",
        "reversed_on",
        "reversal_reason",
    )

    def get_readonly_fields(self, request, obj=None):
        # A recorded payment is corrected by reversing it, not by editing what the bank credited.
        if obj:
            return (*self.fields[:8],)
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Waiver)
class WaiverAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("assessment", "amount_usd", "granted_on", "decision")
    list_select_related = ("assessment__member", "decision")
    autocomplete_fields = ("assessment",)


@admin.register(MeetingCost)
class MeetingCostAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("event", "host", "total_cost", "currency")
    list_select_related = ("event", "host")
    readonly_fields = ("shares",)

    @admin.display(description=_("shares (Charter art. 15(2)2)"))
    def shares(self, obj):
        if obj.pk is None:
            return "—"
        shares = meeting_cost_shares(obj)
        rows = [
            (_("host government (B + shortfall + rounding)"), obj.host, shares.host_total),
            *[(_("member taking part (C/D)"), member, shares.share) for member in shares.payers],
        ]
        return format_html(
            "<table><tbody>{}</tbody></table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )


class BudgetLineInline(FinanceOnlyMixin, TranslationTabularInline):
    model = BudgetLine
    extra = 0


@admin.register(DuesBudget)
class DuesBudgetAdmin(FinanceOnlyMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("fiscal_year", "drafted_on", "reviewed_on", "approved_by")
    list_select_related = ("approved_by",)
    inlines = [BudgetLineInline]


@admin.register(Expenditure)
class ExpenditureAdmin(FinanceOnlyMixin, RecordHistoryAdmin):
    list_display = ("spent_on", "description", "amount_usd", "line", "voucher")
    list_filter = ("budget__fiscal_year",)
    list_select_related = ("line",)
    search_fields = ("description", "payee", "voucher")


@admin.register(Settlement)
class SettlementAdmin(FinanceOnlyMixin, RecordHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("fiscal_year", "prepared_on", "submitted_to_auditors_on", "audited_on", "approved_by")
    list_select_related = ("approved_by",)
