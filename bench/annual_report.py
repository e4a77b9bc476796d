"""Time the 2018 annual report against WeasyPrint alone on the same HTML, in one run (run by hand).

    DJANGO_DEBUG=1 .venv/bin/python bench/annual_report.py [--year 2018] [--runs 3] [--language ko ...]

"report" is what the command and the admin's job do: read the data, render the templates,
lay out and write the PDF. "WeasyPrint" is only the layout and writing of the same HTML
with the same stylesheet; "data+HTML" is the rest (queries and templates) on its own. The goal is report <= 1.2 x WeasyPrint and under 30 s.
Peak memory: the Python heap's peak during one report (tracemalloc) and the process's
peak resident size at the end (which includes the fonts and C libraries).
It needs the database running with the real data (`make setup`).
"""

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from weasyprint import HTML  # noqa: E402

from near_portal.report import pdf  # noqa: E402
from near_portal.report.sections import ReportRequest  # noqa: E402


def seconds(functions, runs):
    """The median wall time of each of ``functions`` over ``runs`` rounds.

    The functions take turns within each round, so that a change of the machine's load
    during the run weighs on all of them alike.
    """
    times = [[] for _function in functions]
    for _ in range(runs):
        for function, measured in zip(functions, times):
            started = time.perf_counter()
            function()
            measured.append(time.perf_counter() - started)
    return [statistics.median(measured) for measured in times]


def weasyprint_alone(html):
    HTML(string=html, url_fetcher=pdf.no_fetching()).write_pdf(stylesheets=[pdf.stylesheet()])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2018)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", nargs="*", default=[code for code, _name in settings.LANGUAGES])
    args = parser.parse_args()

    print(f"{'language':<9}{'pages':>6}{'report s':>10}{'WeasyPrint s':>14}{'ratio':>7}{'data+HTML s':>13}"
          f"{'heap peak MB':>14}")
    for language in args.language:
        report = ReportRequest(args.year, language)
        html = pdf.report_html(report)
        generated = pdf.generate(report)  # warm up: fonts, templates, connection
        weasyprint_alone(html)
        full, alone, composing = seconds(
            [lambda: pdf.generate(report), lambda: weasyprint_alone(html), lambda: pdf.report_html(report)], args.runs
        )
        tracemalloc.start()
        pdf.generate(report)
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{language:<9}{generated.pages:>6}{full:>10.2f}{alone:>14.2f}{full / alone:>7.2f}{composing:>13.3f}"
              f"{heap_peak:>14.1f}")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"Peak resident memory of the process: {peak_rss:.0f} MB")


if __name__ == "__main__":
    main()
