"""python manage.py dues_standing --on YYYY-MM-DD [--format table|csv]"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.importexport import csv_cell, escape_row
from core.params import BadParameter, parse_date
from dues.ledger import LAST_SUPPORTED_YEAR, ledger
from dues.querysets import dues_restricted, with_dues_records
from members.models import MemberGovernment, MembershipType

COLUMNS = ["member", "country", "type", "unpaid_fiscal_years", "outstanding_usd", "last_payment", "restricted"]


def standing_rows(on: datetime.date) -> list[list[str]]:
    """One row per member and associate member on ``on``, in the directory's order.

    ``unpaid_fiscal_years`` are the years in arrears (past 30 April, balance above zero) and
    ``outstanding_usd`` their balance; ``restricted`` is Dues Regulation art. 6 on that date.
    """
    governments = with_dues_records(
        MemberGovernment.objects.with_type_on(on)
        .filter(type_on__in=[MembershipType.MEMBER, MembershipType.ASSOCIATE])
        .select_related("country")
        .order_by("country__display_order", "list_position", "name_en")
    )
    restricted = set(dues_restricted(MemberGovernment.objects.all(), on=on).values_list("pk", flat=True))
    rows = []
    for government in governments:
        books = ledger(government, on=on)
        last = books.last_payment
        rows.append(
            [
                government.slug,
                government.country.code,
                government.type_on,
                " ".join(str(year.fiscal_year) for year in books.arrears),
                f"{books.arrears_usd:.2f}",
                last.paid_on.isoformat() if last else "",
                "yes" if government.pk in restricted else "no",
            ]
        )
    return rows


class Command(BaseCommand):
    help = _(
        "The dues standing of every member and associate member on a date: unpaid fiscal years, "
        "amount outstanding in USD, last payment and whether its rights are restricted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--on", required=True, help=_("The date, YYYY-MM-DD."))
        parser.add_argument("--format", choices=["table", "csv"], default="table")

    def handle(self, *args, on, format, **options):
        try:
            date = parse_date(on, latest=datetime.date(LAST_SUPPORTED_YEAR, 12, 31))
        except BadParameter as error:
            raise CommandError(str(error)) from None
        rows = standing_rows(date)
        if format == "csv":
            # Cells as every CSV export writes them (core.importexport): formulae escaped, a
            # cell holding a comma, quote, line break or semicolon quoted (Excel in ru/de
            # splits on ";"). Lines end with "\n", as a command's output does.
            for row in [COLUMNS, *map(escape_row, rows)]:
                self.stdout.write(",".join(csv_cell(cell) for cell in row))
            return
        widths = [max([len(COLUMNS[i])] + [len(row[i]) for row in rows]) for i in range(len(COLUMNS))]
        for row in [COLUMNS, *rows]:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
