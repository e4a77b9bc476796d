"""Public pages of the documents library: the list with its filters, one document, its files."""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.params import page_parameter
from documents.filters import read_filters
from documents.models import Body, Document, DocumentFile, Kind

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
