"""How long a session's minutes take: reading the record, the HTML, each PDF, a whole publication (run by hand).

    DJANGO_DEBUG=1 .venv/bin/python bench/minutes.py [--session 12] [--runs 5]

"read" is ``minutes_of`` (the queries); "HTML" one language's body; "PDF" one language's
WeasyPrint layout and writing; "publish" the whole ``publish_minutes`` (six HTML bodies and
six PDFs stored), inside a transaction that is rolled back, files written to a temporary
directory. Medians of ``--runs``. It needs the database running with the real data (`make setup`).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from assemblies.models import Body, Session  # noqa: E402
from core.languages import LANGUAGE_CODES  # noqa: E402
from documents import minutes  # noqa: E402


class RolledBack(Exception):
    pass


def median_seconds(function, runs):
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--session", type=int, default=12, help="the General Assembly's number")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    session = Session.objects.select_related("host", "chair").get(body=Body.GENERAL_ASSEMBLY, number=options.session)
    record = minutes.minutes_of(session)
    print(f"read: {median_seconds(lambda: minutes.minutes_of(session), options.runs) * 1000:.1f} ms")
    for code in LANGUAGE_CODES:
        html = median_seconds(lambda code=code: minutes.render_body(record, code), options.runs)
        pdf = median_seconds(lambda code=code: minutes.render_pdf(record, code), options.runs)
        print(f"{code}: HTML {html * 1000:.1f} ms, PDF {pdf:.2f} s ({len(minutes.render_pdf(record, code)):,} bytes)")
    user = get_user_model()(username="bench-minutes")

    def publish():
        try:
            with transaction.atomic():
                user.save()
                minutes.publish_minutes(session=session, published_by=user)
                raise RolledBack
        except RolledBack:
            pass

    with tempfile.TemporaryDirectory() as media:
        settings.MEDIA_ROOT = media
        print(f"publish (six PDFs): {median_seconds(publish, max(1, options.runs // 2)):.2f} s")


if __name__ == "__main__":
    main()
