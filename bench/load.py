"""Concurrent load on the public pages and /healthz of a running portal (run by hand).

    DJANGO_RATE_LIMITS=0 make serve PORT=8000    # in one terminal (DJANGO_PAGE_CACHE_SECONDS=0 for uncached;
                                                 # the rate limits would refuse one client asking this often)
    .venv/bin/python bench/load.py               # in another
    .venv/bin/python bench/load.py --concurrency 32 --requests 3000 --url /ru/members/?q=Primorsky

Each page is loaded in turn by ``--concurrency`` clients on keep-alive connections until it has
answered ``--requests`` requests or ``--duration`` seconds have passed, after a warm-up of
all pages together; the pages take turns over ``--rounds`` rounds, and a page's req/s is the
median of its rounds, so a burst of other work on the machine skews one round, not the figure.
/healthz is measured in the same run, first, as the yardstick: the table gives each page's
throughput as a fraction of /healthz's (the issue's goals: at least 0.5 uncached, 0.9 cached,
zero errors).

The pages: ``PAGES`` below, plus (unless ``--no-discover``) every public page without a
placeholder in its address that the portal's URLconf holds at run time, in English, so the
list pages other apps add are measured without editing this file. A discovered address that
does not answer an anonymous visitor with 200 (the finance pages ask staff to sign in) is not
a public page: it is listed as left out, not loaded. Requests carry
``X-Forwarded-Proto: https``, as from the TLS proxy ``make serve`` expects in front of it.
"""

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
HEALTH = "/healthz"
# Pages with a placeholder (a slug) are listed by hand; extend freely.
PAGES = [
    "/en/",
    "/en/members/",
    "/ja/members/",
    "/en/members/hyogo/",
    "/ru/members/primorsky/",
]


def discovered_pages(language="en"):
    """Every language-prefixed URL of the portal without a placeholder, e.g. /en/committees/."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from django.urls import URLPattern, URLResolver, get_resolver
    from django.urls.resolvers import LocalePrefixPattern, RoutePattern

    def walk(patterns, prefix, localized):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                pattern = entry.pattern
                if isinstance(pattern, LocalePrefixPattern):
                    yield from walk(entry.url_patterns, prefix, True)
                elif isinstance(pattern, RoutePattern) and not pattern.converters:
                    yield from walk(entry.url_patterns, prefix + str(pattern), localized)
            elif isinstance(entry, URLPattern) and localized:
                if isinstance(entry.pattern, RoutePattern) and not entry.pattern.converters:
                    yield f"/{language}/{prefix}{entry.pattern}"

    return list(dict.fromkeys(walk(get_resolver().url_patterns, "", False)))


class Client(threading.Thread):
    """One concurrent visitor: a keep-alive connection, requests until told to stop."""

    def __init__(self, base, path, budget, deadline, headers):
        super().__init__(daemon=True)
        self.base, self.path, self.budget, self.deadline, self.headers = base, path, budget, deadline, headers
        self.latencies, self.errors = [], []

    def run(self):
        connection = None
        while time.monotonic() < self.deadline and self.budget.take():
            if connection is None:
                connection = http.client.HTTPConnection(self.base.hostname, self.base.port or 80, timeout=30)
            start = time.perf_counter()
            try:
                connection.request("GET", self.path, headers=self.headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    self.errors.append(f"HTTP {response.status}")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(type(error).__name__)
                connection.close()
                connection = None
                continue
            self.latencies.append(time.perf_counter() - start)
        if connection is not None:
            connection.close()


class Budget:
    """A shared count of requests still to send."""

    def __init__(self, count):
        self.count, self.lock = count, threading.Lock()

    def take(self):
        with self.lock:
            if self.count <= 0:
                return False
            self.count -= 1
            return True


def answers_the_public(base, path, headers):
    """True when an anonymous GET of ``path`` answers 200 (not a redirect to the sign-in page)."""
    connection = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status == 200
    finally:
        connection.close()


def warm_up(base, paths, *, concurrency, seconds, headers):
    """Every worker, thread and database connection of the server busy once before measuring."""
    clients = [
        Client(base, paths[i % len(paths)], Budget(10**9), time.monotonic() + seconds, headers)
        for i in range(concurrency * 2)
    ]
    for client in clients:
        client.start()
    for client in clients:
        client.join()


def load(base, path, *, concurrency, requests, duration, headers):
    """One burst on one path: (seconds taken, latencies, errors)."""
    budget = Budget(requests)
    start = time.perf_counter()
    clients = [Client(base, path, budget, time.monotonic() + duration, headers) for _ in range(concurrency)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    elapsed = time.perf_counter() - start
    return (elapsed, [lat for c in clients for lat in c.latencies], [err for c in clients for err in c.errors])


def summary(path, bursts):
    """Figures of one path over its bursts: throughput is the median of the bursts'."""
    latencies = sorted(latency for _elapsed, burst, _errors in bursts for latency in burst)
    errors = [error for _elapsed, _burst, burst_errors in bursts for error in burst_errors]
    rates = [len(burst) / elapsed for elapsed, burst, _errors in bursts if elapsed]
    quantiles = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [0] * 99
    return {
        "path": path,
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "rps": statistics.median(rates) if rates else 0,
        "p50_ms": quantiles[49] * 1000,
        "p95_ms": quantiles[94] * 1000,
        "p99_ms": quantiles[98] * 1000,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000, help="per page, at most")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per page, at most")
    parser.add_argument("--url", action="append", default=[], help="another path to load (repeatable)")
    parser.add_argument("--no-discover", action="store_true", help="only PAGES and --url")
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="pages measured in turn this many times; req/s is the median (steadier on a busy machine)",
    )
    parser.add_argument("--warm-up", type=float, default=5.0, help="seconds of load on every page before measuring")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    base = urlsplit(args.base_url)
    headers = {"Host": base.netloc, "X-Forwarded-Proto": "https", "User-Agent": "near-bench/1"}
    discovered = [] if args.no_discover else [p for p in discovered_pages() if p not in PAGES + args.url]
    left_out = [path for path in discovered if not answers_the_public(base, path, headers)]
    pages = PAGES + args.url + [path for path in discovered if path not in left_out]
    paths = [HEALTH] + list(dict.fromkeys(pages))
    if left_out:
        print("Left out, not public (no 200 for an anonymous visitor): " + ", ".join(left_out), file=sys.stderr)
    warm_up(base, paths, concurrency=args.concurrency, seconds=args.warm_up, headers=headers)
    bursts = {path: [] for path in paths}
    for round_number in range(args.rounds):
        for path in paths:
            bursts[path].append(
                load(
                    base,
                    path,
                    concurrency=args.concurrency,
                    requests=args.requests // args.rounds,
                    duration=args.duration / args.rounds,
                    headers=headers,
                )
            )
        print(f"  round {round_number + 1} of {args.rounds} done", file=sys.stderr)
    results = [summary(path, bursts[path]) for path in paths]
    health_rps = results[0]["rps"] or 1
    print(
        f"\n{args.concurrency} concurrent clients, up to {args.requests} requests or {args.duration:.0f} s per page "
        f"in {args.rounds} rounds\n"
    )
    print(f"| {'page':<28} | requests | errors | req/s | × /healthz | p50 ms | p95 ms | p99 ms |")
    print(f"|{'-' * 30}|---------:|-------:|------:|-----------:|-------:|-------:|-------:|")
    for r in results:
        print(
            f"| {r['path']:<28} | {r['requests']:>8} | {r['errors']:>6} | {r['rps']:>5.0f} "
            f"| {r['rps'] / health_rps:>10.2f} | {r['p50_ms']:>6.1f} | {r['p95_ms']:>6.1f} | {r['p99_ms']:>6.1f} |"
        )
    if any(r["errors"] for r in results):
        print("\nErrors: " + "; ".join(f"{r['path']}: {', '.join(r['error_kinds'])}" for r in results if r["errors"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
