"""The admin forms of an amendment: the new text of each affected article, by language, and the
day it takes effect. The page that applies an amendment uses them all; the parameters page of an
amendment effect (``assemblies.admin.effect_forms``) uses the instrument, the summary and the
article changes."""

from collections.abc import Mapping

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from instruments.amendments import ArticleChange, ProvisionText
from instruments.models import Amendment, Instrument

SOURCE = "zh-hans"  # the source language: its text is required for every provision


def language_fields(form: forms.Form, name: str, label, field_class, **options) -> None:
    """Add ``name_<lang>`` fields, one per language, labelled with the language."""
    for code, language in settings.LANGUAGES:
        form.fields[build_localized_fieldname(name, code)] = field_class(
            label=f"{label} — {language}", required=False, **options
        )


def language_values(cleaned: dict, name: str) -> dict[str, str]:
    return {code: cleaned.get(build_localized_fieldname(name, code), "") for code, _label in settings.LANGUAGES}


def language_initial(texts, name: str) -> dict[str, str]:
    """The initial values of the ``name_<lang>`` fields from one text (English) or a mapping of language code to text."""
    if isinstance(texts, str):
        texts = {settings.LANGUAGE_CODE: texts}
    if not isinstance(texts, Mapping):
        return {}
    return {
        build_localized_fieldname(name, code): texts[code]
        for code, _label in settings.LANGUAGES
        if isinstance(texts.get(code), str)
    }


class AmendmentSummaryForm(forms.Form):
    """What an amendment is of and what it does in a sentence: the instrument and the summary."""

    instrument = forms.ModelChoiceField(Instrument.objects.all(), label=_("Instrument"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_fields(self, "summary", _("Summary"), forms.CharField, widget=forms.Textarea(attrs={"rows": 2}))


class AmendmentForm(AmendmentSummaryForm):
    """The amendment itself: instrument, dates, adopting body and session, summary."""

    effective_on = forms.DateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    body = forms.ChoiceField(label=_("Adopting body"), choices=[("", "—"), *Amendment.Body.choices], required=False)
    source = forms.CharField(label=_("Source"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_fields(self, "session", _("Session"), forms.CharField, max_length=300)
        self.order_fields([name for name in self.fields if not name.startswith("summary_")])  # the summary last

    def amendment_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "instrument": data["instrument"],
            "effective_on": data["effective_on"],
            "adopted_on": data["adopted_on"],
            "adopted_by": data["body"],
            "source": data["source"],
            "session": language_values(data, "session"),
            "summary": language_values(data, "summary"),
        }


class ArticleChangeForm(forms.Form):
    """One affected article: its number, what happens to it, and its new text (one provision a line)."""

    article = forms.CharField(
        label=_("Article"),
        required=False,
        max_length=20,
        help_text=_("Its number as the text gives it, e.g. 10 or 4-2. Leave empty to skip this row."),
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[("amend", _("new wording")), ("create", _("new article")), ("repeal", _("repeal"))],
        initial="amend",
    )
    numbers = forms.CharField(
        label=_("Provision numbers"),
        required=False,
        help_text=_(
            "One per line of text, separated by spaces: '-' for a lead-in, 1, 2, 2.1 for item 1 of paragraph 2. Empty: 1, 2, 3…"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_fields(self, "title", _("Title"), forms.CharField, max_length=200)
        language_fields(
            self,
            "text",
            _("Text, one provision a line"),
            forms.CharField,
            widget=forms.Textarea(attrs={"rows": 4}),
            strip=True,
        )

    def clean(self):
        data = super().clean()
        if not data.get("article") or data.get("action") == "repeal":
            return data
        lines = {
            code: [line.strip() for line in text.splitlines() if line.strip()]
            for code, text in language_values(data, "text").items()
        }
        count = len(lines[SOURCE])
        if not count:
            raise ValidationError(_("Give the Chinese source text of the article."))
        for code, language in settings.LANGUAGES:
            if lines[code] and len(lines[code]) != count:
                raise ValidationError(
                    _(
                        "The %(language)s text has a different number of lines (%(found)d) from the Chinese text (%(count)d)."
                    )
                    % {"language": language, "found": len(lines[code]), "count": count}
                )
        numbers = data.get("numbers", "").split()
        if numbers and len(numbers) != count:
            raise ValidationError(_("Give one provision number per line of text (%(count)d).") % {"count": count})
        data["provision_numbers"] = ["" if n == "-" else n for n in numbers] or (
            [""] if count == 1 else [str(i) for i in range(1, count + 1)]
        )
        data["provision_lines"] = lines
        return data

    def change(self) -> ArticleChange:
        data = self.cleaned_data
        provisions = []
        if data["action"] != "repeal":
            lines = data["provision_lines"]
            provisions = [
                ProvisionText(number=number, text={code: texts[i] for code, texts in lines.items() if texts})
                for i, number in enumerate(data["provision_numbers"])
            ]
        return ArticleChange(
            article=data["article"], action=data["action"], title=language_values(data, "title"), provisions=provisions
        )


ArticleChangeFormSet = forms.formset_factory(ArticleChangeForm, extra=3)
