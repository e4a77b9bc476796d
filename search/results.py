"""The site search's reads: one query per kind, ranked, counted, a page at a time.

A kind's query walks its GIN index (``near_search_vector(...) @@ tsquery``; the tsquery has
no phrase and no weight, so the index answers it without reading the rows' text again), ranks
the rows it finds by what they are called (``ts_rank`` of the title's vector, divided by the
log of its length so a name that is the term comes before one that holds it among others;
whole words count once more than words that only begin with a term; the rest in the kind's
order, the latest first), a record that only mentions the term after those whose name holds
it (past ``RANKED_AT_MOST`` matches, the kind's order alone), counts them in the same query and reads only the rows of the page. The table is never
read whole, nor more than a page of rows brought into Python.
"""

from dataclasses import dataclass

from django.db import connection, models
from django.db.models.lookups import GreaterThan
from django.utils.safestring import SafeString
from modeltranslation.utils import build_localized_fieldname, resolution_order

from core.languages import LANGUAGE_CODES
from search.sources import Source
from search.terms import Terms


@dataclass
class Result:
    """One record found: its title (highlighted), where it is, a line about it, and a highlighted excerpt."""

    title: SafeString
    url: str
    about: str
    snippet: SafeString
    snippet_language: str


@dataclass
class Group:
    """The results of one kind: the page shown and how many there are in all."""

    source: Source
    total: int
    results: list[Result]
    offset: int = 0
    limit: int = 0

    @property
    def more(self) -> bool:
        return self.total > self.offset + len(self.results)


def with_stems(terms: Terms) -> Terms:
    """``terms`` with the English and Russian stems of its words, to highlight 'meeting' for 'meetings' (one query)."""
    if not terms.words:
        return terms
    text = " ".join(terms.words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array(SELECT unnest(tsvector_to_array(to_tsvector('english', %s) || to_tsvector('russian', %s))))",
            [text, text],
        )
        return terms.with_stems(cursor.fetchone()[0])


# How many matches of one kind are ranked; more are shown in the kind's order (the latest first).
# Ranking builds each match's title vector (0.1-0.2 ms a row on this machine, see
# docs/benchmarks.md), so this bounds a search's cost however common its words are.
RANKED_AT_MOST = 500


class MatchCount(models.Subquery):
    """How many rows a queryset holds, as a value of the outer query (computed once: it refers to no outer row)."""

    template = "(SELECT count(*) FROM (%(subquery)s) AS matches)"
    output_field = models.IntegerField()


def search(source: Source, terms: Terms, *, language: str, offset: int = 0, limit: int) -> Group:
    """The records of ``source`` that match ``terms``, best first: ``limit`` of them from ``offset``, and the count.

    One query: the page's keys are chosen in a subquery that sorts narrow rows (a thousand
    matches move a thousand numbers, not a thousand texts in six languages), and only those
    rows are read whole, ranked again (a few rows) to keep the order, with the count of all.
    """
    query, exact = terms.query(), terms.exact_query()
    matches = source.rows().alias(search_vector=source.vector()).filter(search_vector=query)
    count = MatchCount(matches.order_by().values("pk"))
    rank = models.Case(
        # Past RANKED_AT_MOST matches, in the kind's order alone: ranking costs a title's vector a row.
        models.When(GreaterThan(count, RANKED_AT_MOST), then=models.Value(0.0)),
        default=models.Func(
            source.rank_vector(),
            query,
            exact if exact is not None else query,
            function="near_search_rank",
            output_field=models.FloatField(),
        ),
        output_field=models.FloatField(),
    )
    page = matches.annotate(search_rank=rank).order_by("-search_rank", *source.order).values("pk")
    rows = list(
        source.rows()
        .filter(pk__in=page[offset : offset + limit])
        .annotate(search_rank=rank, search_total=count)
        .order_by("-search_rank", *source.order)
    )
    results = [result(source, row, terms, language) for row in rows]
    return Group(source=source, total=rows[0].search_total if rows else 0, results=results, offset=offset, limit=limit)


def result(source: Source, row, terms: Terms, language: str) -> Result:
    title = source.title(row)
    snippet, snippet_language = excerpt(source, row, terms, language)
    return Result(
        title=terms.highlight(title, width=len(title) + 1),
        url=source.url(row),
        about=source.about(row),
        snippet=snippet,
        snippet_language=snippet_language,
    )


def excerpt(source: Source, row, terms: Terms, language: str) -> tuple[SafeString, str]:
    """The text that shows why ``row`` matched: its fields in the page's language first, then in the others.

    What it says comes before what it is called, and the title in the page's language is left
    out (it is shown already). Nothing matches when only a stem did: then what the record says
    in the page's language, or nothing.
    """
    languages = [*resolution_order(language), *LANGUAGE_CODES]
    languages = list(dict.fromkeys(languages))
    fields = source.text_fields()
    shown_title = {build_localized_fieldname(field, language) for field in source.title_fields}
    for code in languages:
        for field in fields:
            column = build_localized_fieldname(field, code)
            if column in shown_title:
                continue
            text = getattr(row, column) or ""
            if terms.matches(text):
                return terms.highlight(text), code
    for field in source.body_fields:
        text = getattr(row, build_localized_fieldname(field, language)) or ""
        if text:
            return terms.highlight(text), language
    return SafeString(""), language
