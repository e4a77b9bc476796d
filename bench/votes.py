"""Time a whole General Assembly vote on the real members, then roll everything back.

Run by hand with the database started (`make setup` once):

    DJANGO_DEBUG=1 .venv/bin/python bench/votes.py

It records attendance for every government, 79 ballots through the grid function, closes the
poll (roll snapshot, tally, resolution, admission effect), and renders the public pages; it
prints the time and the number of queries of each step. Nothing is kept.
"""

import datetime
import os
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_RATE_LIMITS", "0")  # one client asking over and over: not a visitor to limit
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from assemblies import polls  # noqa: E402
from assemblies.models import AgendaItem, Ballot, Body, DecisionKind, Motion, ResolutionEffect, Session  # noqa: E402
from members.models import MemberGovernment  # noqa: E402


class Rollback(Exception):
    pass


def step(label, function):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed * 1000:8.1f} ms {len(queries):5d} queries")
    return result


def main():
    day = datetime.date(2023, 10, 10)
    try:
        with transaction.atomic():
            session = Session.objects.create(body=Body.GENERAL_ASSEMBLY, key="bench", start_date=day)
            item = AgendaItem.objects.create(
                session=session, position=1, title="Bench", decision_kind=DecisionKind.ADMISSION
            )
            motion = Motion.objects.create(agenda_item=item, text="Bench motion")
            ResolutionEffect.objects.create(
                motion=motion, kind="admission", member=MemberGovernment.objects.get(slug="tianjin")
            )
            voters = sorted(polls.voting_member_ids(session))
            step(
                f"record_attendance ({len(voters)} governments)",
                lambda: polls.record_attendance(
                    session=session, rows={m: polls.AttendanceRow("present") for m in voters}
                ),
            )
            step(
                f"record_ballots ({len(voters)} ballots)",
                lambda: polls.record_ballots(
                    motion=motion, rows={m: polls.BallotRow(Ballot.Choice.YES) for m in voters}
                ),
            )
            step("count_poll (the live tally)", lambda: polls.count_poll(motion))
            step(
                "close_poll (snapshot, resolution, admission)",
                lambda: polls.close_poll(motion=motion, closed_by=None, on=day),
            )
            client = Client(HTTP_HOST="localhost")
            for path in ("/en/assemblies/", "/en/assemblies/12/", "/ko/assemblies/bench/", "/ru/working-committee/"):
                step(f"GET {path}", lambda path=path: client.get(path))
            raise Rollback
    except Rollback:
        print("Rolled back: nothing was kept.")


if __name__ == "__main__":
    main()
