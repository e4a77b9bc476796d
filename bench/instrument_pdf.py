"""How long the instrument pages and PDFs take (run by hand, with the database started):

    DJANGO_DEBUG=1 .venv/bin/python bench/instrument_pdf.py

Prints the median of five runs for each page; figures go in the governance report, never in tests.
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

from django.test import Client  # noqa: E402

PAGES = [
    "/zh-hans/charter/",
    "/en/charter/?on=2010-01-01",
    "/ko/charter/history/",
    "/ja/regulations/committees/history/art-2/",
    "/zh-hans/charter/pdf/",
    "/en/charter/pdf/",
    "/ko/regulations/committees/pdf/",
    "/ru/regulations/dues/pdf/",
]


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    for path in PAGES:
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            response = client.get(path)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, (path, response.status_code)
        print(f"{statistics.median(timings) * 1000:8.0f} ms  {len(response.content):>8} bytes  {path}")


if __name__ == "__main__":
    main()
