"""The site search page: /<lang>/search/?q=..., every kind at once or one kind a page at a time."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching import query_parameters
from core.params import BadParameter, page_parameter
from core.ratelimits import rate_limited
from search.results import search, with_stems
from search.sources import SOURCES, SOURCES_BY_KEY
from search.terms import MIN_LENGTH, read_terms

# Results of each kind on the page of every kind, and on a page of one kind.
OVERVIEW_LIMIT = 5
PER_PAGE = 20


@query_parameters("q", "kind", "page")
@rate_limited("page")  # every new ?q= misses the page cache
def results(request):
    """What matches ``?q=`` in every kind of record, grouped by kind; ``?kind=`` for one kind, by pages."""
    value = request.GET.get("q", "")
    terms = read_terms(value)
    kind = request.GET.get("kind", "")
    if kind and kind not in SOURCES_BY_KEY:
        raise BadParameter(_("“%(value)s” is not a kind of search result.") % {"value": kind[:40]})
    page_number = page_parameter(request)
    context = {"q": value.strip(), "kind": kind, "min_length": MIN_LENGTH}
    if terms.empty:
        return render(request, "search/results.html", context)
    terms = with_stems(terms)
    language = get_language()
    if kind:
        offset = (page_number - 1) * PER_PAGE
        groups = [search(SOURCES_BY_KEY[kind], terms, language=language, offset=offset, limit=PER_PAGE)]
        if page_number > 1 and not groups[0].results:
            raise Http404(_("There is no such page of results."))
    else:
        groups = [search(source, terms, language=language, limit=OVERVIEW_LIMIT) for source in SOURCES]
    context.update(
        searched=True,
        groups=groups,
        total=sum(group.total for group in groups),
        page_number=page_number,
        num_pages=-(-groups[0].total // PER_PAGE) if kind else 1,
    )
    return render(request, "search/results.html", context)
