"""Throughput of the member directory compared with /healthz, in one run (run by hand).

    DJANGO_DEBUG=1 .venv/bin/python bench/members_directory.py [--requests 300]

Both URLs are fetched in-process through Django's full request stack (middleware,
URL resolving, templates, database) with the real data loaded by `make run`/`make test`,
so the ratio shows what the directory costs beyond the framework and a database round trip.
It needs the database running (`make setup` starts it).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def measure(client, url, requests):
    """Requests per second and the median latency in milliseconds for ``url``."""
    for _ in range(10):  # warm up caches, connections and templates
        assert client.get(url).status_code == 200
    latencies = []
    started = time.perf_counter()
    for _ in range(requests):
        t0 = time.perf_counter()
        response = client.get(url)
        latencies.append(time.perf_counter() - t0)
        assert response.status_code == 200, (url, response.status_code)
    elapsed = time.perf_counter() - started
    return requests / elapsed, statistics.median(latencies) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    rows = [(url, *measure(client, url, args.requests)) for url in ["/healthz", "/en/members/", "/ko/members/?q=도"]]
    baseline = rows[0][1]
    print(f"{'URL':<22}{'req/s':>10}{'median ms':>12}{'vs /healthz':>13}")
    for url, rps, median in rows:
        print(f"{url:<22}{rps:>10.0f}{median:>12.2f}{rps / baseline:>13.2f}")


if __name__ == "__main__":
    main()
