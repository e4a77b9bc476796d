"""Public pages of the annual report: the published editions and their download."""

from itertools import groupby

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.caching import query_parameters
from core.ratelimits import rate_limited
from near_portal.report.models import ReportEdition

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = {code: index for index, code in enumerate(LANGUAGE_NAMES)}


@query_parameters()
def report_list(request):
    """Published editions, newest year first, each year's in the portal's language order. One query."""
    published = sorted(
        ReportEdition.objects.published().only("year", "language", "pages"),
        key=lambda edition: (-edition.year, LANGUAGE_ORDER[edition.language]),
    )
    for edition in published:
        edition.language_name = LANGUAGE_NAMES[edition.language]
    years = [{"year": year, "editions": list(items)} for year, items in groupby(published, key=lambda e: e.year)]
    return render(request, "report/public/list.html", {"years": years})


@query_parameters()
@rate_limited("report")
def download(request, year, language):
    """The published PDF of ``year`` in ``language``; 404 when there is none."""
    edition = ReportEdition.objects.published().filter(year=year, language=language).first()
    if edition is None or not edition.file.storage.exists(edition.file.name):
        raise Http404(_("No annual report of this year is published in this language."))
    response = FileResponse(edition.file.open("rb"), content_type="application/pdf", filename=edition.download_name())
    response["Content-Language"] = edition.language
    return response
