"""News and notices: the list, one item, the Atom feed and the latest on the home page."""

import datetime
import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from assemblies.models import Session
from documents import views
from documents.models import NewsItem
from members.models import MemberGovernment

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
_numbers = itertools.count(1)


@pytest.fixture
def make_news():
    def make(*, day=datetime.date(2030, 1, 1), **fields):
        number = next(_numbers)
        values = {"title_en": f"News {number}", "slug": f"news-{number}", "published_on": day, "published": True}
        values.update(fields)
        item = NewsItem(**values)
        item.full_clean()
        item.save()
        return item

    return make


def titles(response):
    return re.findall(r'<h3 class="news-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_list_shows_published_items_latest_first_and_no_draft(client, make_news):
    make_news(title_en="Older", day=datetime.date(2030, 1, 1))
    make_news(title_en="Newer", day=datetime.date(2030, 2, 1))
    make_news(title_en="Draft", published=False)
    assert titles(client.get("/en/news/")) == ["Newer", "Older"]


def test_the_list_is_paginated_in_a_fixed_number_of_queries(client, make_news, django_assert_num_queries):
    for day in range(1, views.NEWS_PER_PAGE + 3):
        make_news(day=datetime.date(2030, 1, day))
    with django_assert_num_queries(2):  # count, page
        first = client.get("/en/news/")
    assert len(titles(first)) == views.NEWS_PER_PAGE
    assert len(titles(client.get("/en/news/?page=2"))) == 2
    assert client.get("/en/news/?page=3").status_code == 404
    assert client.get("/en/news/?page=x").status_code == 400


def test_a_notice_convening_the_assembly_links_what_it_concerns(client, make_news, django_assert_num_queries):
    notice = make_news(
        kind="convening",
        title_en="Convening the 13th General Assembly",
        title_ko="제13차 총회 소집",
        body_en="The 13th General Assembly meets online.",
    )
    notice.sessions.set([Session.objects.get(body="general_assembly", number=13)])
    notice.members.set([MemberGovernment.objects.get(slug="gyeongsangbuk")])
    with django_assert_num_queries(5):  # the item, its sessions, events, committees, governments
        page = client.get(f"/ko/news/{notice.slug}/").content.decode()
    assert "<h1>제13차 총회 소집</h1>" in page
    assert 'href="/ko/assemblies/13/"' in page
    assert 'href="/ko/members/gyeongsangbuk/"' in page
    assert client.get("/en/news/no-such-news/").status_code == 404


def test_the_feed_is_atom_with_the_latest_items_only(client, make_news, django_assert_num_queries):
    for day in range(1, views.FEED_ITEMS + 3):
        make_news(day=datetime.date(2030, 1, day), title_ru=f"Новость {day}")
    with django_assert_num_queries(1):
        response = client.get("/ru/news.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == views.FEED_ITEMS
    assert entries[0].find(f"{ATOM}title").text == f"Новость {views.FEED_ITEMS + 2}"
    assert feed.find(f"{ATOM}title").text == "Новости и объявления NEAR"


def test_the_home_page_shows_the_latest_three(client, make_news):
    for day in range(1, 6):
        make_news(day=datetime.date(2030, 1, day), title_en=f"Item of day {day}")
    assert titles(client.get("/en/")) == ["Item of day 5", "Item of day 4", "Item of day 3"]


def test_the_admin_edits_news_in_six_language_tabs(admin_client):
    page = admin_client.get("/admin/documents/newsitem/add/").content.decode()
    assert all(f'name="body_{code}"' in page for code in ("en", "mn", "zh_hans", "ko", "ja", "ru"))
