"""python manage.py assess_dues YEAR: create the missing assessments of a fiscal year (idempotent)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dues.ledger import assess_fiscal_year


class Command(BaseCommand):
    help = _("Create the dues assessments of a fiscal year that a decision makes payable; a second run creates none.")

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help=_("The fiscal year."))

    def handle(self, *args, year, **options):
        try:
            created = assess_fiscal_year(fiscal_year=year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        message = _("%(count)d assessments created for fiscal year %(year)d.")
        self.stdout.write(message % {"count": len(created), "year": year})
