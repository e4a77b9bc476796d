"""make restore FILE=...: put the database back as a backup holds it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from near_portal.backup import backup, restore


class Command(BaseCommand):
    help = (
        "Replace the portal's database by a backup made with `make backup`, in one transaction. "
        "The current state is backed up first (var/backups/...-before-restore.dump)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .dump file written by make backup")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No backup at {path}")
        safety = backup(at=timezone.now(), label="before-restore")
        self.stdout.write(f"Current state kept in {safety}")
        restore(path=path)
        self.stdout.write(self.style.SUCCESS(f"Restored {path}"))
