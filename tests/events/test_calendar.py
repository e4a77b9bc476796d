"""The iCalendar feeds, read back with the icalendar library as a calendar client would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.models import Event

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def vevents(content):
    return {str(item["uid"]): item for item in Calendar.from_ical(content).walk("VEVENT")}


def test_the_feed_holds_every_published_event_once_with_stable_uids(client):
    first = vevents(feed(client, "/en/events.ics"))
    second = vevents(feed(client, "/ru/events.ics"))
    expected = {f"event-{pk}@neargov.org" for pk in Event.objects.published().values_list("pk", flat=True)}
    assert set(first) == set(second) == expected
    assert len(first) == 50


def test_lines_end_in_crlf_and_are_folded_at_75_octets(client):
    for language in ("en", "mn", "zh-hans", "ko", "ja", "ru"):
        content = feed(client, f"/{language}/events.ics")
        assert content.endswith(b"\r\n")
        assert b"\n" not in content.replace(b"\r\n", b"")
        lines = content.split(b"\r\n")
        assert max(len(line) for line in lines) <= 75
        # Folding really happened: the long CJK and Cyrillic summaries need continuation lines.
        assert any(line.startswith(b" ") for line in lines)


def test_an_all_day_event_has_date_values_and_an_exclusive_end(client):
    event = Event.objects.get(slug="16th-disaster-prevention-committee-2018")
    item = vevents(feed(client, "/en/events.ics"))[f"event-{event.pk}@neargov.org"]
    assert item["dtstart"].params["VALUE"] == "DATE"
    assert item.decoded("dtstart") == datetime.date(2018, 3, 5)
    assert item.decoded("dtend") == datetime.date(2018, 3, 8)
    assert b"DTSTART;VALUE=DATE:20180305\r\nDTEND;VALUE=DATE:20180308" in item.to_ical()


def test_events_known_to_the_month_or_year_span_that_period_and_say_so(client):
    items = vevents(feed(client, "/en/events.ics"))
    month = items[f"event-{Event.objects.get(slug='2018-05-secretary-general-visits-akita').pk}@neargov.org"]
    year = items[f"event-{Event.objects.get(slug='6th-youth-contest-2018').pk}@neargov.org"]
    assert (month.decoded("dtstart"), month.decoded("dtend")) == (datetime.date(2018, 5, 1), datetime.date(2018, 6, 1))
    assert (year.decoded("dtstart"), year.decoded("dtend")) == (datetime.date(2018, 1, 1), datetime.date(2019, 1, 1))
    assert str(month["description"]).startswith("The record gives only the month of this event.")


@pytest.mark.parametrize("zone", ["Asia/Seoul", "Asia/Yakutsk", "Europe/Moscow"])
def test_a_timed_event_round_trips_its_time_zone(client, make_event, zone):
    event = make_event(
        start_date=datetime.date(2031, 3, 30),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 30),
        time_zone=zone,
    )
    content = feed(client, "/en/events.ics")
    item = vevents(content)[f"event-{event.pk}@neargov.org"]
    assert item["dtstart"].params["TZID"] == zone
    assert item.decoded("dtstart") == datetime.datetime(2031, 3, 30, 10, 0, tzinfo=ZoneInfo(zone))
    assert item.decoded("dtend") == datetime.datetime(2031, 3, 30, 12, 30, tzinfo=ZoneInfo(zone))
    zones = {str(tz["tzid"]) for tz in Calendar.from_ical(content).walk("VTIMEZONE")}
    assert zone in zones


def test_titles_are_in_the_feeds_language(client):
    pk = Event.objects.get(slug="12th-general-assembly-2018").pk
    titles = {
        language: str(vevents(feed(client, f"/{language}/events.ics"))[f"event-{pk}@neargov.org"]["summary"])
        for language in ("en", "mn", "zh-hans", "ko", "ja", "ru")
    }
    assert titles == {
        "en": "12th General Assembly of NEAR",
        "mn": "NEAR-ын 12 дахь Бүгд хурал",
        "zh-hans": "第十二次NEAR全体会议",
        "ko": "제12차 NEAR 총회",
        "ja": "第12回NEAR総会",
        "ru": "12-я Генеральная ассамблея NEAR",
    }


def test_the_committee_feed_holds_only_that_committees_events(client):
    items = vevents(feed(client, "/ko/committees/logistics/events.ics"))
    slugs = set(
        Event.objects.filter(pk__in=[int(uid.split("-")[1].split("@")[0]) for uid in items]).values_list(
            "slug", flat=True
        )
    )
    assert slugs == {
        "2018-02-secretary-general-visits-jilin",
        "2018-02-12-visit-primorsky-krai",
        "2018-02-vladivostok-commercial-port",
    }


def test_an_unknown_committee_has_no_feed(client):
    assert client.get("/en/committees/no-such-committee/events.ics").status_code == 404


def test_unpublished_events_stay_out_of_the_feeds(client, make_event):
    hidden = make_event(published=False)
    assert f"event-{hidden.pk}@neargov.org" not in vevents(feed(client, "/en/events.ics"))
    assert client.get(f"/en/events/{hidden.slug}.ics").status_code == 404


def test_one_event_can_be_added_to_a_calendar(client):
    items = vevents(feed(client, "/ja/events/13th-general-assembly-2021.ics"))
    (item,) = items.values()
    assert str(item["summary"]) == "第13回NEAR総会"
    assert str(item["url"]) == "http://testserver/ja/events/13th-general-assembly-2021/"
