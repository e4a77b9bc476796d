"""Public pages of the Charter and the Regulations: the text on a day, its history, one article's
history, and the PDF."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language

from core.caching import query_parameters, rendered_once
from core.params import date_parameter
from core.ratelimits import rate_limited
from instruments.models import Article, Instrument, url_name
from instruments.pdf import render_pdf
from instruments.texts import article_history, instrument_as_of, instrument_history

# Path of each instrument's pages under the language prefix (instruments/urls.py builds them).
INSTRUMENT_PATHS = {
    "charter": "charter/",
    "committee-regulation": "regulations/committees/",
    "dues-regulation": "regulations/dues/",
}


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
    """The context of the text page and the PDF; raises BadParameter for a bad ?on=."""
    on = date_parameter(request)
    instrument = get_object_or_404(Instrument, slug=slug)
    text = instrument_as_of(instrument, on=on)
    return instrument_context(request, instrument) | {
        "text": text,
        "on": on,
        # h1 is the title, then one level per kind of heading (chapter, section), then articles.
        "article_level": 2 + text.heading_depth,
        "unrecorded_dates": text.unrecorded_dates,
    }


@query_parameters("on")
@rate_limited("page")
def instrument_text(request, slug):
    """The instrument as in force today, or on ?on=YYYY-MM-DD."""
    context = text_context(request, slug)
    return render(request, "instruments/instrument.html", context)


@query_parameters("on")
@rate_limited("pdf")
def instrument_pdf(request, slug):
    """The instrument as in force on ?on=YYYY-MM-DD (default today), as a PDF.

    Rendered once per content version, language, instrument, day in force and day of
    issue (the PDF states it), whoever asks.
    """
    context = text_context(request, slug)
    pdf = rendered_once(
        "instrument-pdf",
        get_language(),
        slug,
        context["on"].isoformat(),
        context["today"].isoformat(),
        render=lambda: render_pdf(request, context),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"near-{context['instrument'].slug}-{context['on'].isoformat()}-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@query_parameters()
def history(request, slug):
    """The timeline of the instrument's amendments, each with the articles it touched."""
    instrument = get_object_or_404(Instrument, slug=slug)
    context = instrument_context(request, instrument) | {
        "timeline": instrument_history(instrument),
        "articles": instrument.articles.in_the_record(),
    }
    return render(request, "instruments/instrument_history.html", context)


@query_parameters()
def article(request, slug, key):
    """One article's versions, each compared with the one before."""
    instrument = get_object_or_404(Instrument, slug=slug)
    item = get_object_or_404(Article.objects.in_the_record(), instrument=instrument, key=key)
    context = instrument_context(request, instrument) | {"article": item, "versions": article_history(item)}
    return render(request, "instruments/article_history.html", context)
