"""Lists read translated columns in the page's language and its fallbacks only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.languages import active_language_fields, other_language_fields


@pytest.mark.parametrize(
    "language, read",
    [
        ("en", ["name_en", "name_zh_hans"]),
        ("zh-hans", ["name_zh_hans", "name_en"]),
        ("ru", ["name_ru", "name_en", "name_zh_hans"]),
        ("mn", ["name_mn", "name_en", "name_zh_hans"]),
    ],
)
def test_a_page_reads_its_language_then_the_fallbacks(language, read):
    with translation.override(language):
        assert active_language_fields("name") == read


def test_the_other_columns_are_the_rest_of_the_six():
    with translation.override("ko"):
        assert active_language_fields("text", "note") == [
            "text_ko",
            "text_en",
            "text_zh_hans",
            "note_ko",
            "note_en",
            "note_zh_hans",
        ]
        assert other_language_fields("text", "note") == [
            "text_mn",
            "text_ja",
            "text_ru",
            "note_mn",
            "note_ja",
            "note_ru",
        ]


@pytest.mark.django_db
def test_the_events_list_leaves_summaries_and_other_languages_in_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/ja/events/")
    listing = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "events_event" ' in q["sql"] and "LIMIT" in q["sql"] and not q["sql"].startswith("SELECT COUNT(*)")
    ]
    assert len(listing) == 1
    assert '"events_event"."title_ja"' in listing[0]
    assert '"events_event"."title_ru"' not in listing[0]
    assert '"events_event"."summary' not in listing[0]
    assert '"events_event"."report' not in listing[0]


@pytest.mark.django_db
def test_the_charter_page_reads_the_wording_in_the_page_language_only(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/ru/charter/").content.decode()
    paragraphs = next(q["sql"] for q in queries.captured_queries if 'FROM "instruments_paragraph"' in q["sql"])
    assert '"instruments_paragraph"."text_ru"' in paragraphs
    assert '"instruments_paragraph"."text_ko"' not in paragraphs
    assert "Устав" in page
