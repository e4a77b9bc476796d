"""Throughput of the committee pages against /healthz, in one run (by hand, never in tests).

    make setup && DJANGO_DEBUG=1 .venv/bin/python bench/committees_pages.py [requests per page]

In-process (Django's test client, no network), against the development database with the
real data; the figure that matters is each page's rate relative to /healthz.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

PAGES = [
    "/healthz",
    "/en/committees/",
    "/en/committees/tourism/",
    "/en/members/henan/",
    "/open-data/committees.json",
]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    client = Client(HTTP_HOST="localhost")
    rates = {}
    for url in PAGES:
        assert client.get(url).status_code == 200, url  # warm up
        start = time.perf_counter()
        for _ in range(n):
            client.get(url)
        rates[url] = n / (time.perf_counter() - start)
    for url, rate in rates.items():
        print(f"{url:32} {rate:8.0f} req/s  {rate / rates['/healthz']:6.1%} of /healthz")


if __name__ == "__main__":
    main()
