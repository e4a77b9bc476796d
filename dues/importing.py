"""Import of the bank's payment lists (CSV/XLSX) in the admin, all or nothing.

The rules are the members app's (issue 2, section 5): one bad row and nothing is written,
and every bad row is listed with its row number and reason. django-import-export keeps the
valid rows when others fail model validation unless ``rollback_on_validation_errors`` is on,
and its confirm step does not pass that flag, so ``AllOrNothingImportMixin`` forces it.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.admin import ImportMixin

from core.importexport import AllOrNothingImportMixin, SlugWidget
from dues.models import Currency, Payment
from members.models import MemberGovernment


class PaymentImportMixin(AllOrNothingImportMixin, ImportMixin):
    """Admin import of payments, all or nothing."""

    def has_import_permission(self, request):
        # Payments are only ever added (a wrong one is reversed): the add permission suffices.
        return self.has_add_permission(request)


class DayWidget(widgets.DateWidget):
    """A date written YYYY-MM-DD (or a date cell of a spreadsheet)."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value or "").strip())
        except ValueError:
            raise ValueError(_("'%(value)s' is not a date written YYYY-MM-DD") % {"value": value}) from None


class AmountWidget(widgets.DecimalWidget):
    """A positive amount; thousands separators (1,300,000) are allowed."""

    def __init__(self, *, required=True):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(",", "").replace(" ", "")
        if not text:
            if self.required:
                raise ValueError(_("an amount is required"))
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(_("'%(value)s' is not a number") % {"value": value}) from None
        if not amount.is_finite() or amount <= 0:
            raise ValueError(_("'%(value)s' is not an amount above zero") % {"value": value})
        return amount


class CurrencyWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        code = str(value or "").strip().upper()
        if code not in Currency.values:
            raise ValueError(_("currency '%(value)s' is not KRW or USD") % {"value": value})
        return code


class PaymentResource(resources.ModelResource):
    """Columns: date, member (slug), amount, currency (KRW or USD), exchange_rate (KRW per USD;
    empty for USD), bank_reference, note. Every row is a new payment; a bank reference
    already recorded, or repeated in the file, is an error."""

    paid_on = fields.Field(attribute="paid_on", column_name="date", widget=DayWidget())
    member = fields.Field(
        attribute="member", column_name="member", widget=SlugWidget(MemberGovernment, gettext_lazy("member government"))
    )
    amount = fields.Field(attribute="amount", column_name="amount", widget=AmountWidget())
    currency = fields.Field(attribute="currency", column_name="currency", widget=CurrencyWidget())
    exchange_rate = fields.Field(
        attribute="exchange_rate", column_name="exchange_rate", widget=AmountWidget(required=False)
    )
    bank_reference = fields.Field(attribute="bank_reference", column_name="bank_reference", widget=widgets.CharWidget())
    note = fields.Field(attribute="note", column_name="note", widget=widgets.CharWidget())

    class Meta:
        model = Payment
        fields = ("paid_on", "member", "amount", "currency", "exchange_rate", "bank_reference", "note")
        import_id_fields = ("bank_reference",)
        clean_model_instances = True
        use_transactions = True

    def get_instance(self, instance_loader, row):
        # Payments are only ever added: a known reference is reported, never overwritten.
        return None

    def init_instance(self, row=None):
        # No default currency: a row whose currency is wrong must not be read as won.
        return Payment(currency="")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's validation on top of the column errors; a rate is not checked without a currency."""
        errors = dict(import_validation_errors or {})
        exclude = set(errors) | ({"exchange_rate"} if "currency" in errors else set())
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_import_row(self, row, **kwargs):
        for key in ("bank_reference", "note"):
            if row.get(key) is None:
                row[key] = ""
        row["bank_reference"] = str(row["bank_reference"]).strip()
        # A payment in dollars is credited as it is: its exchange rate is 1.
        if str(row.get("currency") or "").strip().upper() == Currency.USD and not row.get("exchange_rate"):
            row["exchange_rate"] = "1"
        super().before_import_row(row, **kwargs)
