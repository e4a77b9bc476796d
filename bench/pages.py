"""CPU cost of each public page in process, uncached and from the page cache (run by hand).

    .venv/bin/python bench/pages.py                 # every public page, as bench/load.py lists them
    .venv/bin/python bench/pages.py /ru/charter/ /en/events/?year=2018

Production settings (debug off), no network: each request goes through the whole WSGI stack
(middleware, URL resolving, views, templates, database). For each page: the best of
``--batches`` batches of ``--requests`` requests (the least disturbed by other work on the
machine), uncached and then as a cache hit, and the queries an uncached request runs (PDFs are left out: bench/instrument_pdf.py). Then
what a page is made of: rendering ``base.html`` alone, one ``{% url %}``, one
``{% translate %}``, one variable. Needs the database running with the real data
(``make setup``).
"""

import argparse
import io
import os
import secrets
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.append(str(BENCH_DIR))  # last: a bench module must never hide an app
os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_CONN_MAX_AGE", "60")  # as `make serve`: connections kept between requests
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit
os.environ["DJANGO_SETTINGS_MODULE"] = "near_portal.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402
from django.urls import resolve  # noqa: E402
from django.utils import translation  # noqa: E402
from load import HEALTH, PAGES, discovered_pages  # noqa: E402

HANDLER = WSGIHandler()


def get(path):
    """One GET through the WSGI handler, as gunicorn sends it behind the TLS proxy: (status, bytes, type)."""
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "443",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    started = []
    body = b"".join(HANDLER(environ, lambda status, headers, *args: started.append((status, dict(headers)))))
    status, headers = started[0]
    return status, len(body), headers.get("Content-Type", "")


def best_ms(action, *, requests, batches):
    """The fastest batch's milliseconds per call of ``action``, after a warm-up."""
    for _ in range(max(requests // 4, 1)):
        action()
    best = float("inf")
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(requests):
            action()
        best = min(best, (time.perf_counter() - start) / requests * 1000)
    return best


def pages_table(paths, *, requests, batches):
    print(f"| {'page':<36} | status | KB | queries | uncached ms | cache hit ms |")
    print(f"|{'-' * 38}|-------:|---:|--------:|------------:|-------------:|")
    for path in paths:
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0):
            status, size, _type = get(path)
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *args, queries=queries: queries.append(sql) or execute(sql, *args)
            ):
                get(path)
            uncached = best_ms(lambda path=path: get(path), requests=requests, batches=batches)
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
            cache.clear()
            hit = best_ms(lambda path=path: get(path), requests=requests, batches=batches)
        print(
            f"| {path:<36} | {status.split()[0]:>6} | {size / 1024:>2.0f} | {len(queries):>7} "
            f"| {uncached:>11.2f} | {hit:>12.2f} |"
        )


def parts_table(*, requests, batches):
    """What every page pays: the base template and the template tags it is made of."""
    engine = engines["django"]
    request = RequestFactory().get("/en/", secure=True, HTTP_HOST="127.0.0.1")
    request.resolver_match = resolve("/en/")
    request.user = AnonymousUser()
    items = {"items": range(100)}
    parts = {
        "base.html alone (with its context processors)": (
            lambda: engine.get_template("base.html").render({}, request),
            1,
        ),
        "one {% url %}": (
            lambda: engine.from_string("{% for i in items %}{% url 'home' %}{% endfor %}").render(items),
            100,
        ),
        "one {% translate %}": (
            lambda: engine.from_string("{% load i18n %}{% for i in items %}{% translate 'Home' %}{% endfor %}").render(
                items
            ),
            100,
        ),
        "one variable": (lambda: engine.from_string("{% for i in items %}{{ i }}{% endfor %}").render(items), 100),
    }
    print(f"\n| {'part':<46} | ms |")
    print(f"|{'-' * 48}|---:|")
    with translation.override("en"):
        for label, (render, count) in parts.items():
            print(f"| {label:<46} | {best_ms(render, requests=requests, batches=batches) / count:.4f} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="pages to measure (default: every public page, as bench/load.py)")
    parser.add_argument("--requests", type=int, default=40, help="requests per batch")
    parser.add_argument("--batches", type=int, default=7)
    args = parser.parse_args(argv)
    if args.paths:
        paths = args.paths
    else:  # public HTML pages and feeds; the PDFs have bench/instrument_pdf.py
        paths = [HEALTH] + [
            path
            for path in dict.fromkeys(PAGES + discovered_pages())
            if (answer := get(path))[0].startswith("200") and answer[2] != "application/pdf"
        ]
    print(f"{settings.DATABASES['default']['NAME']}: best of {args.batches} x {args.requests} requests\n")
    pages_table(paths, requests=args.requests, batches=args.batches)
    parts_table(requests=args.requests, batches=args.batches)


if __name__ == "__main__":
    main()
