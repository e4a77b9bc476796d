"""Per-client rate limits on the costly anonymous endpoints (core/ratelimits.py, django-ratelimit)."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import ngettext

from core.ratelimits import client_address, process_slots
from near_portal import settings as portal_settings

pytestmark = pytest.mark.django_db

# Seconds left in the test's window: what Retry-After says (give or take the second that passes).
WINDOW_LEFT = 40
LIMITS = {"pdf": "2/m", "report": "2/m", "open-data": "2/m", "feed": "2/m", "page": "2/m"}


@pytest.fixture(autouse=True)
def low_limits(monkeypatch):
    """Two requests a minute per group, one window for the whole test, and PDFs that cost nothing to render.

    A window ends once a minute, at a moment that depends on the client: a test's requests
    must not fall on both sides of it.
    """
    monkeypatch.setattr("instruments.views.render_pdf", lambda request, context: b"%PDF-1.7 test")
    window_end = int(time.time()) + WINDOW_LEFT
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: window_end)
    caches["ratelimit"].clear()
    with override_settings(RATELIMIT_ENABLE=True, NEAR_RATE_LIMITS=LIMITS, NEAR_RATE_LIMITS_ALL_CLIENTS={}):
        yield


def retry_message(response, language):
    seconds = int(response["Retry-After"])
    with translation.override(language):
        return seconds, ngettext(
            "Please try again in %(seconds)s second.", "Please try again in %(seconds)s seconds.", seconds
        ) % {"seconds": seconds}


def test_the_request_past_the_limit_gets_a_translated_429_with_retry_after(client):
    assert [client.get("/en/charter/pdf/").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/en/charter/pdf/")
    assert refused.status_code == 429
    seconds, message = retry_message(refused, "en")
    assert seconds in (WINDOW_LEFT, WINDOW_LEFT - 1)
    page = refused.content.decode()
    assert "<h1>Too many requests</h1>" in page
    assert message in page
    assert f"Please try again in {seconds} second" in page


def test_the_429_speaks_russian_on_a_russian_address_and_one_budget_covers_every_pdf(client):
    client.get("/en/charter/pdf/")
    client.get("/ja/regulations/dues/pdf/?on=2018-01-01")
    refused = client.get("/ru/regulations/committees/pdf/")
    assert refused.status_code == 429
    seconds, message = retry_message(refused, "ru")
    page = refused.content.decode()
    assert "<h1>Слишком много запросов</h1>" in page
    assert message in page
    assert f"Повторите попытку через {seconds} секунд." in page  # 40 or 39: the plural form of 5-20
    assert '<html lang="ru">' in page


def test_another_client_is_not_affected(client):
    for _ in range(3):
        client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.7")
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.8").status_code == 200
    # Another group has its own budget for the same client.
    assert client.get("/open-data/members.json", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_page_cache_hit_is_not_counted(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    responses = [client.get(f"/en/charter/pdf/?x={n}") for n in range(5)]
    assert [r["X-Page-Cache"] for r in responses] == ["miss", "hit", "hit", "hit", "hit"]
    assert {r.status_code for r in responses} == {200}
    # Each day asked for is a new page: counted, the second of the budget, then refused.
    assert client.get("/en/charter/pdf/?on=2017-01-01").status_code == 200
    assert client.get("/en/charter/pdf/?on=2016-01-01").status_code == 429


def test_a_304_of_a_calendar_feed_is_not_counted(client):
    first = client.get("/en/events.ics?year=2018")
    assert first.status_code == 200
    for _ in range(3):
        assert client.get("/en/events.ics?year=2018", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/en/events.ics?year=2018").status_code == 200
    assert client.get("/en/events.ics?year=2019").status_code == 429


def test_open_data_and_published_reports_are_limited_too(client):
    assert [client.get("/open-data/members.csv").status_code for _ in range(3)] == [200, 200, 429]
    refused = client.get("/open-data/committees.json", HTTP_ACCEPT_LANGUAGE="ru")
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.content.decode()
    assert [client.get("/en/reports/2018/en.pdf").status_code for _ in range(3)] == [404, 404, 429]


def test_pages_whose_query_reaches_far_are_limited_on_their_misses(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    assert client.get("/en/events/?year=2018").status_code == 200
    assert client.get("/en/events/?year=2018&x=1").status_code == 200  # a hit: not counted
    assert client.get("/en/charter/?on=2017-01-01").status_code == 200
    assert client.get("/en/documents/?year=2016").status_code == 429
    assert client.get("/en/members/hyogo/").status_code == 200  # one page per language: not limited


def test_a_counted_request_costs_one_query_and_then_two(client, django_assert_num_queries):
    with override_settings(RATELIMIT_ENABLE=False), CaptureQueriesContext(connection) as uncounted:
        client.get("/open-data/members.json")
    with django_assert_num_queries(len(uncounted) + 1):  # the window's first: the counter is inserted
        client.get("/open-data/members.json")
    with django_assert_num_queries(len(uncounted) + 2):  # then add finds it and incr counts
        client.get("/open-data/members.json")


@override_settings(NEAR_RATE_LIMITS_ALL_CLIENTS={"pdf": "3/m"})
def test_all_clients_together_have_one_budget_for_pdfs(client, staff_in_role):
    addresses = ["198.51.100.1", "198.51.100.2", "198.51.100.3"]
    assert [client.get("/en/charter/pdf/", REMOTE_ADDR=a).status_code for a in addresses] == [200, 200, 200]
    refused = client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.4")
    assert refused.status_code == 429
    assert "The portal is making many of these files for its visitors just now" in refused.content.decode()
    russian = client.get("/ru/regulations/dues/pdf/", REMOTE_ADDR="198.51.100.5")
    assert "Портал сейчас готовит много таких файлов для посетителей" in russian.content.decode()
    assert "Retry-After" in russian
    # Other groups have no such budget; staff have none at all.
    assert client.get("/open-data/members.json", REMOTE_ADDR="198.51.100.4").status_code == 200
    client.force_login(staff_in_role("Auditor"))
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.4").status_code == 200


@override_settings(NEAR_RATE_LIMITS_ALL_CLIENTS={"pdf": "3/m"})
def test_a_request_the_clients_own_limit_refused_does_not_spend_the_budget_of_all(client):
    for _ in range(5):
        client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.1")  # 2 served, 3 refused as this client's
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="198.51.100.2").status_code == 200  # the third of all


def test_a_pdf_asked_for_while_this_process_renders_one_is_refused_at_once(client, staff_in_role):
    slots = process_slots("pdf")
    assert slots.acquire(blocking=False)  # another thread is rendering
    try:
        busy = client.get("/en/charter/pdf/")
        assert (busy.status_code, busy["Retry-After"]) == (429, "5")
        assert "The portal is making many of these files for its visitors just now" in busy.content.decode()
        assert client.get("/en/charter/").status_code == 200  # pages are served meanwhile
        client.force_login(staff_in_role("Auditor"))
        assert client.get("/en/charter/pdf/").status_code == 200
        client.logout()
    finally:
        slots.release()
    # The busy answer spent none of the client's budget: two PDFs, then the limit.
    assert [client.get("/en/charter/pdf/").status_code for _ in range(3)] == [200, 200, 429]


def test_active_staff_are_not_limited(client, staff_in_role):
    client.force_login(staff_in_role("Auditor"))
    assert {client.get("/en/charter/pdf/").status_code for _ in range(5)} == {200}


def test_a_signed_in_liaison_officer_or_an_inactive_staff_account_is_counted_like_anybody(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor"))
    assert [client.get("/en/charter/pdf/").status_code for _ in range(3)] == [200, 200, 429]


def test_the_limits_follow_the_settings(client):
    with override_settings(NEAR_RATE_LIMITS={**LIMITS, "pdf": "4/m"}):
        assert [client.get("/en/charter/pdf/").status_code for _ in range(5)] == [200, 200, 200, 200, 429]


def test_a_rate_from_the_environment_is_checked(monkeypatch):
    monkeypatch.setenv("DJANGO_RATE_LIMIT_PDF", "20/m")
    assert portal_settings.rate_setting("pdf", "10/m") == "20/m"
    monkeypatch.setenv("DJANGO_RATE_LIMIT_OPEN_DATA", "lots")
    with pytest.raises(ImproperlyConfigured, match=r"^DJANGO_RATE_LIMIT_OPEN_DATA='lots' is not a rate such as 10/m"):
        portal_settings.rate_setting("open-data", "30/m")


def test_manage_py_says_in_one_sentence_which_rate_setting_it_cannot_use():
    env = {**os.environ, "DJANGO_DEBUG": "1", "DJANGO_RATE_LIMIT_FEED": "often", "DJANGO_TRUSTED_PROXIES": "127.0.0.1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "DJANGO_RATE_LIMIT_FEED='often' is not a rate such as 10/m (a count, /, s, m, h or d).\n"
    env = {**env, "DJANGO_RATE_LIMIT_FEED": "60/m", "DJANGO_TRUSTED_PROXIES": "127.0.0.1,proxy.example"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.stderr == (
        "DJANGO_TRUSTED_PROXIES: 'proxy.example' is not an address or a network such as 10.0.0.0/8.\n"
    )


def address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_the_client_address_is_remote_addr_unless_a_trusted_proxy_forwards_one():
    assert address("198.51.100.7") == "198.51.100.7"
    # Not from a trusted proxy: the header is the client's own word, ignored.
    assert address("198.51.100.7", "203.0.113.5") == "198.51.100.7"
    # From the proxy on this host: the rightmost address it appended.
    assert address("127.0.0.1", "203.0.113.5") == "203.0.113.5"
    assert address("::1", "6.6.6.6, 203.0.113.5") == "203.0.113.5"  # a client cannot prepend its way out
    assert address("127.0.0.1") == "127.0.0.1"
    assert address("", "203.0.113.5") == "203.0.113.5"  # a Unix socket: a proxy on this host
    assert address("127.0.0.1", "203.0.113.5, not-an-address") == "127.0.0.1"


@override_settings(NEAR_TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    assert address("127.0.0.1", "6.6.6.6, 203.0.113.5, 10.1.2.3") == "203.0.113.5"


@override_settings(NEAR_CLIENT_IP_HEADER="X-Real-IP")
def test_another_header_can_be_named():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    assert client_address(request) == "203.0.113.9"


def test_ipv6_clients_of_one_slash_64_share_a_budget(client):
    client.get("/en/charter/pdf/", REMOTE_ADDR="2001:db8:1:2::1")
    client.get("/en/charter/pdf/", REMOTE_ADDR="2001:db8:1:2::ffff")
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="2001:db8:1:2:aaaa::3").status_code == 429
    assert client.get("/en/charter/pdf/", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_the_counters_cache_must_be_shared_and_atomic():
    assert [m.id for m in checks.run_checks(tags=[checks.Tags.caches]) if m.id.startswith("core.")] == []
    with override_settings(RATELIMIT_USE_CACHE="default"):  # the page cache: one per process
        (error,) = [m for m in checks.run_checks(tags=[checks.Tags.caches]) if m.id.startswith("core.")]
    assert error.id == "core.E001"
    assert error.msg == (
        "The rate limits' cache 'default' (django.core.cache.backends.locmem.LocMemCache) is not one "
        "every process shares with atomic increments."
    )
