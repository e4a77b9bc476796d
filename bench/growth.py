"""Cost of every page, feed, open-data file and admin page as the record grows: 1x, 10x, 100x (run by hand).

    make setup && .venv/bin/python bench/growth.py                # the whole table
    .venv/bin/python bench/growth.py --scales 1 100 --only /en/members/hyogo/ /admin/events/event/
    .venv/bin/python bench/growth.py --keep --explain             # keep near_growth; EXPLAIN the events list
    .venv/bin/python bench/growth.py --paired --keep              # a machine others use: the scales side by side

It never touches the portal's database: it (re)creates a database ``near_growth`` on the same
PostgreSQL server (the embedded one, or the server of ``DATABASE_URL``; ``--paired`` makes one
per scale, ``near_growth_1x``..., and measures each address at every scale in turn, so that a
load from elsewhere falls on all scales alike), points Django at it,
migrates, loads ``fixtures/`` (1x: the real record), measures, then adds synthetic history
and measures again:

* 10x: 1,500 events (50 a year over 30 years, 1996-2025) with host governments and 5-15
  participating governments each, 90 sessions (30 years of one General Assembly and two
  Working Committees) with the attendance of every government and 2 closed motions each
  (roll, ballots, resolution when adopted), and 80 governments assessed for 30 fiscal years
  (2017-2046) with a payment each;
* 100x: 15,000 events (500 a year), 20 motions per session, 10 payments per assessed year.

Each address is requested through the whole middleware stack (Django's test client, HTTPS,
debug off, page cache off: the uncached cost) by an anonymous visitor, or for the admin and
the finance pages by a superuser. The table gives, for each address and scale, the queries of
one request and the best time of up to ``--repeat`` requests (at most ``--budget`` seconds
each), and that time as a multiple of ``/healthz`` measured in the same run and scale. The
PDFs (bench/instrument_pdf.py) are left out. The database is dropped at the end unless
``--keep``. Run on a quiet machine for figures to compare; the machine's load is printed.
"""

import argparse
import datetime
import os
import random
import secrets
import sys
import time
import warnings
from collections import Counter
from decimal import Decimal
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.append(str(BENCH_DIR))  # last: a bench module must never hide an app
os.environ["DJANGO_DEBUG"] = "0"  # production settings: no query log, no debug toolbar of any kind
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_CONN_MAX_AGE", "60")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit
os.environ["DJANGO_SETTINGS_MODULE"] = "near_portal.settings"
warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic: the files are not served here
if not os.environ.get("DATABASE_URL"):
    from near_portal import embedded_db

    embedded_db.start()

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.contrib.admin.options import InlineModelAdmin  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.forms.models import _get_foreign_key  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from load import HEALTH, PAGES, discovered_pages  # noqa: E402

GROWTH_DATABASE = "near_growth"
FIRST_YEAR, YEARS = 1996, 30
# Synthetic rows per scale (the real record is 1x): events, motions per session, payments per assessed year.
SCALES = {1: None, 10: (1_500, 2, 1), 100: (15_000, 20, 10)}
# Addresses with a placeholder, measured besides those bench/load.py finds in the URLconf.
SLUGGED = [
    "/en/members/hyogo/",
    "/ru/members/primorsky/",
    "/en/committees/tourism/",
    "/en/committees/logistics/",
    "/en/events/?page=2",
    "/en/events/?year=2018",
    "/en/events/?government=hyogo",
    "/en/events/?committee=tourism",
    "/en/events/12th-general-assembly-2018/",
    "/en/events.ics?year=2018",
    "/en/committees/tourism/events.ics",
    "/en/events/12th-general-assembly-2018.ics",
    "/en/assemblies/12/",
    "/en/finance/dues/members/hyogo/",
    "/open-data/members.json",
    "/open-data/members.csv",
    "/open-data/committees.json",
]


def model(name):
    """A model of the portal's own apps by class name, wherever they keep it (the layout moves; the names do not)."""
    return next(m for m in apps.get_models() if m.__name__ == name and not m.__module__.startswith("django."))


# --- the separate database ----------------------------------------------------------------


def switch_to(name):
    """Point the default connection at database ``name`` (one of the growth databases)."""
    assert name.startswith(GROWTH_DATABASE), "refusing to use anything but a near_growth database"
    connection.close()
    # The connection handler and the wrapper share this dict: the next connection opens ``name``.
    settings.DATABASES["default"]["NAME"] = name


def use_growth_database(*, fresh, name=GROWTH_DATABASE):
    """Point the default connection at ``name`` (created, migrated and loaded when ``fresh``); whether it was made."""
    switch_to(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and fresh:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if fresh or not exists:
            cursor.execute(f'CREATE DATABASE "{name}"')
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == name, "refusing to write anywhere but near_growth"
    if fresh or not exists:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_near_data", verbosity=0)
        print(f"{name}: migrated and loaded fixtures/ in {time.perf_counter() - started:.0f} s")
        return True
    # --reuse: bring a database a --keep run left up to the code's migrations (new indexes)
    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return False


def drop_growth_database(name=GROWTH_DATABASE):
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- synthetic history --------------------------------------------------------------------


def add_events(total, rng):
    """Synthetic events up to ``total`` in all, spread over the 30 years, with hosts and participations."""
    Event, Participation = model("Event"), model("Participation")
    members = list(model("MemberGovernment").objects.values_list("pk", flat=True))
    committees = list(model("Committee").objects.values_list("pk", flat=True))
    countries = list(model("Country").objects.values_list("pk", flat=True))
    start = Event.objects.count()
    kinds = [k for k in Event.Kind.values if k not in ("general_assembly", "working_committee")]
    events = []
    for n in range(start, total):
        day = datetime.date(FIRST_YEAR + n % YEARS, rng.randint(1, 12), rng.randint(1, 28))
        kind = rng.choice(kinds)
        committee = rng.choice(committees) if kind == "committee_meeting" or rng.random() < 0.2 else None
        events.append(
            Event(
                kind=kind,
                title=f"Growth event {n}",
                title_en=f"Growth event {n}",
                slug=f"growth-event-{n}",
                summary_en="A synthetic event of bench/growth.py.",
                start_date=day,
                end_date=day + datetime.timedelta(days=rng.randint(0, 3)),
                city_en="Pohang",
                country_id=rng.choice(countries),
                committee_id=committee,
                organiser="secretariat",
                organised_by_secretariat=True,
                published=rng.random() > 0.02,
            )
        )
    # A few announced ones, so the upcoming list and the feeds' upcoming part are not empty.
    today = timezone.localdate()
    for n in range(3):
        events.append(
            Event(
                kind="forum",
                title=f"Growth upcoming {start}-{n}",
                title_en=f"Growth upcoming {start}-{n}",
                slug=f"growth-upcoming-{start}-{n}",
                start_date=today + datetime.timedelta(days=40 * (n + 1)),
                organiser="secretariat",
                organised_by_secretariat=True,
                country_id=countries[0],
            )
        )
    events = Event.objects.bulk_create(events, batch_size=2000)
    Event.hosts.through.objects.bulk_create(
        [Event.hosts.through(event_id=e.pk, membergovernment_id=rng.choice(members)) for e in events], batch_size=5000
    )
    participations = [
        Participation(event_id=e.pk, member_id=m, delegates=rng.randint(1, 6))
        for e in events
        for m in rng.sample(members, rng.randint(5, 15))
    ]
    Participation.objects.bulk_create(participations, batch_size=5000)
    return len(events), len(participations)


def add_sessions(motions_per_session, rng):
    """30 years of sessions with everyone's attendance, and motions closed with roll, ballots, resolution."""
    Session, Attendance, AgendaItem = model("Session"), model("Attendance"), model("AgendaItem")
    Motion, Ballot, RollEntry, Resolution = model("Motion"), model("Ballot"), model("RollEntry"), model("Resolution")
    members = list(model("MemberGovernment").objects.values_list("pk", flat=True))
    sessions = list(Session.objects.filter(key__startswith="growth-"))
    if not sessions:
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            for n, body in enumerate(("general_assembly", "working_committee", "working_committee")):
                day = datetime.date(year, 3 + 4 * n, 10)
                sessions.append(
                    Session(
                        body=body,
                        key=f"growth-{year}-{n}",
                        start_date=day,
                        end_date=day + datetime.timedelta(days=1),
                        host_id=rng.choice(members),
                        place_en="Pohang",
                        summary_en="A synthetic session.",
                    )
                )
        sessions = Session.objects.bulk_create(sessions)
        Attendance.objects.bulk_create(
            [
                Attendance(session_id=s.pk, member_id=m, status=rng.choice(["present", "present", "written", "absent"]))
                for s in sessions
                for m in members
            ],
            batch_size=5000,
        )
    attendance = {(a.session_id, a.member_id): a.status for a in Attendance.objects.filter(session__in=sessions)}
    have = Counter(AgendaItem.objects.filter(session__in=sessions).values_list("session_id", flat=True))
    items = [
        AgendaItem(
            session_id=s.pk, position=p, title=f"Growth item {p}", title_en=f"Growth item {p}", decision_kind="ordinary"
        )
        for s in sessions
        for p in range(have[s.pk] + 1, motions_per_session + 1)
    ]
    items = AgendaItem.objects.bulk_create(items, batch_size=5000)
    by_pk = {s.pk: s for s in sessions}
    motions, ballots, roll = [], [], []
    for item in items:
        session = by_pk[item.session_id]
        present = [m for m in members if attendance[(session.pk, m)] != "absent"]
        choices = [rng.choice(["yes", "yes", "yes", "no", "abstain"]) for _ in present]
        yes, no = choices.count("yes"), choices.count("no")
        motions.append(
            Motion(
                agenda_item_id=item.pk,
                text=f"Growth motion {item.position}",
                text_en=f"Growth motion {item.position}",
                status="closed",
                outcome="adopted" if yes > no else "rejected",
                eligible_count=len(members),
                present_count=len(present),
                written_count=sum(attendance[(session.pk, m)] == "written" for m in present),
                yes_count=yes,
                no_count=no,
                abstain_count=choices.count("abstain"),
                threshold="simple",
                quorum_needed=len(members) // 2 + 1,
                votes_needed=len(present) // 2 + 1,
                closed_on=session.start_date,
                closed_at=timezone.make_aware(datetime.datetime.combine(session.start_date, datetime.time(12))),
            )
        )
        motions[-1].choices = dict(zip(present, choices, strict=True))
    Motion.objects.bulk_create(motions, batch_size=2000)
    for motion, item in zip(motions, items, strict=True):
        session = by_pk[item.session_id]
        roll += [RollEntry(motion_id=motion.pk, member_id=m, attendance=attendance[(session.pk, m)]) for m in members]
        ballots += [
            Ballot(
                motion_id=motion.pk,
                member_id=m,
                choice=c,
                method="written" if attendance[(session.pk, m)] == "written" else "in_room",
            )
            for m, c in motion.choices.items()
        ]
    RollEntry.objects.bulk_create(roll, batch_size=5000)
    Ballot.objects.bulk_create(ballots, batch_size=5000)
    Resolution.objects.bulk_create(
        [
            Resolution(motion_id=m.pk, adopted_on=m.closed_on, text_en="Adopted.")
            for m in motions
            if m.outcome == "adopted"
        ],
        batch_size=5000,
    )
    return len(sessions), len(motions), len(ballots)


def add_payments(per_year, rng):
    """80 governments assessed for 30 fiscal years from 2017, with ``per_year`` payments for each year."""
    Assessment, Payment = model("Assessment"), model("Payment")
    members = list(model("MemberGovernment").objects.order_by("pk").values_list("pk", flat=True)[:80])
    if not Assessment.objects.exists():
        decision = model("DuesDecision").objects.create(
            slug="growth-assessment",
            body="general_assembly",
            decided_on=datetime.date(2016, 9, 28),
            kind="assessment",
            title="Growth",
            title_en="Growth",
        )
        period = model("AssessmentPeriod").objects.create(first_fiscal_year=2017, decision=decision)
        rate = model("DuesRate").objects.order_by("from_fiscal_year").first()
        Assessment.objects.bulk_create(
            [
                Assessment(member_id=m, fiscal_year=2017 + y, amount_usd=rate.amount_usd, rate=rate, period=period)
                for m in members
                for y in range(YEARS)
            ],
            batch_size=5000,
        )
    have = Payment.objects.count() // (len(members) * YEARS)
    payments = []
    for m in members:
        for y in range(YEARS):
            for k in range(have, per_year):
                day = datetime.date(2017 + y, 1 + k % 12, rng.randint(1, 28))
                amount = Decimal(rng.choice(["100.00", "250.00", "500.00"]))
                payments.append(
                    model("Payment")(
                        member_id=m,
                        paid_on=day,
                        amount=amount,
                        currency="USD",
                        exchange_rate=1,
                        amount_usd=amount,
                        bank_reference=f"GROWTH-{m:04}-{y:02}-{k:02}",  # fixed widths: unique once dashes are ignored
                    )
                )
    Payment.objects.bulk_create(payments, batch_size=5000)
    return len(payments)


def grow_to(scale, rng):
    events, motions, payments = SCALES[scale]
    started = time.perf_counter()
    added = add_events(events, rng), add_sessions(motions, rng), add_payments(payments, rng)
    with connection.cursor() as cursor:
        # Fresh statistics and visibility map, as autovacuum would give a real database.
        cursor.execute("VACUUM ANALYZE")
    (e, p), (s, m, b), pay = added
    print(
        f"{scale}x: added {e} events, {p} participations, {m} motions ({s} sessions), {b} ballots, "
        f"{pay} payments in {time.perf_counter() - started:.0f} s"
    )


# --- what is measured ---------------------------------------------------------------------


def admin_addresses():
    """(label, address): each registered model's change list, and the change form of its row with the most inline rows."""
    addresses = [("/admin/", "/admin/")]
    for model_class, model_admin in sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label):
        opts = model_class._meta
        try:
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        addresses.append((changelist, changelist))
        pk = heaviest_row(model_class, model_admin)
        if pk is not None:  # the row differs between scales: the label names the kind of page
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
            addresses.append((f"{changelist}<heaviest>/change/", change))
    return addresses


def heaviest_row(model_class, model_admin):
    best, best_count = None, -1
    for inline in model_admin.inlines:
        if not issubclass(inline, InlineModelAdmin):
            continue
        try:
            fk = _get_foreign_key(model_class, inline.model, fk_name=inline.fk_name)
        except ValueError:
            continue  # a generic inline
        row = inline.model._default_manager.values(fk.attname).annotate(n=Count("pk")).order_by("-n").first()
        if row and row["n"] > best_count:
            best, best_count = row[fk.attname], row["n"]
    if best is None:
        best = model_class._default_manager.order_by("-pk").values_list("pk", flat=True).first()
    return best


def public_addresses():
    """(label, address) of /healthz, every public page and feed without a PDF, the open data."""
    found = [path for path in dict.fromkeys(PAGES + discovered_pages()) if not path.endswith("/pdf/")]
    return [(path, path) for path in [HEALTH, *dict.fromkeys(found + SLUGGED)]]


def measure(client, path, *, repeat, budget):
    """(status, queries, best ms) of ``path``: queries of one request, best of up to ``repeat`` timed ones."""
    client.get(path, secure=True)  # warm-up
    queries = []  # not CaptureQueriesContext: request_started empties the connection's query log
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(path, secure=True)
    best, spent = float("inf"), 0.0
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path, secure=True)
        elapsed = time.perf_counter() - started
        best, spent = min(best, elapsed), spent + elapsed
        if spent > budget:
            break
    return response.status_code, len(queries), best * 1000


def run_scale(scale, addresses, clients, args, results):
    health = None
    for label, path in addresses:
        client = clients["staff"] if path.startswith(("/admin/", "/en/finance/")) else clients["anonymous"]
        status, queries, ms = measure(client, path, repeat=args.repeat, budget=args.budget)
        if path == HEALTH:
            health = ms
        results.setdefault(label, {})[scale] = (status, queries, ms, ms / health)
        if args.verbose:
            print(f"  {scale}x {path} {status} {queries}q {ms:.1f} ms", flush=True)


def print_table(results, scales):
    heads = " | ".join(f"{s}x q" for s in scales) + " | " + " | ".join(f"{s}x ms (× /healthz)" for s in scales)
    print(f"\n| address | {heads} | {scales[-1]}x / {scales[0]}x |")
    print("|---|" + "---:|" * (2 * len(scales) + 1))
    for path, by_scale in results.items():
        cells = [str(by_scale[s][1]) if s in by_scale else "" for s in scales]
        cells += [f"{by_scale[s][2]:.1f} ({by_scale[s][3]:.1f})" if s in by_scale else "" for s in scales]
        statuses = {by_scale[s][0] for s in by_scale}
        note = "" if statuses == {200} else f" (status {', '.join(map(str, sorted(statuses)))})"
        ratio = by_scale[scales[-1]][2] / by_scale[scales[0]][2] if {scales[0], scales[-1]} <= set(by_scale) else 0
        print(f"| `{path}`{note} | " + " | ".join(cells) + f" | {ratio:.2f} |")


def explain_events_list():
    """The plans of the events list's first page, the feeds, a member's latest events and a session list, at the current scale."""
    from django.utils import translation

    from events.feeds import COMMITTEE_PAST_EVENTS
    from events.querysets import LATEST_FIRST
    from events.views import PAST_PER_PAGE

    Event = model("Event")
    hyogo = model("MemberGovernment").objects.get(slug="hyogo")
    tourism = model("Committee").objects.get(slug="tourism")
    with translation.override("en"):
        events = Event.objects.published().for_listing()
        today = timezone.localdate()
        for label, queryset in (
            ("past, first page", events.past(on=today)[:PAST_PER_PAGE]),
            ("past of a government, first page", events.involving(hyogo).past(on=today)[:PAST_PER_PAGE]),
            ("past of a committee, first page", events.for_committee(tourism).past(on=today)[:PAST_PER_PAGE]),
            ("upcoming", events.upcoming(on=today)),
            ("rolling feed", Event.objects.published().in_feed(today)),
            (
                "a committee's rolling feed",
                Event.objects.published().for_committee(tourism).in_feed(today, past=COMMITTEE_PAST_EVENTS),
            ),
            ("a year's feed, first part", Event.objects.published().order_by("start_date", "pk").in_year(2018)[:51]),
            ("a member's latest events", events.involving(hyogo).order_by(*LATEST_FIRST)[:11]),
            ("a session list, first page", model("Session").objects.for_public_list("working_committee")[:10]),
        ):
            print(f"\nEXPLAIN ANALYZE {label}\n{queryset.explain(analyze=True)}")


def run_paired(scales, args):
    """Each address at every scale in turn, ``--rounds`` times (``--paired``): the scales share the machine's load.

    One database per scale (``near_growth_1x``, ``near_growth_10x``, ...), kept with ``--keep``
    and measured again with ``--reuse``. On a machine others use, a sequential run measures
    1x, 10x and 100x minutes apart, under different loads; here they are seconds apart.
    """
    from django.contrib.auth import get_user_model

    rng = random.Random(14)
    names = {scale: f"{GROWTH_DATABASE}_{scale}x" for scale in scales}
    clients, addresses = {}, {}
    for scale, name in names.items():
        made = use_growth_database(fresh=not args.reuse, name=name)
        if made and SCALES[scale] is not None:
            grow_to(scale, rng)
        user, _ = get_user_model().objects.get_or_create(
            username="growth-bench", defaults={"is_staff": True, "is_superuser": True}
        )
        clients[scale] = {"anonymous": Client(HTTP_HOST="127.0.0.1"), "staff": Client(HTTP_HOST="127.0.0.1")}
        clients[scale]["staff"].force_login(user)
        found = public_addresses() + admin_addresses()
        if args.only:
            found = [a for a in found if a[0] == HEALTH or a[0] in args.only or a[1] in args.only]
            found += [(p, p) for p in args.only if p not in {label for label, _ in found}]
        addresses[scale] = dict(found)
        if args.explain:
            explain_events_list()
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {os.cpu_count()} CPUs")
    labels = list(dict.fromkeys(label for scale in scales for label in addresses[scale]))
    best = {}  # (label, scale) -> (status, queries, ms)
    health = {}
    started = time.perf_counter()
    for label in [HEALTH] + [label for label in labels if label != HEALTH]:
        for _round in range(args.rounds):
            for scale in scales:
                path = addresses[scale].get(label)
                if path is None:
                    continue
                switch_to(names[scale])
                kind = "staff" if path.startswith(("/admin/", "/en/finance/")) else "anonymous"
                status, queries, ms = measure(clients[scale][kind], path, repeat=args.repeat, budget=args.budget)
                previous = best.get((label, scale))
                if previous is None or ms < previous[2]:
                    best[(label, scale)] = (status, queries, ms)
        if label == HEALTH:
            health = {scale: best[(HEALTH, scale)][2] for scale in scales}
        if args.verbose:
            print(
                "  "
                + label
                + " "
                + " ".join(f"{s}x {best[(label, s)][2]:.1f} ms" for s in scales if (label, s) in best)
            )
    print(f"{len(labels)} addresses at {len(scales)} scales in {time.perf_counter() - started:.0f} s")
    results = {}
    for (label, scale), (status, queries, ms) in best.items():
        results.setdefault(label, {})[scale] = (status, queries, ms, ms / health[scale])
    results = {label: results[label] for label in [HEALTH] + [label for label in labels if label != HEALTH]}
    print_table(results, scales)
    if not args.keep:
        for name in names.values():
            drop_growth_database(name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 10, 100], choices=sorted(SCALES))
    parser.add_argument("--only", nargs="+", metavar="ADDRESS", help="measure only these addresses (and /healthz)")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per address (the best counts)")
    parser.add_argument("--budget", type=float, default=1.5, help="seconds of timed requests per address at most")
    parser.add_argument("--keep", action="store_true", help=f"keep {GROWTH_DATABASE} afterwards")
    parser.add_argument("--reuse", action="store_true", help=f"use {GROWTH_DATABASE} as a --keep run left it")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print the plans of the events list, feeds, member and session lists at each scale",
    )
    parser.add_argument(
        "--paired",
        action="store_true",
        help="one database per scale, each address measured at every scale in turn (for a machine others use)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="with --paired: turns over the scales per address")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    scales = sorted(args.scales)
    if args.paired:
        with override_settings(
            PUBLIC_PAGE_CACHE_SECONDS=0,
            ALLOWED_HOSTS=["127.0.0.1"],
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ):
            run_paired(scales, args)
        return
    rng = random.Random(14)
    use_growth_database(fresh=not args.reuse)
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {os.cpu_count()} CPUs")
    results = {}
    try:
        with override_settings(
            PUBLIC_PAGE_CACHE_SECONDS=0,
            ALLOWED_HOSTS=["127.0.0.1"],
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ):
            from django.contrib.auth import get_user_model

            User = get_user_model()
            user, _ = User.objects.get_or_create(
                username="growth-bench", defaults={"is_staff": True, "is_superuser": True}
            )
            clients = {"anonymous": Client(HTTP_HOST="127.0.0.1"), "staff": Client(HTTP_HOST="127.0.0.1")}
            clients["staff"].force_login(user)
            for scale in scales:
                if SCALES[scale] is not None and not args.reuse:
                    grow_to(scale, rng)
                addresses = public_addresses() + admin_addresses()
                if args.only:
                    addresses = [a for a in addresses if a[0] == HEALTH or a[0] in args.only or a[1] in args.only]
                    addresses += [(p, p) for p in args.only if p not in {label for label, _ in addresses}]
                if args.explain:
                    explain_events_list()
                started = time.perf_counter()
                run_scale(scale, addresses, clients, args, results)
                print(f"{scale}x: {len(addresses)} addresses measured in {time.perf_counter() - started:.0f} s")
        print_table(results, scales)
    finally:
        if not args.keep:
            drop_growth_database()


if __name__ == "__main__":
    main()
