"""Public pages of events in the six languages: list, filters, detail, member pages."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from events.models import Event, Participation
from members.models import MemberGovernment

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "mn", "zh-hans", "ko", "ja", "ru")
BAD_YEAR = {
    "en": "The year must be written with four digits, for example 2018.",
    "mn": "Оныг дөрвөн оронтой тоогоор бичнэ үү, жишээ нь 2018.",
    "zh-hans": "年份须为四位数字，例如 2018。",
    "ko": "연도는 2018처럼 네 자리 숫자로 적어야 합니다.",
    "ja": "年は 2018 のように4桁の数字で書いてください。",
    "ru": "Год нужно указать четырьмя цифрами, например 2018.",
}
EVENTS_LABEL = {
    "en": "Events",
    "mn": "Арга хэмжээ",
    "zh-hans": "活动",
    "ko": "행사",
    "ja": "イベント",
    "ru": "Мероприятия",
}


def titles(response):
    found = re.findall(r'<h3 class="event-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())
    return [html.unescape(title) for title in found]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_shows_every_published_event_a_page_at_a_time_in_each_language(client, language):
    pages = [client.get(f"/{language}/events/?page={n}") for n in (1, 2, 3)]
    assert [response.status_code for response in pages] == [200, 200, 200]
    page = pages[0].content.decode()
    assert f'<html lang="{language}">' in page
    assert f"<h1>{EVENTS_LABEL[language]}</h1>" in page
    # The real record: 50 published events, all past, 20 a page.
    assert [len(titles(response)) for response in pages] == [20, 20, 10]
    shown = [title for response in pages for title in titles(response)]
    assert len(shown) == len(set(shown)) == 50
    assert Event.objects.get(slug="12th-general-assembly-2018").title in shown


def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client, make_event):
    today = timezone.localdate()
    make_event(title_en="Later meeting", start_date=today + datetime.timedelta(days=40))
    make_event(title_en="Sooner meeting", start_date=today + datetime.timedelta(days=5))
    make_event(title_en="Running meeting", start_date=today - datetime.timedelta(days=1), end_date=today)
    shown = titles(client.get("/en/events/"))
    assert shown[:3] == ["Running meeting", "Sooner meeting", "Later meeting"]
    assert shown[3:5] == ["13th General Assembly of NEAR", "NEAR International Cruise Tourism Forum (announced)"]


def test_the_list_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries, make_event):
    committee = Event.objects.get(slug="16th-disaster-prevention-committee-2018").committee
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    make_event(
        kind="committee_meeting",
        committee=committee,
        hosts=[hyogo],
        start_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    # upcoming + hosts, count + past page + hosts, years, committees, governments
    with django_assert_num_queries(8):
        client.get("/en/events/")
    with django_assert_num_queries(10):  # the committee and government filters each read their row
        client.get("/en/events/?kind=committee_meeting&committee=disaster-prevention&government=hyogo")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=youth_forum", ["2018 North East Asia Youth Leaders Forum"]),
        ("year=2021", ["13th General Assembly of NEAR"]),
        ("year=2019", ["NEAR International Cruise Tourism Forum (announced)"]),
        (
            "committee=logistics",
            [
                "The Secretariat visits Primorsky Krai",
                "Meeting with the Vladivostok Commercial Port and Zarubino Port",
                "The Secretary General visits Jilin Province",
            ],
        ),
        (
            "government=hyogo",
            [
                "12th General Assembly of NEAR",
                "16th Disaster Prevention Committee",
                "Hyogo Prefecture's International Affairs Bureau visits the Secretariat",
            ],
        ),
        ("government=hyogo&kind=committee_meeting&year=2018", ["16th Disaster Prevention Committee"]),
        ("year=1999", []),
    ],
)
def test_filters_by_kind_year_committee_and_government(client, query, expected):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_year_is_a_translated_400(client, language):
    response = client.get(f"/{language}/events/?year=abc")
    assert response.status_code == 400
    assert BAD_YEAR[language] in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("year=0000", "The year must be written with four digits, for example 2018."),
        ("year=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%98", "The year must be written with four digits, for example 2018."),
        ("kind=picnic", "\u201cpicnic\u201d is not a kind of event."),
        ("committee=no-such", "No committee has the address \u201cno-such\u201d."),
        ("government=atlantis", "No member government has the address \u201catlantis\u201d."),
        ("page=two", "The page number must be a whole number such as 2."),
        ("page=0", "The page number must be a whole number such as 2."),
    ],
)
def test_other_bad_filters_are_400_with_the_reason(client, query, message):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_beyond_the_last_is_404(client):
    assert client.get("/en/events/?page=3").status_code == 200
    assert client.get("/en/events/?page=4").status_code == 404


def test_the_pages_say_how_many_events_and_pages_there_are(client):
    page = client.get("/en/events/?page=2").content.decode()
    assert '<p class="count">50 past events</p>' in page
    assert "<span>Page 2 of 3</span>" in page
    assert '<a href="?page=1" rel="prev">Later events</a>' in page
    assert '<a href="?page=3" rel="next">Earlier events</a>' in page


@pytest.mark.parametrize(
    "language, more_than, of_more_than",
    [
        ("en", "More than 220 past events", "Page 1 of more than 11"),
        ("ru", "Более 220 прошедших мероприятий", "Страница 1 из более чем 11"),
        ("ja", "過去の行事 220件以上", "11ページ以上中1ページ"),
        ("mn", "220 гаруй өнгөрсөн арга хэмжээ", "1-р хуудас, нийт 11 гаруй"),
    ],
)
def test_a_long_list_counts_only_ten_pages_past_the_one_shown(client, language, more_than, of_more_than):
    from core.pagination import PAGES_AHEAD

    assert PAGES_AHEAD == 10
    day = datetime.date(2015, 1, 1)
    Event.objects.bulk_create(
        Event(
            kind="forum",
            title=f"Long list {n}",
            title_en=f"Long list {n}",
            slug=f"long-list-{n}",
            start_date=day - datetime.timedelta(days=n),
            organiser="secretariat",
            organised_by_secretariat=True,
        )
        for n in range(250)
    )  # 300 past events with the real 50
    page = client.get(f"/{language}/events/").content.decode()
    assert f'<p class="count">{more_than}</p>' in page
    assert f"<span>{of_more_than}</span>" in page
    # A later page counts that much further: page 6 of 15 is exact (300 events, 20 a page).
    page = client.get(f"/{language}/events/?page=6").content.decode()
    assert len(re.findall('class="event-title"', page)) == 20
    assert (
        "<span>{}</span>".format(
            {"en": "Page 6 of 15", "ru": "Страница 6 из 15", "ja": "15ページ中6ページ", "mn": "15-ийн 6-р хуудас"}[
                language
            ]
        )
        in page
    )
    assert client.get(f"/{language}/events/?page=15").status_code == 200
    assert client.get(f"/{language}/events/?page=16").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_detail_page_in_each_language(client, language):
    event = Event.objects.get(slug="working-level-workshop-2018")
    response = client.get(f"/{language}/events/working-level-workshop-2018/")
    assert response.status_code == 200
    page = response.content.decode()
    code = language.replace("-", "_")
    assert f"<h1>{getattr(event, f'title_{code}')}</h1>" in page
    assert getattr(event, f"summary_{code}")[:40] in page


def test_the_detail_page_shows_figures_as_recorded_and_by_country(client):
    page = client.get("/en/events/working-level-workshop-2018/").content.decode()
    assert "<dt>Governments</dt><dd>40\n  <small>as recorded</small>" in page
    assert '<tr><th scope="row">Republic of Korea</th><td>14</td></tr>' in page
    assert "Governments named in the record" in page


def test_a_month_is_shown_as_a_month(client):
    page = client.get("/en/events/2018-05-secretary-general-visits-akita/").content.decode()
    assert '<time datetime="2018-05">May 2018</time> <small>(the record gives only the month)</small>' in page


@pytest.mark.parametrize(
    "slug, organiser",
    [
        ("2018-07-northeast-asia-ceo-economic-cooperation-forum", "Gyeongsangbuk-do and Pohang City"),
        # The record does not name who held the Crested Ibis forum: the page says so, it is not left blank.
        ("2018-05-crested-ibis-international-forum", "another organisation"),
    ],
)
def test_the_detail_page_names_another_organiser_or_says_it_is_another_organisation(client, slug, organiser):
    page = client.get(f"/en/events/{slug}/").content.decode()
    assert f"<dt>Organiser</dt> <dd>{organiser}</dd>" in " ".join(page.split())


def test_the_detail_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # event, hosts, participations with members, figures by country with countries, attachments
    with django_assert_num_queries(5):
        client.get("/en/events/12th-general-assembly-2018/")


def test_unknown_and_unpublished_events_are_404_to_the_public(client, admin_client, make_event):
    hidden = make_event(published=False)
    assert client.get("/en/events/no-such-event/").status_code == 404
    assert client.get(f"/en/events/{hidden.slug}/").status_code == 404
    assert admin_client.get(f"/en/events/{hidden.slug}/").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_member_page_lists_the_events_the_government_hosted_or_attended(client, language):
    page = client.get(f"/{language}/members/hyogo/").content.decode()
    shown = re.findall(r'<h3 class="event-title"><a href="/[^/]+/events/([^/]+)/">', page)
    assert shown == [
        "12th-general-assembly-2018",
        "16th-disaster-prevention-committee-2018",
        "2018-01-hyogo-delegation-visits-secretariat",
    ]


def test_the_nav_links_to_the_events_in_each_language(client):
    for language in LANGUAGES:
        page = client.get(f"/{language}/").content.decode()
        assert f'<li><a href="/{language}/events/">{EVENTS_LABEL[language]}</a></li>' in page


def test_the_host_mark_shows_on_the_member_page_only(client):
    """The member page marks the events the government hosted; the events list has no member to mark for."""
    items = client.get("/en/members/hyogo/").content.decode().split('<li class="event-item">')[1:]
    marks = {re.search(r'href="/en/events/([^/]+)/"', item)[1]: "tag-host" in item for item in items}
    assert marks == {
        "12th-general-assembly-2018": False,
        "16th-disaster-prevention-committee-2018": True,
        "2018-01-hyogo-delegation-visits-secretariat": False,
    }
    assert "tag-host" not in client.get("/en/events/").content.decode()


def test_the_list_reads_titles_in_the_page_language_with_the_english_fallback(
    client, django_assert_num_queries, make_event
):
    make_event(title_en="Only in English", title_ru="", start_date=timezone.localdate() + datetime.timedelta(days=3))
    make_event(
        title_en="Also in Russian",
        title_ru="Также по-русски",
        start_date=timezone.localdate() + datetime.timedelta(days=4),
    )
    with django_assert_num_queries(8):
        shown = titles(client.get("/ru/events/"))
    assert shown[:2] == ["Only in English", "Также по-русски"]


def test_the_member_page_shows_the_latest_ten_events_in_a_fixed_number_of_queries(
    client, make_event, django_assert_num_queries
):
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    with django_assert_num_queries(6):
        client.get("/en/members/hyogo/")
    for day in range(1, 41):
        event = make_event(
            start_date=datetime.date(2030, 1, 1) + datetime.timedelta(days=day), hosts=[hyogo] if day % 8 == 0 else []
        )
        if day % 8:
            Participation.objects.create(event=event, member=hyogo)
    with django_assert_num_queries(6):
        page = client.get("/en/members/hyogo/").content.decode()
    items = page.split('<li class="event-item">')[1:]
    assert len(items) == 10
    assert ["tag-host" in item for item in items] == [day % 8 == 0 for day in range(40, 30, -1)]
    # No count of the whole history (it would grow with it): the events list linked has them all.
    assert "The 10 latest are shown; the events list has them all, with their number." in page
    assert '<a href="/en/events/?government=hyogo">All events hosted or attended by this government</a>' in page


def test_the_member_page_of_a_government_with_few_events_shows_them_all_without_a_link(client):
    page = client.get("/ja/members/hyogo/").content.decode()
    assert "?government=hyogo" not in page
    assert "件を表示しています" not in page


def test_the_years_of_the_filter_are_those_of_published_events_latest_first(make_event, django_assert_num_queries):
    make_event(start_date=datetime.date(1997, 6, 1), published=False)
    make_event(start_date=datetime.date(2040, 12, 31))
    expected = [day.year for day in Event.objects.published().dates("start_date", "year", order="DESC")]
    with django_assert_num_queries(1):
        assert Event.objects.years() == expected
    assert expected[0] == 2040 and 1997 not in expected
