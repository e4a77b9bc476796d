"""Public pages of the documents library (the list with its filters, one document, its files) and of the news."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.params import page_parameter
from documents.filters import read_filters
from documents.models import Body, Document, DocumentFile, Kind, MinutesPublication, NewsItem

PER_PAGE = 50
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def library(request):
    """Every document, newest first, filtered by kind, body, year and language."""
    filters = read_filters(request.GET)
    page_number = page_parameter(request)
    documents = filters.apply(Document.objects.all()).for_library()
    try:
        page = Paginator(documents, PER_PAGE).page(page_number)
    except EmptyPage:
        raise Http404(_("There is no such page of documents.")) from None
    context = {
        "filters": filters,
        "page": page,
        "kinds": Kind.choices,
        "bodies": Body.choices,
        "years": [day.year for day in Document.objects.dates("date", "year", order="DESC")],
        "languages": settings.LANGUAGES,
        "language_names": LANGUAGE_NAMES,
    }
    return render(request, "documents/library.html", context)


def document_detail(request, symbol):
    """One document: what it is, what it belongs to, and its language versions."""
    document = get_object_or_404(
        Document.objects.select_related("session", "committee", "event", "member").prefetch_related("files"),
        symbol=symbol,
    )
    context = {"document": document, "readable": document.readable_by(request.user)}
    return render(request, "documents/detail.html", context)


def document_file(request, pk):
    """One language version's file, downloaded; a restricted one only with the permission."""
    item = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk)
    if not item.document.readable_by(request.user):
        raise Http404(_("No such file."))
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(handle, content_type=item.content_type, as_attachment=True, filename=item.download_name)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a file were interpreted as a page, it could run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if item.document.restricted:
        response["Cache-Control"] = "private, no-store"
    return response


NEWS_PER_PAGE = 20
# The feed carries the latest items only: readers poll it, and old items are on the list.
FEED_ITEMS = 20


def news_list(request):
    """Published news and notices, latest first."""
    page_number = page_parameter(request)
    items = NewsItem.objects.published()
    try:
        page = Paginator(items, NEWS_PER_PAGE).page(page_number)
    except EmptyPage:
        raise Http404(_("There is no such page of news.")) from None
    return render(request, "documents/news_list.html", {"page": page})


def news_detail(request, slug):
    """One news item or notice, with the sessions, events, committees and governments it concerns."""
    item = get_object_or_404(
        NewsItem.objects.published().prefetch_related("sessions", "events", "committees", "members"), slug=slug
    )
    return render(request, "documents/news_detail.html", {"item": item})


class NewsFeed(Feed):
    """The latest news and notices as an Atom feed, in the language of its address."""

    feed_type = Atom1Feed

    def title(self):
        return _("NEAR news and notices")

    def link(self):
        return reverse("documents:news-list")

    def subtitle(self):
        return _("News and notices of the NEAR Secretariat.")

    def items(self):
        return NewsItem.objects.published()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.published_on, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return self.item_pubdate(item)


def session_minutes(request, body, key):
    """A session's published minutes in the page's language: the latest version, as it was published."""
    publication = (
        MinutesPublication.objects.filter(
            document__kind=Kind.MINUTES, document__session__body=body, document__session__key=key
        )
        .select_related("document__session")
        .prefetch_related("document__files")
        .order_by("-version")
        .first()
    )
    if publication is None or get_language() not in publication.html:
        raise Http404(_("The minutes of this session are not published."))
    document = publication.document
    if not document.readable_by(request.user):
        raise Http404(_("The minutes of this session are not published."))
    files = list(document.files.all())
    context = {
        "publication": publication,
        "document": document,
        "session": document.session,
        "files": files,
        "own_file": next((f for f in files if f.language == get_language()), None),
        # Rendered by the portal's own template (autoescaped) when it was published, and kept as it was.
        "body": mark_safe(publication.html[get_language()]),
    }
    return render(request, "documents/minutes/page.html", context)
