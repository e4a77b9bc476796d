"""Generate the annual report of a year as a PDF, or run the job of an edition requested in the admin."""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from near_portal.report import editions, pdf
from near_portal.report.models import FIRST_YEAR, ReportEdition
from near_portal.report.sections import ReportRequest


class Command(BaseCommand):
    help = (
        "Write the annual report of fiscal YEAR in one of the six languages to a PDF file: "
        "annual_report 2018 --language ko --output report.pdf. "
        "With --edition N, generate edition N requested in the admin (the admin starts this itself)."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", nargs="?", type=int, help="fiscal year, e.g. 2018")
        parser.add_argument("--language", choices=LANGUAGE_CODES, default="en", help="language of the report")
        parser.add_argument("--output", type=Path, help="PDF file to write")
        parser.add_argument("--edition", type=int, help="id of a waiting edition to generate")

    @no_translations  # its own messages in English; the report in the language asked
    def handle(self, *args, year=None, language="en", output=None, edition=None, **options):
        if edition is not None:
            if year is not None or output is not None:
                raise CommandError("--edition takes neither a year nor --output.")
            return self.run_edition(edition)
        if year is None or output is None:
            raise CommandError("Give a year and --output, e.g.: annual_report 2018 --language ko --output report.pdf")
        this_year = timezone.localdate().year
        if not FIRST_YEAR <= year <= this_year:
            raise CommandError(f"The year must be between {FIRST_YEAR} (NEAR's founding) and {this_year}.")
        report = pdf.generate(ReportRequest(year, language))
        output.write_bytes(report.pdf)
        digest = hashlib.sha256(report.pdf).hexdigest()
        self.stdout.write(f"Wrote {output}: annual report {year} ({language}), {report.pages} pages, SHA-256 {digest}")

    def run_edition(self, edition_id):
        if not ReportEdition.objects.filter(pk=edition_id).exists():
            raise CommandError(f"There is no edition {edition_id}.")
        try:
            edition = editions.run_job(edition_id)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Generated edition {edition.pk}: {edition.year} ({edition.language}), {edition.pages} pages")
