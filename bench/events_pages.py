"""Response times of the events pages and feeds, in-process (run by hand, never in the test suite).

    make setup && DJANGO_DEBUG=1 .venv/bin/python bench/events_pages.py [requests per page]

Uses the loaded real data (fixtures/) and Django's test client, so the figures measure the
view, its queries and the template, not the network or a WSGI server.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/en/events/",
    "/ru/events/?year=2018",
    "/ko/events/?government=sakha",
    "/ja/events/12th-general-assembly-2018/",
    "/en/events.ics",
    "/zh-hans/committees/logistics/events.ics",
    "/mn/members/hyogo/",
]


def measure(client, url, count):
    client.get(url)  # warm up
    timings = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    settings.DEBUG, debug = True, settings.DEBUG
    reset_queries()
    client.get(url)
    queries = len(connection.queries)
    settings.DEBUG = debug
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], queries


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    print(f"{'page':48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for url in PAGES:
        p50, p95, queries = measure(client, url, count)
        print(f"{url:48} {p50:8.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
