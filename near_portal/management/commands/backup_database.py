"""make backup: dump the database to var/backups/near-<UTC time>.dump."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from near_portal.backup import backup


class Command(BaseCommand):
    help = "Dump the portal's database (pg_dump, custom format) to var/backups/, named by the time."

    def handle(self, *args, **options):
        path = backup(at=timezone.now())
        self.stdout.write(f"Backup written: {path} ({path.stat().st_size // 1024} KiB)")
