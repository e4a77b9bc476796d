"""The site search page against the real data: a search in each language, the groups and their
counts, highlighting that escapes the record's text, paging, the messages and the query count."""

import datetime
import re

import pytest
from django.db.models import Q
from django.test import override_settings

from core.languages import localized_fields
from events.models import Event
from members.models import MemberGovernment

pytestmark = pytest.mark.django_db


def groups(response) -> dict[str, dict]:
    """Each kind shown: its count and the addresses of its results, in order."""
    assert response.status_code == 200
    return groups_of(response.content.decode())


def groups_of(page: str) -> dict[str, dict]:
    found = {}
    for key, body in re.findall(r'<section class="search-group" id="kind-([a-z]+)".*?>(.*?)</section>', page, re.S):
        count = re.search(r'<span class="count">\((\d+)\)</span></h2>', body)
        links = re.findall(r'<li class="search-result">\s*<h3><a href="([^"]+)">', body)
        found[key] = {"count": int(count.group(1)), "links": links}
    return found


@pytest.mark.parametrize(
    "language, q, kind, first",
    [
        ("zh-hans", "防灾", "committees", "/zh-hans/committees/disaster-prevention/"),
        ("ja", "鳥取", "members", "/ja/members/tottori/"),
        ("ko", "경상북도", "members", "/ko/members/gyeongsangbuk/"),
        ("mn", "Төв", "members", "/mn/members/tov/"),
        ("ru", "Приморский", "members", "/ru/members/primorsky/"),
        ("en", "disaster prevention", "committees", "/en/committees/disaster-prevention/"),
    ],
)
def test_a_search_in_each_language_finds_the_record_first_in_its_group(client, language, q, kind, first):
    found = groups(client.get(f"/{language}/search/", {"q": q}))
    assert found[kind]["links"][0] == first


def test_a_search_in_one_language_finds_the_record_from_a_page_in_another(client):
    # Japanese characters from the English page, Russian from the Chinese page.
    assert groups(client.get("/en/search/", {"q": "鳥取"}))["members"]["links"] == ["/en/members/tottori/"]
    assert groups(client.get("/zh-hans/search/", {"q": "Приморский"}))["members"]["links"] == [
        "/zh-hans/members/primorsky/"
    ]


def test_russian_and_english_words_are_found_by_their_stems(client):
    # Приморского (genitive) finds Приморский край; "preventing" finds Disaster Prevention.
    assert groups(client.get("/ru/search/", {"q": "Приморского"}))["members"]["links"] == ["/ru/members/primorsky/"]
    assert groups(client.get("/en/search/", {"q": "disasters"}))["committees"]["links"][0] == (
        "/en/committees/disaster-prevention/"
    )


def test_a_mongolian_word_is_found_from_its_beginning(client):
    assert groups(client.get("/mn/search/", {"q": "Тө"}))["members"]["links"][:1] == ["/mn/members/tov/"]


def test_the_groups_count_every_match_of_their_kind_exactly(client):
    found = groups(client.get("/ko/search/", {"q": "경상북도"}))
    assert {key: group["count"] for key, group in found.items()} == {
        "members": 1,
        "committees": 1,
        "events": 7,
        "sessions": 4,
        "provisions": 3,
    }
    # The same count as reading every published event's text in the six languages.
    columns = [c for field in ("title", "summary", "report", "city", "organiser_name") for c in localized_fields(field)]
    mentions = Q()
    for column in columns:
        mentions |= Q(**{f"{column}__contains": "경상북도"})
    assert Event.objects.filter(mentions, published=True).count() == 7
    # Five shown, and a link to all seven.
    assert len(found["events"]["links"]) == 5
    page = client.get("/ko/search/", {"q": "경상북도"}).content.decode()
    assert 'href="?q=%EA%B2%BD%EC%83%81%EB%B6%81%EB%8F%84&amp;kind=events"' in page


def test_only_the_provisions_in_force_are_found(client):
    # Article 2(4) of the Committee Regulation has seven versions; the one in force today is found once.
    found = groups(client.get("/en/search/", {"q": "防灾"}))
    assert found["provisions"] == {"count": 1, "links": ["/en/regulations/committees/#art-2-p4"]}


def test_one_kind_is_shown_a_page_at_a_time(client):
    for number in range(23):
        Event.objects.create(
            kind="workshop",
            title_en=f"Zyxwvut workshop {number}",
            slug=f"zyxwvut-{number}",
            start_date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
        )
    overview = groups(client.get("/en/search/", {"q": "zyxwvut"}))
    assert overview == {"events": {"count": 23, "links": overview["events"]["links"]}}
    assert len(overview["events"]["links"]) == 5
    first = client.get("/en/search/", {"q": "zyxwvut", "kind": "events"})
    assert len(groups(first)["events"]["links"]) == 20
    assert "Page 1 of 2" in first.content.decode()
    second = groups(client.get("/en/search/", {"q": "zyxwvut", "kind": "events", "page": "2"}))
    assert second["events"]["count"] == 23
    assert len(second["events"]["links"]) == 3
    assert client.get("/en/search/", {"q": "zyxwvut", "kind": "events", "page": "3"}).status_code == 404


def test_unpublished_events_are_not_found(client):
    Event.objects.create(
        kind="workshop", title_en="Qwertzu draft", slug="qwertzu", start_date=datetime.date(2019, 1, 1), published=False
    )
    assert groups(client.get("/en/search/", {"q": "qwertzu"})) == {}


def test_the_record_text_is_escaped_and_the_matches_marked(client):
    tottori = MemberGovernment.objects.get(slug="tottori")
    tottori.name_en = '<script>alert("x")</script> Tottori & Co'
    tottori.save()
    page = client.get("/en/search/", {"q": "tottori"}).content.decode()
    assert (
        '<a href="/en/members/tottori/">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Tottori</mark> &amp; Co</a>'
        in page
    )
    assert "<script>" not in page


def test_the_query_is_escaped_on_the_page(client):
    page = client.get("/en/search/", {"q": '"><b>zzqq'}).content.decode()
    assert "<b>zzqq" not in page
    assert "Nothing matches “&quot;&gt;&lt;b&gt;zzqq”." in page


def test_an_excerpt_in_another_language_shows_why_a_record_matched(client):
    page = client.get("/en/search/", {"q": "鳥取"}).content.decode()
    assert '<p class="search-snippet" lang="ja"><mark>鳥取</mark>県</p>' in page


@pytest.mark.parametrize(
    "language, q, message",
    [
        ("en", "", "Type a name, a place or a word in any of the six languages."),
        ("en", "a", "Type at least 2 characters to search."),
        ("ru", " я ", "Введите не меньше 2 символов для поиска."),
    ],
)
def test_an_empty_or_too_short_search_says_what_to_type(client, django_assert_num_queries, language, q, message):
    with django_assert_num_queries(0):
        response = client.get(f"/{language}/search/", {"q": q})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "language, params, message",
    [
        ("en", {"q": "x" * 101}, "The search is too long: at most 100 characters, please."),
        ("ru", {"q": "x" * 101}, "Слишком длинный запрос: не больше 100 символов."),
        ("en", {"q": " ".join("abcdefghijk")}, "The search has too many words: at most 10, please."),
        ("en", {"q": "Tottori", "kind": "people"}, "“people” is not a kind of search result."),
        ("en", {"q": "Tottori", "page": "0"}, "The page number must be a whole number such as 2."),
    ],
)
def test_a_search_it_cannot_read_is_a_translated_400(client, language, params, message):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_search_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # One query per kind (rows, rank and count together) and one for the stems of the words.
    with django_assert_num_queries(11):
        client.get("/en/search/", {"q": "Gyeongsangbuk-do"})
    with django_assert_num_queries(11):
        client.get("/ru/search/", {"q": "Приморский край"})
    # Chinese, Japanese and Korean have no stems to ask for.
    with django_assert_num_queries(10):
        client.get("/zh-hans/search/", {"q": "防灾"})
    with django_assert_num_queries(2):
        client.get("/en/search/", {"q": "Gyeongsangbuk-do", "kind": "events", "page": "1"})


def test_every_page_has_the_search_box(client):
    for address in ("/en/", "/ja/members/tottori/", "/ru/documents/"):
        page = client.get(address).content.decode()
        language = address.split("/")[1]
        assert f'<form class="site-search" method="get" action="/{language}/search/" role="search">' in page


def test_the_page_is_cached_per_query(client):
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
        assert client.get("/en/search/", {"q": "Tottori"})["X-Page-Cache"] == "miss"
        assert client.get("/en/search/", {"q": "Tottori"})["X-Page-Cache"] == "hit"
        assert client.get("/en/search/", {"q": "Töv"})["X-Page-Cache"] == "miss"


def test_a_documents_symbol_finds_that_document_first(client):
    found = groups(client.get("/en/search/", {"q": "NEAR/GA/12/RES/1"}))
    assert found["documents"]["links"][0] == "/en/documents/NEAR/GA/12/RES/1/"
    # The other resolutions of the 12th General Assembly hold every part but the last whole.
    assert found["documents"]["count"] == 7


def test_a_query_in_two_scripts_needs_both(client):
    assert groups(client.get("/en/search/", {"q": "Tottori 鳥取"}))["members"]["links"] == ["/en/members/tottori/"]
    assert groups(client.get("/en/search/", {"q": "Tottori 경상북도"})) == {}


@pytest.mark.parametrize("q", ["a&b|c!(d)<->e:*", "'\\'; DROP TABLE x; --", "²³ ½", "_ _ _"])
def test_characters_of_the_tsquery_syntax_are_only_separators(client, q):
    assert client.get("/en/search/", {"q": q}).status_code == 200


def test_past_the_ranked_limit_a_kind_is_shown_latest_first_and_still_counted(client, monkeypatch):
    mentions = Q()
    for column in [c for field in ("title", "summary", "report", "city") for c in localized_fields(field)]:
        mentions |= Q(**{f"{column}__contains": "경상북도"})
    latest = Event.objects.filter(mentions, published=True).order_by("-start_date", "pk")[:5]
    expected = [f"/ko/events/{event.slug}/" for event in latest]
    ranked = groups(client.get("/ko/search/", {"q": "경상북도"}))["events"]
    assert ranked["links"] != expected  # ranked: the events whose title names Gyeongsangbuk-do first
    monkeypatch.setattr("search.results.RANKED_AT_MOST", 6)
    found = groups(client.get("/ko/search/", {"q": "경상북도"}))["events"]
    assert found == {"count": 7, "links": expected}


def test_a_partner_is_found_by_its_name_or_its_acronym_in_any_language(client):
    page = client.get("/en/search/", {"q": "AER"}).content.decode()
    assert groups_of(page)["partners"] == {"count": 1, "links": ["/en/partners/#aer"]}
    assert '<a href="/en/partners/#aer">Assembly of European Regions (<mark>AER</mark>)</a>' in page
    korean = client.get("/ko/search/", {"q": "이클레이"}).content.decode()
    assert '<a href="/ko/partners/#iclei"><mark>이클레이</mark> – 지속가능성을 위한 세계지방정부 (ICLEI)</a>' in korean
    assert '<article class="partner" id="iclei">' in client.get("/ko/partners/").content.decode()


@pytest.mark.parametrize("language, q", [("en", "Tottori"), ("ja", "鳥取"), ("mn", "Тоттори")])
def test_the_activities_of_a_published_plan_are_found_with_the_measure_they_serve(client, language, q):
    found = groups(client.get(f"/{language}/search/", {"q": q}))
    plan = f"/{language}/members/tov/plans/2020/"
    assert found["plans"] == {
        "count": 3,
        "links": [f"{plan}#activity-4-2", f"{plan}#activity-4-3", f"{plan}#activity-4-1"],
    }
    assert 'id="activity-4-2"' in client.get(plan).content.decode()


def test_the_activity_reads_as_the_plan_and_the_measure(client):
    page = client.get("/en/search/", {"q": "JICA"}).content.decode()
    assert (
        '<h3><a href="/en/members/tov/plans/2020/#activity-4-2">4.2 Carry out a project in the aimag&#x27;s health '
        "sector together with Tottori Prefecture, with the support of the international organisation <mark>JICA</mark>."
        "</a></h3>"
    ) in page
    assert (
        '<p class="search-about">Töv Province&#x27;s foreign relations and cooperation plan for 2020 · 4. In Tottori '
        "Prefecture: carry out long- and short-term training and internship programmes together with Tottori "
        "Prefecture, Japan, a direct partner.</p>"
    ) in page


def test_a_plan_its_government_withdrew_is_not_found(client):
    from plans.models import CooperationPlan, Status

    CooperationPlan.objects.filter(government__slug="tov", year=2020).update(status=Status.DRAFT)
    assert "plans" not in groups(client.get("/en/search/", {"q": "Tottori"}))
