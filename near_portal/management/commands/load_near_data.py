"""Load the association's real data from fixtures/ (idempotent)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from core.audit import record_unrecorded_rows

# The change reason of history records written for rows loaded from fixtures/.
LOADED_REASON = "Loaded from fixtures/"

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Load every fixtures/NN_*.json in name order, in one transaction. Rows carry their "
        "primary keys, so a second run updates them in place and never duplicates. "
        "Rows it creates or changes get their history record."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a database without member governments (make serve: a restart keeps edits).",
        )

    def handle(self, *args, **options):
        from members.models import MemberGovernment

        if options["if_empty"] and MemberGovernment.objects.exists():
            self.stdout.write("The database holds data already; fixtures/ not loaded.")
            return
        files = sorted(FIXTURES_DIR.glob("[0-9][0-9]_*.json"))
        with transaction.atomic():
            for path in files:
                call_command("loaddata", str(path), verbosity=0)
            # loaddata's raw saves bypass the audit trail; record what they created or changed.
            record_unrecorded_rows(reason=LOADED_REASON)
        self.stdout.write(f"Loaded {len(files)} fixture files from {FIXTURES_DIR.name}/.")
