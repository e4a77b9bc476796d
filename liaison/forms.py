"""Forms of the officers' pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assemblies.models import Ballot
from core.languages import LANGUAGE_CODES
from members.models import LiaisonContact
from plans.models import Status


def language_codes(value: str) -> list[str]:
    """Comma-separated language codes of the portal, each once; a translated error for any other."""
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANGUAGE_CODES]
    if unknown:
        raise forms.ValidationError(
            _("“%(codes)s”: use the codes %(known)s."),
            params={"codes": ", ".join(unknown)[:60], "known": ", ".join(LANGUAGE_CODES)},
        )
    return list(dict.fromkeys(codes))


class ContactForm(forms.ModelForm):
    """A liaison contact of the officer's own government (the government itself is not a field)."""

    languages = forms.CharField(
        label=_("languages"),
        required=False,
        help_text=_("Language codes separated by commas, for example en, ko, ru."),
    )

    class Meta:
        model = LiaisonContact
        fields = ["name", "position", "email", "phone", "languages"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["languages"] = ", ".join(self.instance.languages)

    def clean_languages(self):
        return language_codes(self.cleaned_data["languages"])


class DelegateForm(forms.Form):
    """One delegate of the officer's government to an event."""

    name = forms.CharField(label=_("name"), max_length=150)
    post = forms.CharField(label=_("post"), max_length=150, required=False)
    languages = forms.CharField(
        label=_("languages"),
        required=False,
        help_text=_("Language codes separated by commas, for example en, ko, ru."),
    )
    arrival = forms.DateTimeField(
        label=_("arrival"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Local time in Korea (Asia/Seoul)."),
    )

    def clean_languages(self):
        return language_codes(self.cleaned_data["languages"])


class WrittenBallotForm(forms.Form):
    """The government's written ballot on one motion; a change says why."""

    choice = forms.ChoiceField(
        label=_("your government's vote"), choices=Ballot.Choice.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("reason for the change"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to change a ballot already sent: the earlier one stays on record."),
    )

    def __init__(self, *args, changing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.changing = changing
        if not changing:
            del self.fields["reason"]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.changing and not reason:
            raise forms.ValidationError(_("Say why the ballot changes: the earlier one stays on record."))
        return reason


class PlanStatusForm(forms.Form):
    """Publish a cooperation plan of the officer's government, or withdraw it to a draft."""

    status = forms.ChoiceField(label=_("status"), choices=Status.choices)
