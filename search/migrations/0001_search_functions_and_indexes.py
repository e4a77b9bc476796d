"""The SQL functions of the site search and one GIN index per kind of result (search/sources.py).

``near_cjk_bigrams(text)``: the runs of Chinese, Japanese and Korean characters of the text,
each cut into overlapping pairs (防灾分科委员会 -> 防灾 灾分 分科 科委 委员 员会), a lone
character kept as it is: search/terms.py cuts a query the same way.

``near_search_vector(a, a_en, a_ru, b, b_en, b_ru)``: the tsvector of a record, from what it is
called (a: the six languages joined, weight A) and what it says (b, weight B): every language
in the 'simple' configuration (slashes as spaces, so NEAR/GA/12/RES/1 gives its parts), the
English and Russian text also with their dictionaries' stems, and the CJK pairs.

Both are IMMUTABLE (they read nothing but their arguments), so indexes can hold them, and keep
the schema search path of their creation: PostgreSQL builds an index with a search path of
pg_catalog only, where near_search_vector would not find near_cjk_bigrams. Their COST says
what they are: about a millisecond for a record's text in six languages, thousands of times
an operator, so the planner walks the index rather than build the vector of every row, even
on a small table.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from search.terms import CJK_CLASS

FUNCTIONS = rf"""
CREATE FUNCTION near_cjk_bigrams(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 SET search_path FROM CURRENT AS $$
    SELECT coalesce(string_agg(
        CASE WHEN length(m.run[1]) = 1 THEN m.run[1] ELSE substr(m.run[1], i, 2) END, ' ' ORDER BY m.n, i
    ), '')
    FROM regexp_matches(value, '[{CJK_CLASS}]+', 'g') WITH ORDINALITY AS m(run, n),
         generate_series(1, greatest(length(m.run[1]) - 1, 1)) AS i
$$;

CREATE FUNCTION near_search_vector(a text, a_en text, a_ru text, b text, b_en text, b_ru text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 SET search_path FROM CURRENT AS $$
    SELECT setweight(
               to_tsvector('simple'::regconfig, translate(a, '/', ' '))
               || to_tsvector('english'::regconfig, a_en)
               || to_tsvector('russian'::regconfig, a_ru)
               || to_tsvector('simple'::regconfig, near_cjk_bigrams(a)),
               'A')
        || setweight(
               to_tsvector('simple'::regconfig, translate(b, '/', ' '))
               || to_tsvector('english'::regconfig, b_en)
               || to_tsvector('russian'::regconfig, b_ru)
               || to_tsvector('simple'::regconfig, near_cjk_bigrams(b)),
               'B')
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS near_search_vector(text, text, text, text, text, text);
DROP FUNCTION IF EXISTS near_cjk_bigrams(text);
"""


def create_indexes(apps, schema_editor):
    from search.sources import SOURCES

    for source in SOURCES:
        model = apps.get_model(source.model._meta.app_label, source.model._meta.model_name)
        index = GinIndex(source.vector(), name=source.index_name)
        schema_editor.execute(index.create_sql(model, schema_editor))


def drop_indexes(apps, schema_editor):
    from search.sources import SOURCES

    for source in SOURCES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{source.index_name}"')


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("members", "0002_partner_in_current_brochure"),
        ("committees", "0001_initial"),
        ("events", "0003_event_registration_deadline"),
        ("instruments", "0001_initial"),
        ("assemblies", "0001_initial"),
        ("documents", "0002_news"),
    ]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
