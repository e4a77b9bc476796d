"""Decisions on dues, as the General Assembly or the Working Committee takes them.

``record_decision`` writes a decision with the rate or the assessment period it sets, and
``revoke_decision`` takes it back; ``assemblies.effects`` calls them when a poll closes or is
annulled, so the dues records are written by the dues app alone.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from core.languages import LANGUAGE_CODES
from dues.models import AssessmentPeriod, DuesDecision, DuesRate


@transaction.atomic
def record_decision(
    *,
    slug: str,
    body: str,
    session_number: int | None,
    decided_on: datetime.date,
    kind: str,
    titles: Mapping[str, str],
    summaries: Mapping[str, str],
    source: str = "",
    from_fiscal_year: int | None = None,
    amount_usd: Decimal | None = None,
    first_fiscal_year: int | None = None,
    last_fiscal_year: int | None = None,
    includes_associate_members: bool = False,
) -> DuesDecision:
    """Record a decision on dues, with the rate (kind "rate") or the assessed fiscal years (kind
    "assessment") it sets; ``titles`` and ``summaries`` by language code.

    Dues Regulation art. 5(1), 5(3): the rate (USD 1,000 a year) changes only by a vote of the
    General Assembly. Since the first payment was deferred (11th Working Committee) and the
    payment system's implementation deferred (12th General Assembly), a fiscal year is assessed
    only once a decision opens an assessment period (``dues.ledger.period_for``).
    """
    if kind == DuesDecision.Kind.RATE and body != DuesDecision.Body.GENERAL_ASSEMBLY:
        raise ValidationError(_("Only the General Assembly changes the rate of the dues (Dues Regulation art. 5(3))."))
    if not titles.get(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        raise ValidationError(_("Give the decision's title in English at least: the other languages fall back to it."))
    if DuesDecision.objects.filter(slug=slug).exists():
        raise ValidationError(_("A dues decision with the slug “%(slug)s” is already recorded.") % {"slug": slug})
    decision = DuesDecision(
        slug=slug, body=body, session_number=session_number, decided_on=decided_on, kind=kind, source=source
    )
    for code in LANGUAGE_CODES:
        setattr(decision, build_localized_fieldname("title", code), titles.get(code, ""))
        setattr(decision, build_localized_fieldname("summary", code), summaries.get(code, ""))
    decision.full_clean()
    decision.save()
    if kind == DuesDecision.Kind.RATE:
        if DuesRate.objects.filter(from_fiscal_year=from_fiscal_year).exists():
            raise ValidationError(
                _("A dues rate from fiscal year %(year)s is already recorded.") % {"year": from_fiscal_year}
            )
        rate = DuesRate(from_fiscal_year=from_fiscal_year, amount_usd=amount_usd, decision=decision)
        rate.full_clean()
        rate.save()
    elif kind == DuesDecision.Kind.ASSESSMENT:
        overlapping = AssessmentPeriod.objects.exclude(last_fiscal_year__lt=first_fiscal_year)
        if last_fiscal_year is not None:
            overlapping = overlapping.filter(first_fiscal_year__lte=last_fiscal_year)
        clash = overlapping.first()
        if clash is not None:
            raise ValidationError(
                _("These fiscal years overlap the assessment period already decided (%(period)s).") % {"period": clash}
            )
        period = AssessmentPeriod(
            first_fiscal_year=first_fiscal_year,
            last_fiscal_year=last_fiscal_year,
            includes_associate_members=includes_associate_members,
            decision=decision,
        )
        period.full_clean()
        period.save()
    return decision


def revoke_decision(decision: DuesDecision) -> None:
    """Take back a decision with its rates and assessment periods (its resolution was annulled).

    Refused once assessments or other dues records rest on it.
    """
    try:
        with transaction.atomic():
            for record in [*decision.rates.all(), *decision.assessment_periods.all()]:
                record.delete()
            decision.delete()
    except ProtectedError:
        raise ValidationError(
            _("Records of the dues now rest on “%(decision)s”; reverse it by a new decision.")
            % {"decision": decision.title}
        ) from None
