"""Each kind's search walks its GIN index: the index holds the very expression the search asks for."""

import pytest
from django.db import connection

from search.results import search
from search.sources import SOURCES
from search.terms import read_terms

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("source", SOURCES, ids=[source.key for source in SOURCES])
def test_the_search_of_each_kind_uses_its_index(source):
    terms = read_terms("Tottori 鳥取")
    query = terms.query()
    # All the rows, not the public ones: the question is whether the index answers the match.
    rows = source.model.objects.alias(search_vector=source.vector()).filter(search_vector=query)
    with connection.cursor() as cursor:
        # The real tables are small enough for the planner to read them whole, or along another
        # index; forbid both here, so only an index that holds the expression can answer.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = rows.explain()
    assert f"Bitmap Index Scan on {source.index_name}" in plan, plan


def test_a_search_without_results_counts_none():
    group = search(SOURCES[0], read_terms("zzqqxx"), language="en", limit=5)
    assert (group.total, group.results, group.more) == (0, [], False)
