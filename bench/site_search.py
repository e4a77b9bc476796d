"""Cost of the site search as the events grow: 1x, 10x, 100x (run by hand).

    make setup && .venv/bin/python bench/site_search.py
    .venv/bin/python bench/site_search.py --scales 1 100 --explain

It changes nothing: it works in the portal's database inside one transaction that it rolls
back at the end. At 1x it measures the real record (50 events); for 10x and 100x it adds
synthetic published events up to 1,500 and 15,000 (as bench/growth.py does), each with a
title and a summary in the six languages made of words drawn from the real events' texts
(alphabetic words for English, Mongolian and Russian, two to four characters of the real
text for Chinese, Japanese and Korean), so the index holds text like the record's, then
ANALYZE. For each query, the page /<lang>/search/?q= goes through the whole middleware stack
(debug off, page cache off) as an anonymous visitor: queries of one request, the events that
match, and the best time of ``--repeat`` requests, also as a multiple of /healthz in the same
run, and the execution time PostgreSQL reports (EXPLAIN ANALYZE, best of ``--repeat``) for the
events' query alone. ``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of the events' query for
경상북도 at each scale.
Run on a quiet machine for figures to compare; the machine's load is printed.
"""

import argparse
import datetime
import os
import random
import re
import secrets
import sys
import time
import warnings
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ["DJANGO_SETTINGS_MODULE"] = "near_portal.settings"
warnings.filterwarnings("ignore", message="No directory at")
if not os.environ.get("DATABASE_URL"):
    from near_portal import embedded_db

    embedded_db.start()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.languages import LANGUAGE_CODES  # noqa: E402
from events.models import Event  # noqa: E402
from search.results import search, with_stems  # noqa: E402
from search.sources import SOURCES_BY_KEY  # noqa: E402
from search.terms import read_terms  # noqa: E402

SCALES = {1: 0, 10: 1_500, 100: 15_000}  # events in all at that scale (0: the real record only)
QUERIES = [
    ("zh-hans", "防灾"),
    ("ja", "鳥取"),
    ("ko", "경상북도"),
    ("mn", "Төв"),
    ("ru", "Приморский"),
    ("en", "disaster prevention"),
    ("en", "forum"),
]
CJK = {"zh-hans", "ja", "ko"}


class Rollback(Exception):
    pass


def vocabulary():
    """Per language: the words (or, for CJK, the text) of the real events' titles and summaries."""
    words = {}
    for code in LANGUAGE_CODES:
        column = code.replace("-", "_")
        texts = Event.objects.values_list(f"title_{column}", f"summary_{column}", f"report_{column}")
        joined = " ".join(part or "" for row in texts for part in row)
        words[code] = joined if code in CJK else re.findall(r"[^\W\d_]{2,}", joined)
    return words


def phrase(rng, words, code, length):
    if code in CJK:
        text = words[code]
        pieces = []
        for _ in range(length):
            start = rng.randrange(max(1, len(text) - 4))
            pieces.append(text[start : start + rng.randint(2, 4)])
        return "".join(pieces) if code != "ko" else " ".join(pieces)
    return " ".join(rng.choice(words[code]) for _ in range(length))


def grow_to(total, rng, words):
    existing = Event.objects.count()
    rows = []
    for n in range(existing, total):
        values = {"kind": "workshop", "slug": f"search-bench-{n}", "published": True, "organised_by_secretariat": True}
        values["start_date"] = datetime.date(1996, 1, 1) + datetime.timedelta(days=n % 10_950)
        for code in LANGUAGE_CODES:
            column = code.replace("-", "_")
            values[f"title_{column}"] = phrase(rng, words, code, rng.randint(4, 8))[:300]
            values[f"summary_{column}"] = phrase(rng, words, code, rng.randint(20, 40))
        rows.append(Event(**values))
    Event.objects.bulk_create(rows, batch_size=1_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")


def measure(client, path, params, repeat):
    reset_queries()  # the request resets the log: a count taken across that reset would be lost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params, secure=True)
    count = len(queries.captured_queries)  # now: the next request empties the log
    assert response.status_code == 200, (path, params, response.status_code)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path, params, secure=True)
        best = min(best, time.perf_counter() - start)
    return count, best * 1000


def events_sql(q):
    """The SQL of the events' part of the search page for ``q``."""
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        search(SOURCES_BY_KEY["events"], with_stems(read_terms(q)), language="en", limit=5)
    return queries.captured_queries[-1]["sql"]


def explain(q, options="ANALYZE, BUFFERS"):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ({options}) {events_sql(q)}")
        return "\n".join(line for (line,) in cursor.fetchall())


def events_query_ms(q, repeat):
    """The best execution time PostgreSQL reports for the events' query (no client, no Python)."""
    times = [float(re.search(r"Execution Time: ([0-9.]+) ms", explain(q, "ANALYZE")).group(1)) for _ in range(repeat)]
    return min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES), choices=list(SCALES))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(18)
    rows = []
    try:
        static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # no collectstatic here
        storages = {**settings.STORAGES, "staticfiles": static}
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, STORAGES=storages), transaction.atomic():
            words = vocabulary()
            for scale in sorted(args.scales):
                grow_to(SCALES[scale], rng, words)
                events = Event.objects.count()
                _queries, health = measure(client, "/healthz", {}, args.repeat)
                for language, q in QUERIES:
                    matched = SOURCES_BY_KEY["events"].rows().alias(v=SOURCES_BY_KEY["events"].vector())
                    matched = matched.filter(v=read_terms(q).query()).count()
                    count, ms = measure(client, f"/{language}/search/", {"q": q}, args.repeat)
                    sql_ms = events_query_ms(q, args.repeat)
                    rows.append((scale, events, language, q, matched, count, ms, ms / health, sql_ms))
                    print(
                        f"{scale}x {events} events /{language}/search/?q={q}: {matched} events match, "
                        f"{count} queries, {ms:.1f} ms ({ms / health:.1f} x /healthz), events query {sql_ms:.2f} ms"
                    )
                if args.explain:
                    print(explain("경상북도"))
            raise Rollback
    except Rollback:
        pass
    print("\n| scale (events) | page | events matching | queries | page ms (× /healthz) | events query ms |")
    print("|---|---|---:|---:|---:|---:|")
    for scale, events, language, q, matched, count, ms, ratio, sql_ms in rows:
        print(
            f"| {scale}x ({events:,}) | `/{language}/search/?q={q}` | {matched} | {count} | {ms:.1f} ({ratio:.0f}) "
            f"| {sql_ms:.2f} |"
        )


if __name__ == "__main__":
    main()
