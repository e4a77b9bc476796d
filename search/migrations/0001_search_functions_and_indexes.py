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

``near_search_rank(vector, query, exact)``: ``ts_rank`` of the query, divided by 1 + the log of
the text's length, plus that of the whole words (not divided): one function, so the vector it
ranks is built once per row (never inlined, which would build it twice).
"""

from django.db import migrations

# The characters search.terms.CJK_CLASS names (tests/search/test_terms.py checks that both cut alike).
CJK_CLASS = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"

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

CREATE FUNCTION near_search_rank(vector tsvector, query tsquery, exact tsquery) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 100 SET search_path FROM CURRENT AS $$
    SELECT ts_rank(vector, query, 1) + ts_rank(vector, exact)
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS near_search_rank(tsvector, tsquery, tsquery);
DROP FUNCTION IF EXISTS near_search_vector(text, text, text, text, text, text);
DROP FUNCTION IF EXISTS near_cjk_bigrams(text);
"""


# One GIN index per kind, on the expression search/sources.py builds (Source.vector()), written out
# here as it was when this migration was made: tests/search/test_indexes.py fails if the sources
# change without a migration that builds the index again.
INDEXES = [
    (
        'search_members_vector',
        'CREATE INDEX "search_members_vector" ON "members_membergovernment" USING gin ((near_search_vector((COALESCE("name_en", \'\') || \' \' || COALESCE("name_mn", \'\') || \' \' || COALESCE("name_zh_hans", \'\') || \' \' || COALESCE("name_ko", \'\') || \' \' || COALESCE("name_ja", \'\') || \' \' || COALESCE("name_ru", \'\')), (COALESCE("name_en", \'\')), (COALESCE("name_ru", \'\')), \'\', \'\', \'\')))',
    ),
    (
        'search_committees_vector',
        'CREATE INDEX "search_committees_vector" ON "committees_committee" USING gin ((near_search_vector((COALESCE("name_en", \'\') || \' \' || COALESCE("name_mn", \'\') || \' \' || COALESCE("name_zh_hans", \'\') || \' \' || COALESCE("name_ko", \'\') || \' \' || COALESCE("name_ja", \'\') || \' \' || COALESCE("name_ru", \'\')), (COALESCE("name_en", \'\')), (COALESCE("name_ru", \'\')), (COALESCE("field_of_activity_en", \'\') || \' \' || COALESCE("field_of_activity_mn", \'\') || \' \' || COALESCE("field_of_activity_zh_hans", \'\') || \' \' || COALESCE("field_of_activity_ko", \'\') || \' \' || COALESCE("field_of_activity_ja", \'\') || \' \' || COALESCE("field_of_activity_ru", \'\') || \' \' || COALESCE("description_en", \'\') || \' \' || COALESCE("description_mn", \'\') || \' \' || COALESCE("description_zh_hans", \'\') || \' \' || COALESCE("description_ko", \'\') || \' \' || COALESCE("description_ja", \'\') || \' \' || COALESCE("description_ru", \'\') || \' \' || COALESCE("history_note_en", \'\') || \' \' || COALESCE("history_note_mn", \'\') || \' \' || COALESCE("history_note_zh_hans", \'\') || \' \' || COALESCE("history_note_ko", \'\') || \' \' || COALESCE("history_note_ja", \'\') || \' \' || COALESCE("history_note_ru", \'\')), (COALESCE("field_of_activity_en", \'\') || \' \' || COALESCE("description_en", \'\') || \' \' || COALESCE("history_note_en", \'\')), (COALESCE("field_of_activity_ru", \'\') || \' \' || COALESCE("description_ru", \'\') || \' \' || COALESCE("history_note_ru", \'\')))))',
    ),
    (
        'search_events_vector',
        'CREATE INDEX "search_events_vector" ON "events_event" USING gin ((near_search_vector((COALESCE("title_en", \'\') || \' \' || COALESCE("title_mn", \'\') || \' \' || COALESCE("title_zh_hans", \'\') || \' \' || COALESCE("title_ko", \'\') || \' \' || COALESCE("title_ja", \'\') || \' \' || COALESCE("title_ru", \'\')), (COALESCE("title_en", \'\')), (COALESCE("title_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("summary_mn", \'\') || \' \' || COALESCE("summary_zh_hans", \'\') || \' \' || COALESCE("summary_ko", \'\') || \' \' || COALESCE("summary_ja", \'\') || \' \' || COALESCE("summary_ru", \'\') || \' \' || COALESCE("report_en", \'\') || \' \' || COALESCE("report_mn", \'\') || \' \' || COALESCE("report_zh_hans", \'\') || \' \' || COALESCE("report_ko", \'\') || \' \' || COALESCE("report_ja", \'\') || \' \' || COALESCE("report_ru", \'\') || \' \' || COALESCE("city_en", \'\') || \' \' || COALESCE("city_mn", \'\') || \' \' || COALESCE("city_zh_hans", \'\') || \' \' || COALESCE("city_ko", \'\') || \' \' || COALESCE("city_ja", \'\') || \' \' || COALESCE("city_ru", \'\') || \' \' || COALESCE("organiser_name_en", \'\') || \' \' || COALESCE("organiser_name_mn", \'\') || \' \' || COALESCE("organiser_name_zh_hans", \'\') || \' \' || COALESCE("organiser_name_ko", \'\') || \' \' || COALESCE("organiser_name_ja", \'\') || \' \' || COALESCE("organiser_name_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("report_en", \'\') || \' \' || COALESCE("city_en", \'\') || \' \' || COALESCE("organiser_name_en", \'\')), (COALESCE("summary_ru", \'\') || \' \' || COALESCE("report_ru", \'\') || \' \' || COALESCE("city_ru", \'\') || \' \' || COALESCE("organiser_name_ru", \'\')))))',
    ),
    (
        'search_sessions_vector',
        'CREATE INDEX "search_sessions_vector" ON "assemblies_session" USING gin ((near_search_vector((COALESCE("theme_en", \'\') || \' \' || COALESCE("theme_mn", \'\') || \' \' || COALESCE("theme_zh_hans", \'\') || \' \' || COALESCE("theme_ko", \'\') || \' \' || COALESCE("theme_ja", \'\') || \' \' || COALESCE("theme_ru", \'\') || \' \' || COALESCE("place_en", \'\') || \' \' || COALESCE("place_mn", \'\') || \' \' || COALESCE("place_zh_hans", \'\') || \' \' || COALESCE("place_ko", \'\') || \' \' || COALESCE("place_ja", \'\') || \' \' || COALESCE("place_ru", \'\')), (COALESCE("theme_en", \'\') || \' \' || COALESCE("place_en", \'\')), (COALESCE("theme_ru", \'\') || \' \' || COALESCE("place_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("summary_mn", \'\') || \' \' || COALESCE("summary_zh_hans", \'\') || \' \' || COALESCE("summary_ko", \'\') || \' \' || COALESCE("summary_ja", \'\') || \' \' || COALESCE("summary_ru", \'\')), (COALESCE("summary_en", \'\')), (COALESCE("summary_ru", \'\')))))',
    ),
    (
        'search_resolutions_vector',
        'CREATE INDEX "search_resolutions_vector" ON "assemblies_agendaitem" USING gin ((near_search_vector((COALESCE("title_en", \'\') || \' \' || COALESCE("title_mn", \'\') || \' \' || COALESCE("title_zh_hans", \'\') || \' \' || COALESCE("title_ko", \'\') || \' \' || COALESCE("title_ja", \'\') || \' \' || COALESCE("title_ru", \'\')), (COALESCE("title_en", \'\')), (COALESCE("title_ru", \'\')), (COALESCE("text_en", \'\') || \' \' || COALESCE("text_mn", \'\') || \' \' || COALESCE("text_zh_hans", \'\') || \' \' || COALESCE("text_ko", \'\') || \' \' || COALESCE("text_ja", \'\') || \' \' || COALESCE("text_ru", \'\')), (COALESCE("text_en", \'\')), (COALESCE("text_ru", \'\')))))',
    ),
    (
        'search_provisions_vector',
        'CREATE INDEX "search_provisions_vector" ON "instruments_paragraph" USING gin ((near_search_vector(\'\', \'\', \'\', (COALESCE("text_en", \'\') || \' \' || COALESCE("text_mn", \'\') || \' \' || COALESCE("text_zh_hans", \'\') || \' \' || COALESCE("text_ko", \'\') || \' \' || COALESCE("text_ja", \'\') || \' \' || COALESCE("text_ru", \'\')), (COALESCE("text_en", \'\')), (COALESCE("text_ru", \'\')))))',
    ),
    (
        'search_documents_vector',
        'CREATE INDEX "search_documents_vector" ON "documents_document" USING gin ((near_search_vector((COALESCE("title_en", \'\') || \' \' || COALESCE("title_mn", \'\') || \' \' || COALESCE("title_zh_hans", \'\') || \' \' || COALESCE("title_ko", \'\') || \' \' || COALESCE("title_ja", \'\') || \' \' || COALESCE("title_ru", \'\') || \' \' || COALESCE("symbol", \'\')), (COALESCE("title_en", \'\')), (COALESCE("title_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("summary_mn", \'\') || \' \' || COALESCE("summary_zh_hans", \'\') || \' \' || COALESCE("summary_ko", \'\') || \' \' || COALESCE("summary_ja", \'\') || \' \' || COALESCE("summary_ru", \'\')), (COALESCE("summary_en", \'\')), (COALESCE("summary_ru", \'\')))))',
    ),
    (
        'search_news_vector',
        'CREATE INDEX "search_news_vector" ON "documents_newsitem" USING gin ((near_search_vector((COALESCE("title_en", \'\') || \' \' || COALESCE("title_mn", \'\') || \' \' || COALESCE("title_zh_hans", \'\') || \' \' || COALESCE("title_ko", \'\') || \' \' || COALESCE("title_ja", \'\') || \' \' || COALESCE("title_ru", \'\')), (COALESCE("title_en", \'\')), (COALESCE("title_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("summary_mn", \'\') || \' \' || COALESCE("summary_zh_hans", \'\') || \' \' || COALESCE("summary_ko", \'\') || \' \' || COALESCE("summary_ja", \'\') || \' \' || COALESCE("summary_ru", \'\') || \' \' || COALESCE("body_en", \'\') || \' \' || COALESCE("body_mn", \'\') || \' \' || COALESCE("body_zh_hans", \'\') || \' \' || COALESCE("body_ko", \'\') || \' \' || COALESCE("body_ja", \'\') || \' \' || COALESCE("body_ru", \'\')), (COALESCE("summary_en", \'\') || \' \' || COALESCE("body_en", \'\')), (COALESCE("summary_ru", \'\') || \' \' || COALESCE("body_ru", \'\')))))',
    ),
]


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
        *[migrations.RunSQL(sql, f'DROP INDEX IF EXISTS "{name}"') for name, sql in INDEXES],
    ]
