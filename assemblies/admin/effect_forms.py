"""The page "Parameters of this effect": a form per kind of effect that takes parameters, so that
nobody has to write the JSON of ``ResolutionEffect.parameters`` by hand.

Each form reads the effect's parameters into its fields and gives back exactly the JSON that
``assemblies.effect_parameters`` documents; that module's parser stays the one judge of what is
valid (``effect_parameters.set_parameters``). The raw JSON stays editable in the motion's effects
for what the forms do not show (an amendment's notes, remarks, provision statuses, new parts
other than articles).
"""

from collections.abc import Mapping

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from assemblies.effect_parameters import PARAMETER_KINDS, UNDO_KEY, set_parameters
from assemblies.models import ResolutionEffect
from committees.models import Committee, CoordinatorTerm
from dues.models import AssessmentPeriod, DuesDecision, DuesRate
from instruments.amendment_form import (
    AmendmentSummaryForm,
    ArticleChangeFormSet,
    language_fields,
    language_initial,
    language_values,
)
from instruments.amendments import ArticleChange
from instruments.models import Instrument
from members.models import MemberGovernment

Kind = ResolutionEffect.Kind


def label_of(model, name: str):
    """The form label of a model field: its verbose name, as the admin shows it."""
    return capfirst(model._meta.get_field(name).verbose_name)


def present_texts(cleaned: dict, name: str) -> dict[str, str]:
    """The ``name_<lang>`` texts that were filled in, by language code."""
    return {code: text for code, text in language_values(cleaned, name).items() if text}


def entered_parameters(effect: ResolutionEffect) -> dict:
    """The effect's parameters as entered: an object, without what applying it keeps for undoing."""
    parameters = effect.parameters if isinstance(effect.parameters, Mapping) else {}
    return {key: value for key, value in parameters.items() if key != UNDO_KEY}


def disable(form: forms.Form) -> None:
    """Every field of ``form`` shown but not editable (and not read from a POST)."""
    for field in form.fields.values():
        field.disabled = True


class EffectParametersForm(forms.Form):
    """A form filled from an effect's parameters that gives back the parameters to store."""

    def __init__(self, data=None, *, effect: ResolutionEffect):
        self.effect = effect
        super().__init__(data, initial=self.initial_from(entered_parameters(effect)))

    def initial_from(self, parameters: dict) -> dict:
        raise NotImplementedError

    def parameters(self) -> dict:
        raise NotImplementedError

    def shows_all_of(self, parameters: dict) -> bool:
        """Whether saving this form keeps everything of ``parameters`` that counts."""
        return True

    def make_read_only(self) -> None:
        disable(self)


# --- Coordinator change: Committee Regulation art. 5(2), 5(7)-(8) ---------------------------------


class CoordinatorChangeForm(EffectParametersForm):
    """Which committee; which coordinator leaves, if one does. The incoming one is the government concerned."""

    committee = forms.ModelChoiceField(
        Committee.objects.all(), to_field_name="slug", label=label_of(CoordinatorTerm, "committee")
    )
    outgoing = forms.ModelChoiceField(
        MemberGovernment.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Outgoing coordinator"),
        help_text=gettext_lazy("Empty: the government concerned joins the coordinators as co-coordinator."),
    )

    def initial_from(self, parameters):
        return {"committee": parameters.get("committee"), "outgoing": parameters.get("outgoing")}

    def parameters(self):
        data = self.cleaned_data
        parameters = {"committee": data["committee"].slug}
        if data["outgoing"] is not None:
            parameters["outgoing"] = data["outgoing"].slug
        return parameters


# --- Decision on dues: Charter art. 8(2), 8(8); Dues Regulation art. 5 --------------------------------


class DuesDecisionForm(EffectParametersForm):
    """The kind of decision, its title and summary, and the figures a rate or an assessment sets."""

    kind = forms.ChoiceField(label=label_of(DuesDecision, "kind"), choices=DuesDecision.Kind.choices)
    slug = forms.CharField(
        label=label_of(DuesDecision, "slug"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("Empty: made from the session, the agenda item, the motion and the effect."),
    )
    amount_usd = forms.DecimalField(
        label=label_of(DuesRate, "amount_usd"),
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text=gettext_lazy("For a rate of the dues, with the fiscal year it applies from."),
    )
    from_fiscal_year = forms.IntegerField(label=label_of(DuesRate, "from_fiscal_year"), required=False)
    first_fiscal_year = forms.IntegerField(
        label=label_of(AssessmentPeriod, "first_fiscal_year"),
        required=False,
        help_text=gettext_lazy("For fiscal years assessed, with the next two fields."),
    )
    last_fiscal_year = forms.IntegerField(
        label=label_of(AssessmentPeriod, "last_fiscal_year"),
        required=False,
        help_text=AssessmentPeriod._meta.get_field("last_fiscal_year").help_text,
    )
    includes_associate_members = forms.BooleanField(
        label=label_of(AssessmentPeriod, "includes_associate_members"),
        required=False,
        help_text=AssessmentPeriod._meta.get_field("includes_associate_members").help_text,
    )

    # The figures of each kind of decision that sets any (the others ignore them).
    FIGURES = {
        DuesDecision.Kind.RATE: ("amount_usd", "from_fiscal_year"),
        DuesDecision.Kind.ASSESSMENT: ("first_fiscal_year", "last_fiscal_year", "includes_associate_members"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_fields(self, "title", _("Title"), forms.CharField, max_length=300)
        language_fields(self, "summary", _("Summary"), forms.CharField, widget=forms.Textarea(attrs={"rows": 2}))
        self.order_fields(["kind", *(name for name in self.fields if name.startswith(("title_", "summary_")))])
        # The kind each figure belongs to: static/assemblies/effect_parameters.js shows only the
        # chosen kind's figures (without the script, all show, each with its help text).
        for kind, names in self.FIGURES.items():
            for name in names:
                self.fields[name].widget.attrs["data-for-kind"] = kind

    def initial_from(self, parameters):
        names = ("kind", "slug", *(name for figures in self.FIGURES.values() for name in figures))
        return (
            {name: parameters[name] for name in names if name in parameters}
            | language_initial(parameters.get("title"), "title")
            | language_initial(parameters.get("summary"), "summary")
        )

    def parameters(self):
        data = self.cleaned_data
        kind = data["kind"]
        parameters = {
            "kind": kind,
            "title": present_texts(data, "title"),
            "summary": present_texts(data, "summary"),
            "slug": data["slug"],
        }
        parameters.update({name: data[name] for name in self.FIGURES.get(kind, ())})
        if parameters.get("amount_usd") is not None:
            parameters["amount_usd"] = f"{parameters['amount_usd']:.2f}"  # the parser reads a string with cents
        # Left out rather than empty, so that a missing value is named as missing by the parser.
        return {name: value for name, value in parameters.items() if value not in (None, "", {}, False)}


# --- Amendment: Charter art. 8(3); Committee Regulation art. 9 ----------------------------------------

# What an amendment's parameters may hold that the article change form does not show.
HIDDEN_CHANGE_KEYS = {"kind", "position"}
HIDDEN_PROVISION_KEYS = {"note", "remark", "status"}


def change_json(change: ArticleChange) -> dict:
    """One article change as the parser reads it."""
    result = {"article": change.article, "action": change.action}
    title = {code: text for code, text in change.title.items() if text}
    if title:
        result["title"] = title
    if change.provisions:
        result["provisions"] = [
            ({"number": p.number} if p.number else {}) | {"text": dict(p.text)} for p in change.provisions
        ]
    return result


def provision_texts(provision) -> dict:
    text = provision.get("text") if isinstance(provision, Mapping) else None
    return {"en": text} if isinstance(text, str) else dict(text) if isinstance(text, Mapping) else {}


def change_initial(change) -> dict:
    """The article change form's values for one change of the parameters: one provision a line."""
    if not isinstance(change, Mapping):
        return {}
    provisions = [p for p in change.get("provisions") or [] if isinstance(p, Mapping)]
    texts = [provision_texts(p) for p in provisions]
    initial = {
        "article": change.get("article", ""),
        "action": change.get("action", "amend"),
        "numbers": " ".join(str(p.get("number") or "-") for p in provisions),
    }
    for code, _language in settings.LANGUAGES:
        lines = [text.get(code) if isinstance(text.get(code), str) else "" for text in texts]
        if any(lines):
            initial[build_localized_fieldname("text", code)] = "\n".join(lines)
    return initial | language_initial(change.get("title"), "title")


def change_fits_form(change) -> bool:
    """Whether the article change form shows all of ``change``: one line per provision, the same languages throughout."""
    if not isinstance(change, Mapping) or HIDDEN_CHANGE_KEYS & set(change):
        return False
    provisions = change.get("provisions") or []
    if not isinstance(provisions, list):
        return True  # not valid anyway: the form replaces it
    languages = set()
    for index, provision in enumerate(provisions):
        if not isinstance(provision, Mapping) or HIDDEN_PROVISION_KEYS & set(provision):
            return False
        texts = {code: text for code, text in provision_texts(provision).items() if isinstance(text, str) and text}
        if any("\n" in text.strip() for text in texts.values()):
            return False
        if " " in str(provision.get("number", "")) or (index and set(texts) != languages):
            return False
        languages = set(texts)
    return True


class AmendmentParametersForm(EffectParametersForm, AmendmentSummaryForm):
    """The instrument, the summary and the article changes (the forms of the page that applies an amendment)."""

    def __init__(self, data=None, *, effect):
        super().__init__(data, effect=effect)
        wanted = Instrument.Kind.CHARTER if effect.kind == Kind.CHARTER_AMENDMENT else Instrument.Kind.REGULATION
        self.fields["instrument"].queryset = Instrument.objects.filter(kind=wanted)
        changes = entered_parameters(effect).get("changes")
        initial = [change_initial(change) for change in changes] if isinstance(changes, list) else []
        self.changes = ArticleChangeFormSet(data, prefix="changes", initial=initial)

    def initial_from(self, parameters):
        slug = parameters.get("instrument")
        instrument = Instrument.objects.filter(slug=slug).first() if isinstance(slug, str) else None
        return {"instrument": instrument} | language_initial(parameters.get("summary"), "summary")

    def is_valid(self):
        form_valid, changes_valid = super().is_valid(), self.changes.is_valid()
        return form_valid and changes_valid

    def parameters(self):
        data = self.cleaned_data
        parameters = {"instrument": data["instrument"].slug}
        if summary := present_texts(data, "summary"):
            parameters["summary"] = summary
        parameters["changes"] = [change_json(f.change()) for f in self.changes.forms if f.cleaned_data.get("article")]
        return parameters

    def shows_all_of(self, parameters):
        changes = parameters.get("changes")
        return not isinstance(changes, list) or all(change_fits_form(change) for change in changes)

    def make_read_only(self):
        super().make_read_only()
        for form in self.changes.forms:
            disable(form)


FORMS = {
    Kind.CHARTER_AMENDMENT: AmendmentParametersForm,
    Kind.REGULATION_AMENDMENT: AmendmentParametersForm,
    Kind.COORDINATOR_CHANGE: CoordinatorChangeForm,
    Kind.DUES_DECISION: DuesDecisionForm,
}
assert set(FORMS) == set(PARAMETER_KINDS)


def parameters_view(model_admin, request, effect_id, inline):
    """Show an effect's parameters as a form; save them if the parser accepts them and the poll is open.

    Who may see or change them is who may see or change the effect in the motion's effects
    (``inline``): nobody changes the effects of a closed or recorded poll.
    """
    effect = get_object_or_404(
        ResolutionEffect.objects.select_related("motion__agenda_item__session", "member"),
        pk=effect_id,
        kind__in=PARAMETER_KINDS,
    )
    motion = effect.motion
    if not inline.has_view_or_change_permission(request, motion):
        raise PermissionDenied
    form = FORMS[effect.kind](request.POST if request.method == "POST" else None, effect=effect)
    complete = form.shows_all_of(entered_parameters(effect))
    editable = complete and inline.has_change_permission(request, motion)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                set_parameters(effect=effect, parameters=form.parameters())
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("The parameters of “%(effect)s” were saved.") % {"effect": effect})
                return redirect("admin:assemblies_motion_change", motion.pk)
    if not editable:
        form.make_read_only()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Parameters of this effect"),
        "original": motion,
        "effect": effect,
        "form": form,
        "changes": getattr(form, "changes", None),
        "editable": editable,
        "complete": complete,
        "locked": motion.is_locked,
        "motion_url": reverse("admin:assemblies_motion_change", args=[motion.pk]),
        "media": form.media,
    }
    return TemplateResponse(request, "admin/assemblies/effect_parameters.html", context)
