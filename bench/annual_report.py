"""Time the 2018 annual report against WeasyPrint alone on the same HTML, in one run (run by hand).

    DJANGO_DEBUG=1 .venv/bin/python bench/annual_report.py [--year 2018] [--runs 3] [--language ko ...]

"report" is what the command and the admin's job do: read the data, render the templates,
lay out and write the PDF. "WeasyPrint" is only the layout and writing of the same HTML
with the same stylesheet; "data+HTML" is the rest (queries and templates) on its own. The goal is report <= 1.2 x WeasyPrint and under 30 s.
Peak memory: the Python heap's peak during one report (tracemalloc), and the peak resident
size of `manage.py annual_report` run once as a separate process, as the admin's job runs
(it includes Django, the fonts and the C libraries).
It needs the database running with the real data (`make setup`).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from near_portal.report import pdf  # noqa: E402
from near_portal.report.sections import ReportRequest  # noqa: E402


def seconds(functions, runs):
    """The median wall time of each of ``functions`` over ``runs`` rounds.

    The functions take turns within each round, so that a change of the machine's load
    during the run weighs on all of them alike.
    """
    times = [[] for _function in functions]
    for _ in range(runs):
        for function, measured in zip(functions, times, strict=True):
            started = time.perf_counter()
            function()
            measured.append(time.perf_counter() - started)
    return [statistics.median(measured) for measured in times]


def weasyprint_alone(html):
    pdf.render(html).write_pdf()


# Linux keeps a process's peak resident size across fork and exec, so a child started from
# this (large) process would report at least this process's size. A small Python wrapper
# starts the job instead and reports its child's peak.
PEAK_OF_CHILD = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def job_peak_megabytes(year, language):
    """Peak resident size of one `manage.py annual_report` process, in MB."""
    with tempfile.TemporaryDirectory() as directory:
        command = [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "annual_report",
            str(year),
            "--language",
            language,
            "--output",
            str(Path(directory) / "report.pdf"),
        ]
        wrapper = subprocess.run(
            [sys.executable, "-c", PEAK_OF_CHILD, *command], capture_output=True, text=True, check=True
        )
    return int(wrapper.stdout) / 1024  # kilobytes on Linux


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2018)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", nargs="*", default=[code for code, _name in settings.LANGUAGES])
    args = parser.parse_args()

    print(
        f"{'language':<9}{'pages':>6}{'report s':>10}{'WeasyPrint s':>14}{'ratio':>7}{'data+HTML s':>13}"
        f"{'heap peak MB':>14}{'job RSS MB':>12}"
    )
    for language in args.language:
        report = ReportRequest(args.year, language)
        html = pdf.report_html(report)
        generated = pdf.generate(report)  # warm up: fonts, templates, connection
        weasyprint_alone(html)
        full, alone, composing = seconds(
            [
                lambda report=report: pdf.generate(report),
                lambda html=html: weasyprint_alone(html),
                lambda report=report: pdf.report_html(report),
            ],
            args.runs,
        )
        tracemalloc.start()
        pdf.generate(report)
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(
            f"{language:<9}{generated.pages:>6}{full:>10.2f}{alone:>14.2f}{full / alone:>7.2f}{composing:>13.3f}"
            f"{heap_peak:>14.1f}{job_peak_megabytes(args.year, language):>12.0f}"
        )


if __name__ == "__main__":
    main()
