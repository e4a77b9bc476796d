"""Rebuild fixtures/40_instruments_*.json from instruments/fixture_sources/ (see instruments.fixture_sources.building)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from instruments.fixture_sources import building as fixture_building


class Command(BaseCommand):
    help = "Rebuild the fixtures of the Charter and the Regulations from their sources in six languages."

    def handle(self, *args, **options):
        directory = Path(settings.BASE_DIR) / "fixtures"
        for slug in fixture_building.slugs():
            path = fixture_building.write(slug, directory)
            self.stdout.write(f"Wrote {path.relative_to(settings.BASE_DIR)}")
