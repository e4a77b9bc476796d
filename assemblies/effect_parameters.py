"""The parameters of the effects whose records live in the Charter, committees and dues parts.

A ``ResolutionEffect`` keeps them as JSON in ``parameters``; each kind has one parser here that
reads them into typed values or raises ``ValidationError`` with a message that names the
parameter, before anything is written. The admin shows ``PARAMETER_HELP`` where effects are
entered and ``ResolutionEffect.clean`` runs the parser, so a wrong parameter is refused when it
is entered, not only when the poll closes. The admin's page "Parameters of this effect"
(``assemblies.admin.effect_forms``) writes these shapes from a form, through ``set_parameters``.

    Charter or Regulation amendment (Charter art. 8(3); Committee Regulation art. 9):
        {"instrument": "charter", "summary": {"en": "..."},
         "changes": [{"article": "10", "action": "amend", "title": {"en": "..."},
                      "provisions": [{"number": "1", "text": {"zh-hans": "...", "en": "..."}}]}]}
    Coordinator change (Committee Regulation art. 5(2), 5(7)-(8)); the incoming government is
    the effect's government concerned; without "outgoing" it joins as co-coordinator:
        {"committee": "tourism", "outgoing": "henan"}
    Decision on dues (Charter art. 8(2), 8(8); Dues Regulation art. 5):
        {"kind": "rate", "title": {"en": "..."}, "amount_usd": "1200.00", "from_fiscal_year": 2024}
        {"kind": "assessment", "title": "...", "first_fiscal_year": 2024, "last_fiscal_year": 2025}
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assemblies.models import Motion, ResolutionEffect
from committees.models import Committee
from core.languages import LANGUAGE_CODES
from dues.models import FIRST_FISCAL_YEAR, DuesDecision
from instruments.amendments import ACTIONS, ArticleChange, ProvisionText
from instruments.models import Article, Instrument, Paragraph
from members.models import MemberGovernment

Kind = ResolutionEffect.Kind
# Where an effect keeps what undoing it needs; never a parameter someone enters.
UNDO_KEY = "_undo"
AMENDMENT_KINDS = (Kind.CHARTER_AMENDMENT, Kind.REGULATION_AMENDMENT)
PARAMETER_KINDS = (*AMENDMENT_KINDS, Kind.COORDINATOR_CHANGE, Kind.DUES_DECISION)

PARAMETER_HELP = {
    Kind.CHARTER_AMENDMENT: gettext_lazy(
        'Amendment: {"instrument": "charter", "summary": {"en": "…"}, "changes": [{"article": "10", '
        '"action": "amend", "provisions": [{"number": "1", "text": {"zh-hans": "…", "en": "…"}}]}]}; '
        "action is amend, create or repeal."
    ),
    Kind.COORDINATOR_CHANGE: gettext_lazy(
        'Coordinator change: {"committee": "tourism", "outgoing": "henan"}; the incoming government is the '
        'government concerned; leave out "outgoing" to add a co-coordinator.'
    ),
    Kind.DUES_DECISION: gettext_lazy(
        'Dues: {"kind": "rate", "title": {"en": "…"}, "amount_usd": "1200.00", "from_fiscal_year": 2024} or '
        '{"kind": "assessment", "title": {"en": "…"}, "first_fiscal_year": 2024, "last_fiscal_year": 2025}; '
        "other kinds: deferral, suspension, regulation, budget, settlement, waiver, other."
    ),
}
PARAMETER_HELP[Kind.REGULATION_AMENDMENT] = PARAMETER_HELP[Kind.CHARTER_AMENDMENT]


@dataclass(frozen=True)
class AmendmentParameters:
    """What an amendment effect changes: the instrument and each article's change."""

    instrument: Instrument
    changes: tuple[ArticleChange, ...]
    summary: dict[str, str]


@dataclass(frozen=True)
class CoordinatorParameters:
    """Who takes over, or joins, the coordination of which committee."""

    committee: Committee
    incoming: MemberGovernment
    outgoing: MemberGovernment | None


@dataclass(frozen=True)
class DuesParameters:
    """A decision on dues and, for a rate or an assessment period, the figures it sets."""

    kind: str
    title: dict[str, str]
    summary: dict[str, str]
    slug: str = ""
    amount_usd: Decimal | None = None
    from_fiscal_year: int | None = None
    first_fiscal_year: int | None = None
    last_fiscal_year: int | None = None
    includes_associate_members: bool = False


def parse(effect: ResolutionEffect):
    """The typed parameters of ``effect``, or None for kinds that take none; raises ``ValidationError``."""
    parameters = effect.parameters
    if effect.kind not in PARAMETER_KINDS:
        if any(key != UNDO_KEY for key in parameters or {}):
            raise ValidationError(
                _("An effect of kind “%(kind)s” takes no parameters.") % {"kind": effect.get_kind_display()}
            )
        return None
    if not isinstance(parameters, Mapping):
        raise ValidationError(_("The parameters must be an object of names and values."))
    parameters = {key: value for key, value in parameters.items() if key != UNDO_KEY}
    if effect.kind in AMENDMENT_KINDS:
        return _amendment(effect, parameters)
    if effect.kind == Kind.COORDINATOR_CHANGE:
        return _coordinator(effect, parameters)
    return _dues(parameters)


@transaction.atomic
def set_parameters(*, effect: ResolutionEffect, parameters: dict) -> ResolutionEffect:
    """Give ``effect`` the ``parameters`` if they parse; raises ``ValidationError`` and writes nothing otherwise.

    The effects of a closed or recorded poll are part of its result: they no longer change.
    """
    # Locked as close_poll locks it: the poll cannot close between the check and the write.
    motion = Motion.objects.select_for_update().get(pk=effect.motion_id)
    if motion.is_locked:
        raise ValidationError(_("The poll on this motion is closed: its effects can no longer change."))
    effect = ResolutionEffect.objects.select_for_update().get(pk=effect.pk)
    effect.parameters = parameters
    parse(effect)
    effect.full_clean()
    effect.save(update_fields=["parameters"])
    return effect


# --- Reading values ---------------------------------------------------------------------------


def _only(parameters: Mapping, allowed: set[str], required: set[str], where: str = "") -> None:
    where = where or _("Parameters: ")
    unknown = sorted(set(parameters) - allowed)
    if unknown:
        raise ValidationError(
            _("%(where)sunknown parameter “%(name)s”; expected one of: %(allowed)s.")
            % {"where": where, "name": unknown[0], "allowed": ", ".join(sorted(allowed))}
        )
    missing = sorted(required - set(parameters))
    if missing:
        raise ValidationError(_("%(where)sthe parameter “%(name)s” is missing.") % {"where": where, "name": missing[0]})


def _texts(value, name: str, *, required: bool = False, where: str = "") -> dict[str, str]:
    """One text (English) or an object of language code to text, in the portal's six languages."""
    where = where or _("Parameters: ")
    if value in (None, "", {}):
        if required:
            raise ValidationError(_("%(where)sthe parameter “%(name)s” is missing.") % {"where": where, "name": name})
        return {}
    if isinstance(value, str):
        return {settings.LANGUAGE_CODE: value}
    if not isinstance(value, Mapping) or not all(isinstance(text, str) for text in value.values()):
        raise ValidationError(
            _("%(where)s“%(name)s” must be a text or an object of language codes and texts.")
            % {"where": where, "name": name}
        )
    unknown = sorted(set(value) - set(LANGUAGE_CODES))
    if unknown:
        raise ValidationError(
            _("%(where)s“%(name)s”: “%(code)s” is not one of the languages %(codes)s.")
            % {"where": where, "name": name, "code": unknown[0], "codes": ", ".join(LANGUAGE_CODES)}
        )
    return dict(value)


def _slug_of(model, value, name: str, *, where: str = ""):
    where = where or _("Parameters: ")
    if not isinstance(value, str) or not value:
        raise ValidationError(
            _("%(where)s“%(name)s” must be a slug, such as “%(example)s”.")
            % {
                "where": where,
                "name": name,
                "example": "tourism" if model is Committee else "henan",
            }
        )
    found = model.objects.filter(slug=value).first()
    if found is None:
        raise ValidationError(
            _("%(where)s“%(name)s”: nothing is recorded under the slug “%(slug)s”.")
            % {"where": where, "name": name, "slug": value}
        )
    return found


def _year(value, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < FIRST_FISCAL_YEAR:
        raise ValidationError(
            _("“%(name)s” must be a fiscal year from %(first)s on (Dues Regulation, supplementary provisions art. 1).")
            % {"name": name, "first": FIRST_FISCAL_YEAR}
        )
    return value


# --- Amendments: Charter art. 8(3); Committee Regulation art. 9 --------------------------------


def _amendment(effect: ResolutionEffect, parameters: Mapping) -> AmendmentParameters:
    _only(parameters, {"instrument", "summary", "changes"}, {"instrument", "changes"})
    instrument = (
        Instrument.objects.filter(slug=parameters["instrument"]).first()
        if isinstance(parameters["instrument"], str)
        else None
    )
    if instrument is None:
        raise ValidationError(
            _("“instrument”: no instrument is recorded under “%(slug)s”; use one of: %(slugs)s.")
            % {"slug": parameters["instrument"], "slugs": ", ".join(Instrument.objects.values_list("slug", flat=True))}
        )
    wanted = Instrument.Kind.CHARTER if effect.kind == Kind.CHARTER_AMENDMENT else Instrument.Kind.REGULATION
    if instrument.kind != wanted:
        raise ValidationError(
            _("%(instrument)s is not a %(kind)s: choose the effect kind that matches the instrument.")
            % {"instrument": instrument, "kind": Instrument.Kind(wanted).label}
        )
    changes = parameters["changes"]
    if not isinstance(changes, list) or not changes:
        raise ValidationError(_("“changes” must list at least one article change."))
    return AmendmentParameters(
        instrument=instrument,
        changes=tuple(_change(change, index) for index, change in enumerate(changes, start=1)),
        summary=_texts(parameters.get("summary"), "summary"),
    )


def _change(change, index: int) -> ArticleChange:
    where = _("Change %(index)s: ") % {"index": index}
    if not isinstance(change, Mapping):
        raise ValidationError(_("%(where)sgive an object with “article” and “action”.") % {"where": where})
    _only(change, {"article", "action", "title", "provisions", "kind", "position"}, {"article"}, where)
    article = change["article"]
    if not isinstance(article, str) or not article.strip():
        raise ValidationError(
            _("%(where)s“article” must be the article's number, such as “10” or “4-2”.") % {"where": where}
        )
    action = change.get("action", "amend")
    if action not in ACTIONS:
        raise ValidationError(
            _("%(where)s“action” must be one of %(actions)s.") % {"where": where, "actions": ", ".join(ACTIONS)}
        )
    kind = change.get("kind", Article.Kind.ARTICLE)
    if kind not in Article.Kind.values:
        raise ValidationError(
            _("%(where)s“kind” must be one of %(kinds)s.") % {"where": where, "kinds": ", ".join(Article.Kind.values)}
        )
    position = change.get("position")
    if position is not None and (isinstance(position, bool) or not isinstance(position, int) or position < 1):
        raise ValidationError(_("%(where)s“position” must be a whole number above zero.") % {"where": where})
    provisions = change.get("provisions", [])
    if not isinstance(provisions, list):
        raise ValidationError(_("%(where)s“provisions” must be a list.") % {"where": where})
    if action == "repeal" and provisions:
        raise ValidationError(_("%(where)sa repealed article has no provisions.") % {"where": where})
    if action != "repeal" and not provisions:
        raise ValidationError(_("%(where)sgive the new wording in “provisions”.") % {"where": where})
    return ArticleChange(
        article=article.strip(),
        action=action,
        title=_texts(change.get("title"), "title", where=where),
        provisions=tuple(_provision(provision, where) for provision in provisions),
        kind=kind,
        position=position,
    )


def _provision(provision, where: str) -> ProvisionText:
    if not isinstance(provision, Mapping):
        raise ValidationError(_("%(where)seach provision is an object with “number” and “text”.") % {"where": where})
    _only(provision, {"number", "text", "note", "remark", "status"}, {"text"}, where)
    number = provision.get("number", "")
    if not isinstance(number, str):
        raise ValidationError(_("%(where)sa provision's “number” is a text, such as “2” or “2.1”.") % {"where": where})
    status = provision.get("status", Paragraph.Status.TEXT)
    if status not in Paragraph.Status.values:
        raise ValidationError(
            _("%(where)s“status” must be one of %(statuses)s.")
            % {"where": where, "statuses": ", ".join(Paragraph.Status.values)}
        )
    text = _texts(provision["text"], "text", required=status != Paragraph.Status.NOT_HELD, where=where)
    # Every instrument's source text is Chinese (Instrument.source_language): it is required.
    if status != Paragraph.Status.NOT_HELD and not text.get("zh-hans"):
        raise ValidationError(
            _("%(where)sprovision %(number)s: the Chinese source text (zh-hans) is missing.")
            % {"where": where, "number": number or "—"}
        )
    return ProvisionText(
        text=text,
        number=number,
        note=_texts(provision.get("note"), "note", where=where),
        status=status,
        remark=_texts(provision.get("remark"), "remark", where=where),
    )


# --- Coordinators: Committee Regulation art. 5 ---------------------------------------------------


def _coordinator(effect: ResolutionEffect, parameters: Mapping) -> CoordinatorParameters:
    _only(parameters, {"committee", "outgoing"}, {"committee"})
    if effect.member_id is None:
        raise ValidationError(
            _("Name the incoming coordinator as the government concerned (Committee Regulation art. 5(1)).")
        )
    committee = _slug_of(Committee, parameters["committee"], "committee")
    outgoing = parameters.get("outgoing")
    outgoing = None if outgoing in (None, "") else _slug_of(MemberGovernment, outgoing, "outgoing")
    if outgoing is not None and outgoing.pk == effect.member_id:
        raise ValidationError(_("The outgoing and the incoming coordinator are the same government."))
    return CoordinatorParameters(committee=committee, incoming=effect.member, outgoing=outgoing)


# --- Dues: Charter art. 8(2), 8(8); Dues Regulation art. 5 ---------------------------------------

RATE_FIELDS = {"amount_usd", "from_fiscal_year"}
PERIOD_FIELDS = {"first_fiscal_year", "last_fiscal_year", "includes_associate_members"}


def _dues(parameters: Mapping) -> DuesParameters:
    kind = parameters.get("kind")
    if kind not in DuesDecision.Kind.values:
        raise ValidationError(_("“kind” must be one of %(kinds)s.") % {"kinds": ", ".join(DuesDecision.Kind.values)})
    extra = (
        RATE_FIELDS
        if kind == DuesDecision.Kind.RATE
        else PERIOD_FIELDS
        if kind == DuesDecision.Kind.ASSESSMENT
        else set()
    )
    required = RATE_FIELDS if kind == DuesDecision.Kind.RATE else {"first_fiscal_year"} if extra else set()
    _only(parameters, {"kind", "title", "summary", "slug"} | extra, {"title"} | required)
    slug = parameters.get("slug", "")
    if not isinstance(slug, str) or (slug and not slug.replace("-", "").isalnum()):
        raise ValidationError(_("“slug” must be lower-case letters, digits and hyphens."))
    values = {
        "kind": kind,
        "title": _texts(parameters["title"], "title", required=True),
        "summary": _texts(parameters.get("summary"), "summary"),
        "slug": slug,
    }
    if kind == DuesDecision.Kind.RATE:
        try:
            amount = Decimal(str(parameters["amount_usd"]))
        except (InvalidOperation, ValueError):
            amount = None
        # Dues Regulation art. 5(1): an amount in US dollars, to the cent.
        if amount is None or not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(_("“amount_usd” must be an amount in US dollars above zero, such as “1000.00”."))
        values.update(amount_usd=amount, from_fiscal_year=_year(parameters["from_fiscal_year"], "from_fiscal_year"))
        if values["from_fiscal_year"] is None:
            raise ValidationError(_("The parameter “%(name)s” is missing.") % {"name": "from_fiscal_year"})
    elif kind == DuesDecision.Kind.ASSESSMENT:
        first = _year(parameters["first_fiscal_year"], "first_fiscal_year")
        last = _year(parameters.get("last_fiscal_year"), "last_fiscal_year")
        if first is None:
            raise ValidationError(_("The parameter “%(name)s” is missing.") % {"name": "first_fiscal_year"})
        if last is not None and last < first:
            raise ValidationError(_("“last_fiscal_year” comes before “first_fiscal_year”."))
        associates = parameters.get("includes_associate_members", False)
        if not isinstance(associates, bool):
            raise ValidationError(_("“includes_associate_members” must be true or false."))
        values.update(first_fiscal_year=first, last_fiscal_year=last, includes_associate_members=associates)
    return DuesParameters(**values)
