"""Page-cache keys: only the query parameters a page declares it reads vary them (core.caching.query_parameters)."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache():
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


def test_a_parameter_the_page_does_not_read_hits_the_same_entry(client):
    first = client.get("/en/charter/")
    second = client.get("/en/charter/?anything=1")
    third = client.get("/en/charter/?anything=2&utm_source=mail")
    assert (first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]) == ("miss", "hit", "hit")
    assert second.content == first.content == third.content


def test_the_pdf_is_one_entry_whatever_else_the_query_holds(client):
    first = client.get("/en/charter/pdf/?x=1")
    second = client.get("/en/charter/pdf/?x=2")
    assert (first.status_code, first["Content-Type"]) == (200, "application/pdf")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_a_parameter_the_page_reads_has_its_own_entry(client):
    today = client.get("/en/charter/")
    in_2017 = client.get("/en/charter/?on=2017-01-01")
    assert (today["X-Page-Cache"], in_2017["X-Page-Cache"]) == ("miss", "miss")
    assert "As in force on Jan. 1, 2017 ·" in in_2017.content.decode()
    assert "As in force on Jan. 1, 2017 ·" not in today.content.decode()
    assert client.get("/en/charter/?on=2017-01-01&x=1")["X-Page-Cache"] == "hit"


def test_the_order_of_the_parameters_does_not_split_the_entry(client):
    first = client.get("/en/events/?year=2018&kind=workshop")
    second = client.get("/en/events/?kind=workshop&year=2018")
    third = client.get("/en/events/?x=1&kind=workshop&year=2018")
    assert (first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]) == ("miss", "hit", "hit")
    assert second.content == first.content == third.content
    # The language links repeat the query the page read, in its sorted order.
    assert 'href="/ja/events/?kind=workshop&amp;year=2018"' in first.content.decode()


def test_a_parameter_nobody_reads_never_reaches_the_copy_every_visitor_gets(client):
    # The language links repeat the query string: an unread parameter would be served to all.
    poisoned = client.get('/en/charter/?utm=evil"&next=https://evil.example/')
    assert poisoned["X-Page-Cache"] == "miss"
    assert "evil" not in poisoned.content.decode()
    clean = client.get("/en/charter/")
    assert clean["X-Page-Cache"] == "hit"
    assert "evil" not in clean.content.decode()
    assert 'href="/ru/charter/"' in clean.content.decode()


def test_a_read_parameter_given_twice_keeps_its_values_in_order_so_each_order_is_its_own_page(client):
    later_last = client.get("/en/charter/?on=2017-01-01&on=2019-01-01")
    earlier_last = client.get("/en/charter/?on=2019-01-01&on=2017-01-01")
    assert (later_last["X-Page-Cache"], earlier_last["X-Page-Cache"]) == ("miss", "miss")
    # The view reads the last value, as Django's QueryDict.get does.
    assert "As in force on Jan. 1, 2019 ·" in later_last.content.decode()
    assert "As in force on Jan. 1, 2017 ·" in earlier_last.content.decode()


def test_a_page_that_is_not_cached_reads_only_its_declared_parameters_too(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    response = client.get("/en/events/?kind=workshop&utm=evil")
    assert "X-Page-Cache" not in response
    assert "evil" not in response.content.decode()
    assert 'href="/ko/events/?kind=workshop"' in response.content.decode()


def test_a_bad_value_of_a_read_parameter_is_still_a_translated_400(client):
    response = client.get("/ru/charter/?x=1&on=2018-02-30")
    assert response.status_code == 400
    assert "Дня 2018-02-30 нет в календаре." in response.content.decode()


def public_views(patterns, under_prefix=False):
    """(route, view) of every URL under the language prefix."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from public_views(entry.url_patterns, under_prefix or isinstance(entry.pattern, LocalePrefixPattern))
        elif isinstance(entry, URLPattern) and under_prefix:
            yield str(entry.pattern), entry.callback


def test_every_public_view_declares_the_query_parameters_it_reads():
    views = list(public_views(get_resolver().url_patterns))
    assert len(views) > 40
    undeclared = sorted(route for route, view in views if getattr(view, "query_parameters", None) is None)
    assert undeclared == [], "declare them with @core.caching.query_parameters(...)"
