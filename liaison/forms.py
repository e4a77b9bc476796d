"""Forms of the officers' pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES
from members.models import LiaisonContact


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
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].split(",") if code.strip()]
        unknown = [code for code in codes if code not in LANGUAGE_CODES]
        if unknown:
            raise forms.ValidationError(
                _("“%(codes)s”: use the codes %(known)s."),
                params={"codes": ", ".join(unknown)[:60], "known": ", ".join(LANGUAGE_CODES)},
            )
        return list(dict.fromkeys(codes))
