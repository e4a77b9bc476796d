"""Calendar feeds bounded whatever the length of the record, with validators and 304 (events/feeds.py)."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from events.feeds import COMMITTEE_PAST_EVENTS, PAST_EVENTS, YEAR_PART_EVENTS
from events.models import Event

pytestmark = pytest.mark.django_db


def uids(response):
    assert response.status_code == 200
    return {str(item["uid"]) for item in Calendar.from_ical(response.content).walk("VEVENT")}


def uid(event):
    return f"event-{event.pk}@neargov.org"


@pytest.fixture
def long_record(make_event):
    """60 past events a week apart, newer than the real record, and two to come."""
    today = timezone.localdate()
    past = [make_event(start_date=today - datetime.timedelta(days=7 * (n + 1))) for n in range(60)]
    coming = [make_event(start_date=today + datetime.timedelta(days=30 * (n + 1))) for n in range(2)]
    return past, coming


def test_the_feed_holds_what_is_to_come_and_the_latest_past_events_only(client, long_record):
    past, coming = long_record
    assert PAST_EVENTS == 50
    assert uids(client.get("/en/events.ics")) == {uid(e) for e in coming + past[:50]}


def test_an_event_running_today_is_in_the_feed(client, long_record, make_event):
    today = timezone.localdate()
    running = make_event(start_date=today - datetime.timedelta(days=400), end_date=today)
    assert uid(running) in uids(client.get("/en/events.ics"))


def test_every_year_has_its_feed_so_the_whole_record_stays_reachable(client, long_record):
    in_2018 = {uid(e) for e in Event.objects.published().filter(start_date__year=2018)}
    assert len(in_2018) == 48
    response = client.get("/en/events.ics?year=2018")
    assert uids(response) == in_2018
    assert b"X-WR-CALNAME:NEAR events, 2018\r\n" in response.content
    assert response["Content-Disposition"] == 'inline; filename="near-events-2018-en.ics"'
    reached = set()
    for year in {e.start_date.year for e in Event.objects.published()}:
        reached |= uids(client.get(f"/en/events.ics?year={year}"))
    assert reached == {uid(e) for e in Event.objects.published()}


def test_a_denser_year_comes_in_parts_of_fifty_in_date_order_each_in_the_same_queries(
    client, make_event, django_assert_num_queries
):
    assert YEAR_PART_EVENTS == 50
    made = [make_event(start_date=datetime.date(2018, 1 + n % 12, 1 + n % 28)) for n in range(80)]
    in_2018 = list(Event.objects.published().in_year(2018).order_by("start_date", "pk"))
    assert len(in_2018) == 128
    parts = []
    for part in (1, 2, 3):
        # the content version and the latest change (validators), then one range of the year's events
        with django_assert_num_queries(3):
            response = client.get(f"/en/events.ics?year=2018&part={part}")
        parts.append(response)
    assert [uids(response) for response in parts] == [
        {uid(e) for e in in_2018[:50]},
        {uid(e) for e in in_2018[50:100]},
        {uid(e) for e in in_2018[100:]},
    ]
    assert uids(client.get("/en/events.ics?year=2018")) == uids(parts[0])
    assert b"X-WR-CALNAME:NEAR events, 2018, part 1\r\n" in parts[0].content
    assert b"X-WR-CALNAME:NEAR events, 2018, part 3\r\n" in parts[2].content
    assert parts[1]["Content-Disposition"] == 'inline; filename="near-events-2018-2-en.ics"'
    assert client.get("/en/events.ics?year=2018&part=4").status_code == 404
    assert {uid(e) for e in made} <= set().union(*(uids(response) for response in parts))
    page = client.get("/ja/events/?year=2018").content.decode()
    assert "2018年の最初の50件の行事を収めています。続きは日付順に次のとおりです：" in page
    assert '<a class="calendar-link" href="/ja/events.ics?year=2018&amp;part=2">第2部</a>' in page
    assert '<a class="calendar-link" href="/ja/events.ics?year=2018&amp;part=3">第3部</a>' in page
    assert "part=4" not in page


def test_a_year_that_fits_one_part_is_not_split(client):
    page = client.get("/en/events/?year=2018").content.decode()
    assert "part=" not in page and "It holds the first" not in page
    assert client.get("/en/events.ics?year=2018&part=2").status_code == 404


@pytest.mark.parametrize("part", ["0", "two", "-1", "1.5", "1234567890", "\uff12"])
def test_a_bad_part_is_a_translated_400_without_validators(client, part):
    response = client.get(f"/zh-hans/events.ics?year=2018&part={part}")
    assert response.status_code == 400
    assert "年度日历的部分编号须为整数，例如 2。" in response.content.decode()
    assert not response.has_header("ETag")


def test_the_committee_feed_is_bounded_and_has_years_too(client, make_event):
    from committees.models import Committee

    committee = Committee.objects.get(slug="logistics")
    today = timezone.localdate()
    recent = [make_event(committee=committee, start_date=today - datetime.timedelta(days=n + 1)) for n in range(15)]
    coming = make_event(committee=committee, start_date=today + datetime.timedelta(days=30))
    make_event(start_date=today - datetime.timedelta(days=1))  # another committee's or none: not in it
    # As many past events as the committee's page shows (COMMITTEE_PAST_EVENTS), and what is to come.
    assert COMMITTEE_PAST_EVENTS == 10
    assert uids(client.get("/ko/committees/logistics/events.ics")) == {uid(e) for e in [coming, *recent[:10]]}
    assert len(uids(client.get("/ko/committees/logistics/events.ics?year=2018"))) == 3


@pytest.mark.parametrize("url", ["/ru/events.ics?year=18", "/ru/committees/logistics/events.ics?year=MMXVIII"])
def test_a_bad_year_is_a_translated_400_without_validators(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Год нужно указать четырьмя цифрами, например 2018." in response.content.decode()
    assert not response.has_header("ETag")


@pytest.mark.parametrize(
    "url",
    [
        "/en/events.ics",
        "/en/events.ics?year=2018",
        "/ja/committees/logistics/events.ics",
        "/en/events/13th-general-assembly-2021.ics",
    ],
)
def test_an_unchanged_feed_is_304_on_a_conditional_request(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    with django_assert_num_queries(2):  # the content version and the latest change: no event is read
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_the_validators_follow_the_language_and_the_address(client):
    etags = {client.get(url)["ETag"] for url in ("/en/events.ics", "/ja/events.ics", "/en/events.ics?year=2018")}
    assert len(etags) == 3


def test_a_saved_event_gives_the_feed_a_new_etag_and_a_later_last_modified(client, django_capture_on_commit_callbacks):
    first = client.get("/en/events.ics?year=2018")
    event = Event.objects.get(slug="12th-general-assembly-2018")
    with django_capture_on_commit_callbacks(execute=True):
        event.title_en = "12th General Assembly (renamed)"
        event.save()
    response = client.get("/en/events.ics?year=2018", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    assert b"SUMMARY:12th General Assembly (renamed)" in response.content
    modified = datetime.datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
    assert modified.replace(tzinfo=datetime.UTC) >= event.history.latest().history_date.replace(microsecond=0)


def test_the_rolling_feed_is_modified_at_least_at_midnight_its_window_moves(client):
    response = client.get("/en/events.ics")
    modified = datetime.datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    assert modified.replace(tzinfo=datetime.UTC) >= midnight


def test_the_feed_takes_a_fixed_number_of_queries_however_long_the_record(
    client, long_record, django_assert_num_queries
):
    with django_assert_num_queries(3):  # content version, latest change, the events with their country
        client.get("/en/events.ics")


def test_a_feed_served_from_the_page_cache_is_also_304(client):
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
        first = client.get("/en/events.ics")
        assert first["X-Page-Cache"] == "miss"
        hit = client.get("/en/events.ics", HTTP_IF_NONE_MATCH=first["ETag"])
        assert (hit.status_code, hit["X-Page-Cache"], hit.content) == (304, "hit", b"")
        assert client.get("/en/events.ics", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
        whole = client.get("/en/events.ics", HTTP_IF_NONE_MATCH='"something-else"')
        assert (whole.status_code, whole.content) == (200, first.content)
    cache.clear()


def test_the_list_says_how_to_reach_earlier_years_and_links_the_chosen_years_calendar(client):
    page = client.get("/ja/events/").content.decode()
    assert "年ごとのカレンダーもあります。下で年を選んでください。" in page
    assert "/ja/events.ics?year=" not in page
    page = client.get("/ja/events/?year=2018").content.decode()
    assert '<a class="calendar-link" href="/ja/events.ics?year=2018">2018年の行事カレンダー（iCalendar）</a>' in page


def test_the_rolling_feed_reads_two_index_ranges_not_every_event():
    """The upcoming events from the partial index of last days, the latest past ones backwards
    along the start-date index with a limit: a UNION ALL of the two, no filter over all events."""
    from django.db import connection

    from committees.models import Committee
    from events.models import Event

    today = timezone.localdate()
    with connection.cursor() as cursor:
        # The real table is small enough to read whole, or to sort: forbid both, so that the plan
        # shows what answers the query on a long record (bench/growth.py --explain at 100x).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    plan = Event.objects.published().in_feed(today, past=PAST_EVENTS).explain()
    assert "Append" in plan, plan
    assert "event_published_last_day" in plan, plan
    assert "Index Scan Backward using event_start" in plan, plan
    committee = Committee.objects.get(slug="logistics")
    plan = Event.objects.published().for_committee(committee).in_feed(today, past=COMMITTEE_PAST_EVENTS).explain()
    assert "Index Scan Backward using event_committee_start" in plan, plan


def test_the_rolling_feed_is_the_latest_past_events_and_what_is_not_over_in_date_order(make_event):
    today = timezone.localdate()
    later = make_event(start_date=today + datetime.timedelta(days=90))
    sooner = make_event(start_date=today + datetime.timedelta(days=9))
    running = make_event(start_date=today - datetime.timedelta(days=2), end_date=today)
    make_event(start_date=today - datetime.timedelta(days=2), end_date=today, published=False)
    events = Event.objects.published().select_related("country").in_feed(today, past=2)
    assert [event.slug for event in events] == [
        "near-cruise-tourism-forum-2019",
        "13th-general-assembly-2021",
        running.slug,
        sooner.slug,
        later.slug,
    ]
