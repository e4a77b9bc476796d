"""Dues of NEAR: the decisions behind them, rates, assessments, payments, waivers, meeting cost
shares, and the dues budget and settlement (Dues Regulation, Charter arts. 7, 9(1), 15(2)).

The rules that read these records (allocation, arrears, voting rights, cost shares) live in
``dues/ledger.py``; the reads that select rows in ``dues/querysets.py``.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import IntegerRangeField, RangeOperators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Round, Upper
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dues.querysets import AssessmentQuerySet, PaymentQuerySet, WaiverQuerySet
from members.models import MemberGovernment, NaturalKeyManager

# Dues Regulation, supplementary provisions art. 1: the regulation applies from 1 January 2017.
FIRST_FISCAL_YEAR = 2017


def fiscal_year_field(verbose_name, **kwargs):
    """A fiscal year (Dues Regulation art. 3: the calendar year), never before the regime began."""
    return models.PositiveSmallIntegerField(verbose_name, validators=[MinValueValidator(FIRST_FISCAL_YEAR)], **kwargs)


def usd_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


CENT = Decimal("0.01")


def usd_credited(amount: Decimal, exchange_rate: Decimal) -> Decimal:
    """Dollars credited for ``amount`` at ``exchange_rate`` (units per USD), to the cent, half up.

    The database checks the same figure (constraint ``payment_usd_credited_at_rate``).
    """
    return (Decimal(amount) / Decimal(exchange_rate)).quantize(CENT, rounding=ROUND_HALF_UP)


class DuesDecision(models.Model):
    """A decision of the General Assembly or the Working Committee on dues, budget or settlement."""

    class Body(models.TextChoices):
        GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
        WORKING_COMMITTEE = "working_committee", _("Working Committee")

    class Kind(models.TextChoices):
        REGULATION = "regulation", _("Dues Regulation adopted, amended or confirmed")
        RATE = "rate", _("rate of the dues")
        ASSESSMENT = "assessment", _("fiscal years assessed")
        DEFERRAL = "deferral", _("payment deferred")
        SUSPENSION = "suspension", _("payment suspended")
        WAIVER = "waiver", _("waiver or reduction")
        BUDGET = "budget", _("budget and business plan approved")
        SETTLEMENT = "settlement", _("settlement approved")
        OTHER = "other", _("other")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    session_number = models.PositiveSmallIntegerField(
        _("session number"), null=True, blank=True, help_text=_("For example 12 for the 12th General Assembly.")
    )
    decided_on = models.DateField(_("decided on"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    objects = NaturalKeyManager("slug")

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("dues decision")
        verbose_name_plural = _("dues decisions")

    def __str__(self):
        return f"{self.decided_on.isoformat()} {self.title}"

    def natural_key(self):
        return (self.slug,)


class DuesRate(models.Model):
    """The yearly dues of each member government from a fiscal year on, and the decision that set them."""

    from_fiscal_year = fiscal_year_field(_("from fiscal year"), unique=True)
    amount_usd = usd_field(_("amount per member and year (USD)"))
    decision = models.ForeignKey(
        DuesDecision, on_delete=models.PROTECT, related_name="rates", verbose_name=_("decision")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_fiscal_year"]
        verbose_name = _("dues rate")
        verbose_name_plural = _("dues rates")
        constraints = [
            # Dues Regulation art. 5(1), 5(3): a rate is a positive amount, set from 2017 on.
            models.CheckConstraint(condition=Q(amount_usd__gt=0), name="dues_rate_positive"),
            models.CheckConstraint(condition=Q(from_fiscal_year__gte=FIRST_FISCAL_YEAR), name="dues_rate_from_2017"),
        ]

    def __str__(self):
        return _("USD %(amount)s from %(year)s") % {"amount": self.amount_usd, "year": self.from_fiscal_year}


class AssessmentPeriod(models.Model):
    """Fiscal years for which a decision requires member governments to pay their dues."""

    first_fiscal_year = fiscal_year_field(_("first fiscal year"))
    last_fiscal_year = fiscal_year_field(
        _("last fiscal year"), null=True, blank=True, help_text=_("Empty until a decision ends the period.")
    )
    includes_associate_members = models.BooleanField(
        _("associate members assessed too"),
        default=False,
        help_text=_("The Regulation speaks of members; associate members pay only if a decision says so."),
    )
    decision = models.ForeignKey(
        DuesDecision, on_delete=models.PROTECT, related_name="assessment_periods", verbose_name=_("decision")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_fiscal_year"]
        verbose_name = _("assessment period")
        verbose_name_plural = _("assessment periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_fiscal_year__isnull=True) | Q(last_fiscal_year__gte=F("first_fiscal_year")),
                name="assessment_period_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(first_fiscal_year__gte=FIRST_FISCAL_YEAR), name="assessment_period_from_2017"
            ),
            # A fiscal year belongs to one period at most, so one decision governs it.
            ExclusionConstraint(
                name="assessment_period_no_overlap",
                expressions=[
                    (
                        Func(
                            F("first_fiscal_year"),
                            F("last_fiscal_year"),
                            Value("[]"),
                            function="int4range",
                            output_field=IntegerRangeField(),
                        ),
                        RangeOperators.OVERLAPS,
                    )
                ],
            ),
        ]

    def __str__(self):
        if self.last_fiscal_year is None:
            return _("fiscal years from %(first)s") % {"first": self.first_fiscal_year}
        return _("fiscal years %(first)s–%(last)s") % {"first": self.first_fiscal_year, "last": self.last_fiscal_year}

    def covers(self, fiscal_year):
        return self.first_fiscal_year <= fiscal_year and (
            self.last_fiscal_year is None or fiscal_year <= self.last_fiscal_year
        )


class Assessment(models.Model):
    """The dues a member government owes for one fiscal year."""

    member = models.ForeignKey(
        MemberGovernment, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("member government")
    )
    fiscal_year = fiscal_year_field(_("fiscal year"))
    amount_usd = usd_field(_("amount (USD)"))
    rate = models.ForeignKey(DuesRate, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("rate"))
    period = models.ForeignKey(
        AssessmentPeriod, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("assessment period")
    )
    history = HistoricalRecords()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["fiscal_year", "member"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            # One assessment per member government per fiscal year.
            models.UniqueConstraint(
                fields=["member", "fiscal_year"],
                name="assessment_one_per_member_per_year",
                violation_error_message=_("This member government is already assessed for this fiscal year."),
            ),
            models.CheckConstraint(condition=Q(amount_usd__gt=0), name="assessment_positive"),
            models.CheckConstraint(condition=Q(fiscal_year__gte=FIRST_FISCAL_YEAR), name="assessment_from_2017"),
        ]

    def __str__(self):
        return f"{self.member} {self.fiscal_year}"

    @property
    def due_on(self):
        """Dues Regulation art. 5(2): the year's dues are paid by the end of April."""
        return datetime.date(self.fiscal_year, 4, 30)


class Currency(models.TextChoices):
    """Dues Regulation art. 5(2): dues are paid in the currency of the secretariat's country."""

    KRW = "KRW", _("Korean won (KRW)")
    USD = "USD", _("US dollar (USD)")


# Bank statements and people write one reference in several ways: in any case, with spaces, with
# ASCII hyphens or the Unicode hyphens, dashes and minus signs a word processor puts in their
# place. A reference is compared without any of these.
REFERENCE_TAKEN = "bank_reference_taken"
REFERENCE_IGNORED_CHARACTERS = " \u00a0-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"


def normalised_reference(expression):
    """The bank reference ``expression`` as PostgreSQL compares it: upper case, without spaces and dashes."""
    return Func(Upper(expression), Value(REFERENCE_IGNORED_CHARACTERS), Value(""), function="translate")


def normalise_reference(reference: str) -> str:
    """``normalised_reference`` in Python, for one reference."""
    return reference.upper().translate({ord(c): None for c in REFERENCE_IGNORED_CHARACTERS})


class Payment(models.Model):
    """Money a member government paid towards its dues, as the bank credited it."""

    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        related_name="dues_payments",
        verbose_name=_("member government"),
        db_index=False,  # ``payment_member_paid_on`` (member first) serves every lookup by member
    )
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount paid"), max_digits=15, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.KRW)
    exchange_rate = models.DecimalField(
        _("exchange rate (KRW per USD)"),
        max_digits=12,
        decimal_places=4,
        help_text=_("As entered by the finance officer; 1 for a payment in US dollars."),
        error_messages={"null": _("Enter the exchange rate of the won to the US dollar.")},
    )
    amount_usd = usd_field(_("USD credited"), editable=False)
    bank_reference = models.CharField(_("bank reference"), max_length=100)
    note = models.TextField(_("note"), blank=True)
    reversed_on = models.DateField(_("reversed on"), null=True, blank=True)
    reversal_reason = models.TextField(_("reason for the reversal"), blank=True)
    history = HistoricalRecords()

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("dues payment")
        verbose_name_plural = _("dues payments")
        indexes = [
            # A member's payments by date, with what a sum of them reads: the restriction's SQL
            # (dues.querysets) sums a member's payments up to each 1 May from this index alone.
            models.Index(
                fields=["member", "paid_on"], include=["amount_usd", "reversed_on"], name="payment_member_paid_on"
            )
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_positive"),
            models.CheckConstraint(condition=Q(exchange_rate__gt=0), name="payment_rate_positive"),
            # A payment in dollars is credited as it is.
            models.CheckConstraint(condition=~Q(currency="USD") | Q(exchange_rate=1), name="payment_usd_rate_is_one"),
            # The won has no minor unit.
            models.CheckConstraint(
                condition=~Q(currency="KRW") | Q(amount=Round(F("amount"))), name="payment_krw_whole_won"
            ),
            # The dollars credited are the amount at the rate, to the cent (half up), always.
            models.CheckConstraint(
                condition=Q(amount_usd=Round(F("amount") / F("exchange_rate"), 2)),
                name="payment_usd_credited_at_rate",
            ),
            # A bank transfer is recorded once: its reference is unique.
            # Compared normalised: "sec-ref-0001", "SEC REF 0001" and "SEC‐REF‐0001" are one transfer.
            models.UniqueConstraint(
                normalised_reference(F("bank_reference")),
                name="payment_unique_bank_reference",
                violation_error_message=_("A payment with this bank reference is already recorded."),
                violation_error_code=REFERENCE_TAKEN,
            ),
            models.CheckConstraint(condition=~Q(bank_reference=""), name="payment_bank_reference_given"),
            # A reversal has a date on or after the payment and a reason; payments are never deleted.
            models.CheckConstraint(
                condition=(
                    Q(reversed_on__isnull=True, reversal_reason="")
                    | (Q(reversed_on__gte=F("paid_on")) & ~Q(reversal_reason=""))
                ),
                name="payment_reversal_dated_with_reason",
            ),
        ]

    def __str__(self):
        return f"{self.paid_on.isoformat()} {self.member} {self.amount} {self.currency} ({self.bank_reference})"

    def save(self, *args, **kwargs):
        self.amount_usd = usd_credited(self.amount, self.exchange_rate)
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        """As Django's, with the normalised-reference constraint's error on the bank reference field."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            general = errors.pop(NON_FIELD_ERRORS, [])
            taken = [e for e in general if getattr(e, "code", None) == REFERENCE_TAKEN]
            if taken:
                errors.setdefault("bank_reference", []).extend(taken)
            if rest := [e for e in general if e not in taken]:
                errors[NON_FIELD_ERRORS] = rest
            raise ValidationError(errors) from None

    def clean(self):
        if self.exchange_rate is None or self.currency not in Currency.values:
            return  # the fields report what is missing or wrong
        if self.currency == Currency.USD and self.exchange_rate != 1:
            raise ValidationError({"exchange_rate": _("A payment in US dollars has the exchange rate 1.")})
        if self.currency == Currency.KRW and self.exchange_rate == 1:
            raise ValidationError({"exchange_rate": _("Enter the exchange rate of the won to the US dollar.")})
        if self.amount is not None and self.exchange_rate > 0:
            self.amount_usd = usd_credited(self.amount, self.exchange_rate)

    def counts_on(self, on):
        """Whether the payment is in the books on ``on``: paid by then and not yet reversed."""
        return self.paid_on <= on and (self.reversed_on is None or self.reversed_on > on)


class Waiver(models.Model):
    """A waiver or reduction of a member's dues for a fiscal year, agreed by consultation (Charter art. 15(2)4)."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="waivers", verbose_name=_("assessment")
    )
    amount_usd = usd_field(_("amount waived (USD)"))
    granted_on = models.DateField(_("granted on"))
    reason = models.TextField(_("reason"), help_text=_("For example the natural disaster that makes payment hard."))
    decision = models.ForeignKey(
        DuesDecision, on_delete=models.PROTECT, related_name="waivers", verbose_name=_("decision")
    )
    history = HistoricalRecords()

    objects = WaiverQuerySet.as_manager()

    class Meta:
        ordering = ["granted_on", "pk"]
        verbose_name = _("waiver")
        verbose_name_plural = _("waivers")
        constraints = [
            models.CheckConstraint(condition=Q(amount_usd__gt=0), name="waiver_positive"),
            models.CheckConstraint(condition=~Q(reason=""), name="waiver_reason_given"),
        ]

    def __str__(self):
        message = _("%(amount)s USD waived for %(assessment)s")
        return message % {"amount": self.amount_usd, "assessment": self.assessment}

    def clean(self):
        # All waivers of a year together never exceed its dues (the sum spans rows, so it is
        # checked here and, under a row lock, in dues.ledger.grant_waiver).
        if self.assessment_id is None or self.amount_usd is None:
            return
        others = self.assessment.waivers.exclude(pk=self.pk).aggregate(total=models.Sum("amount_usd"))["total"] or 0
        if others + self.amount_usd > self.assessment.amount_usd:
            raise ValidationError(
                {
                    "amount_usd": _("Waivers may not exceed the dues of the year (USD %(amount)s).")
                    % {"amount": self.assessment.amount_usd}
                }
            )


class CostCurrency(models.TextChoices):
    """Currencies in which a host government states the cost of a session."""

    KRW = "KRW", "KRW"
    USD = "USD", "USD"
    CNY = "CNY", "CNY"
    JPY = "JPY", "JPY"
    MNT = "MNT", "MNT"
    RUB = "RUB", "RUB"


class MeetingCost(models.Model):
    """The total cost of a General Assembly or Working Committee session, shared under Charter art. 15(2)2."""

    SESSION_KINDS = ("general_assembly", "working_committee")

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.PROTECT,
        related_name="meeting_cost",
        limit_choices_to={"kind__in": SESSION_KINDS},
        verbose_name=_("session"),
    )
    host = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        related_name="meeting_costs_hosted",
        verbose_name=_("host government"),
    )
    total_cost = models.DecimalField(_("total cost (A)"), max_digits=15, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=CostCurrency.choices, default=CostCurrency.USD)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__start_date"]
        verbose_name = _("meeting cost")
        verbose_name_plural = _("meeting costs")
        constraints = [models.CheckConstraint(condition=Q(total_cost__gt=0), name="meeting_cost_positive")]

    def __str__(self):
        return str(self.event)

    def clean(self):
        if self.event_id is None:
            return
        if self.event.kind not in self.SESSION_KINDS:
            message = _("Costs are shared only for General Assembly and Working Committee sessions.")
            raise ValidationError({"event": message})
        if self.host_id and self.event.hosts.exists() and not self.event.hosts.filter(pk=self.host_id).exists():
            raise ValidationError({"host": _("The host must be one of the session's host governments.")})


class DuesBudget(models.Model):
    """The dues budget and business plan of a fiscal year (Dues Regulation arts. 9–11)."""

    fiscal_year = fiscal_year_field(_("fiscal year"), unique=True)
    business_plan = models.TextField(_("business plan"), blank=True)
    drafted_on = models.DateField(
        _("drafted on"), null=True, blank=True, help_text=_("Art. 9: by 30 June of the year before.")
    )
    reviewed_on = models.DateField(
        _("reviewed by the budget review committee on"),
        null=True,
        blank=True,
        help_text=_("Art. 10(2): at least one month before the meeting that approves it."),
    )
    approved_by = models.ForeignKey(
        DuesDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgets",
        verbose_name=_("approved by"),
    )

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("dues budget")
        verbose_name_plural = _("dues budgets")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(reviewed_on__isnull=True) | Q(drafted_on__isnull=True) | Q(reviewed_on__gte=F("drafted_on"))
                ),
                name="dues_budget_reviewed_after_drafted",
            ),
        ]

    def __str__(self):
        return _("Dues budget %(year)s") % {"year": self.fiscal_year}

    @property
    def drafted_late(self):
        """Dues Regulation art. 9: the draft is ready by 30 June of the preceding year."""
        return self.drafted_on is not None and self.drafted_on > datetime.date(self.fiscal_year - 1, 6, 30)


class BudgetLine(models.Model):
    """A line of a dues budget: what the dues will be spent on, and how much (Dues Regulation art. 7)."""

    budget = models.ForeignKey(DuesBudget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("budget"))
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    amount_usd = usd_field(_("amount budgeted (USD)"))

    class Meta:
        ordering = ["budget", "position"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["budget", "position"], name="budget_line_unique_position"),
            models.CheckConstraint(condition=Q(amount_usd__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return f"{self.budget.fiscal_year} {self.position}. {self.title}"


class Expenditure(models.Model):
    """Dues spent by the secretary-general, with its evidence (Dues Regulation arts. 2(1), 11)."""

    budget = models.ForeignKey(
        DuesBudget, on_delete=models.PROTECT, related_name="expenditures", verbose_name=_("budget")
    )
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenditures",
        verbose_name=_("budget line"),
        help_text=_("Empty for a spending outside the budget (art. 11(2))."),
    )
    spent_on = models.DateField(_("spent on"))
    amount_usd = usd_field(_("amount (USD)"))
    description = models.CharField(_("description"), max_length=300)
    payee = models.CharField(_("payee"), max_length=200, blank=True)
    voucher = models.CharField(
        _("voucher"), max_length=100, help_text=_("Art. 2(1): the document that justifies the spending.")
    )
    chair_permitted_on = models.DateField(
        _("permitted by the chair on"),
        null=True,
        blank=True,
        help_text=_("Art. 11(2), for spending outside the budget."),
    )
    reported_to = models.ForeignKey(
        DuesDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenditures",
        verbose_name=_("reported to and approved by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["spent_on", "pk"]
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        constraints = [
            models.CheckConstraint(condition=Q(amount_usd__gt=0), name="expenditure_positive"),
            models.CheckConstraint(condition=~Q(voucher=""), name="expenditure_voucher_given"),
            # Art. 11(2): spending outside the budget needs the chair's permission.
            models.CheckConstraint(
                condition=Q(line__isnull=False) | Q(chair_permitted_on__isnull=False),
                name="expenditure_outside_budget_permitted",
            ),
        ]

    def __str__(self):
        return f"{self.spent_on.isoformat()} {self.description}"

    def clean(self):
        if self.budget_id and self.spent_on and self.spent_on.year != self.budget.fiscal_year:
            raise ValidationError({"spent_on": _("The date lies outside the budget's fiscal year.")})
        if self.line_id and self.budget_id and self.line.budget_id != self.budget_id:
            raise ValidationError({"line": _("The line belongs to another year's budget.")})


class Settlement(models.Model):
    """The settlement report of a fiscal year and the auditors' result (Dues Regulation art. 12)."""

    fiscal_year = fiscal_year_field(_("fiscal year"), unique=True)
    prepared_on = models.DateField(_("prepared on"), help_text=_("Art. 12(1): by 31 May of the following year."))
    submitted_to_auditors_on = models.DateField(_("submitted to the auditors on"), null=True, blank=True)
    audited_on = models.DateField(_("audited on"), null=True, blank=True)
    audit_result = models.TextField(_("auditors' result"), blank=True)
    approved_by = models.ForeignKey(
        DuesDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="settlements",
        verbose_name=_("approved by"),
    )

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        constraints = [
            models.CheckConstraint(
                condition=Q(prepared_on__year__gt=F("fiscal_year")), name="settlement_after_the_year"
            ),
            models.CheckConstraint(
                condition=Q(submitted_to_auditors_on__isnull=True) | Q(submitted_to_auditors_on__gte=F("prepared_on")),
                name="settlement_submitted_after_prepared",
            ),
            # An audit has a date and a result, and comes after the report.
            models.CheckConstraint(
                condition=Q(audited_on__isnull=True, audit_result="")
                | (Q(audited_on__gte=F("prepared_on")) & ~Q(audit_result="")),
                name="settlement_audit_dated_with_result",
            ),
        ]

    def __str__(self):
        return _("Settlement %(year)s") % {"year": self.fiscal_year}

    @property
    def prepared_late(self):
        return self.prepared_on > datetime.date(self.fiscal_year + 1, 5, 31)


# Every dues model: the finance officer's records (dues.admin lets only the
# "Finance officer" group and superusers change them; the roles migration can grant by this).
DUES_MODELS = (
    DuesDecision,
    DuesRate,
    AssessmentPeriod,
    Assessment,
    Payment,
    Waiver,
    MeetingCost,
    DuesBudget,
    BudgetLine,
    Expenditure,
    Settlement,
)
