"""Public pages of the Charter and the Regulations: the text on a day, its history, one article's
history, and the PDF."""

import datetime
import re

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language, gettext as _

from governance.instrument_pdf import render_pdf
from governance.instrument_texts import article_history, instrument_history
from governance.models import Article, Instrument
from governance.models.instruments import url_name

# Path of each instrument's pages under the language prefix (governance/urls.py builds them).
INSTRUMENT_PATHS = {
    "charter": "charter/",
    "committee-regulation": "regulations/committees/",
    "dues-regulation": "regulations/dues/",
}
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadDate(ValueError):
    """The ?on= parameter is not a day of the calendar written YYYY-MM-DD."""


def requested_day(request) -> datetime.date:
    """The day asked for with ?on=YYYY-MM-DD; today (in Pohang) when none is given."""
    value = request.GET.get("on", "").strip()
    if not value:
        return timezone.localdate()
    if not ISO_DAY.fullmatch(value):
        raise BadDate(_("“%(value)s” is not a date. Write the day as YYYY-MM-DD, for example 2016-09-27.") % {"value": value[:40]})
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadDate(_("%(value)s is not a day of the calendar.") % {"value": value}) from None


def bad_request(request, message: str) -> HttpResponse:
    return render(request, "400.html", {"message": message}, status=400)


def instrument_context(request, instrument: Instrument) -> dict:
    """What every page of an instrument shows: the other instruments and what this language's text is."""
    language = get_language()
    return {
        "instrument": instrument,
        "instruments": Instrument.objects.all(),
        "text_status": instrument.text_status(language),
        "source_language": instrument.source_language,
        "source_url": translate_url(request.get_full_path(), instrument.source_language),
        "today": timezone.localdate(),
        "history_url": url_name(instrument.slug, "history"),
        "article_url": url_name(instrument.slug, "article"),
        "pdf_url": url_name(instrument.slug, "pdf"),
    }


def text_context(request, slug) -> dict:
    """The context of the text page and the PDF; raises BadDate for a bad ?on=."""
    on = requested_day(request)
    instrument = get_object_or_404(Instrument, slug=slug)
    text = instrument.as_of(on)
    return instrument_context(request, instrument) | {
        "text": text,
        "on": on,
        # h1 is the title, then one level per kind of heading (chapter, section), then articles.
        "article_level": 2 + text.heading_depth,
        "unrecorded_dates": text.unrecorded_dates,
    }


def instrument_text(request, slug):
    """The instrument as in force today, or on ?on=YYYY-MM-DD."""
    try:
        context = text_context(request, slug)
    except BadDate as error:
        return bad_request(request, str(error))
    return render(request, "governance/instrument.html", context)


def instrument_pdf(request, slug):
    """The instrument as in force on ?on=YYYY-MM-DD (default today), as a PDF."""
    try:
        context = text_context(request, slug)
    except BadDate as error:
        return bad_request(request, str(error))
    response = HttpResponse(render_pdf(request, context), content_type="application/pdf")
    filename = f"near-{context['instrument'].slug}-{context['on'].isoformat()}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def history(request, slug):
    """The timeline of the instrument's amendments, each with the articles it touched."""
    instrument = get_object_or_404(Instrument, slug=slug)
    context = instrument_context(request, instrument) | {
        "timeline": instrument_history(instrument),
        "articles": instrument.articles.all(),
    }
    return render(request, "governance/instrument_history.html", context)


def article(request, slug, key):
    """One article's versions, each compared with the one before."""
    instrument = get_object_or_404(Instrument, slug=slug)
    item = get_object_or_404(Article, instrument=instrument, key=key)
    context = instrument_context(request, instrument) | {"article": item, "versions": article_history(item)}
    return render(request, "governance/article_history.html", context)
