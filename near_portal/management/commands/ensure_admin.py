"""Create the first admin account with a random password (never a fixed default)."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / "var" / "admin-password.txt"


class Command(BaseCommand):
    help = "On first run, create the superuser 'admin' with a random password, print it once and keep it in var/."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"Admin account exists (first password kept in {PASSWORD_FILE.relative_to(settings.BASE_DIR)})."
            )
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_superuser("admin", email="", password=password)
        PASSWORD_FILE.parent.mkdir(exist_ok=True)
        PASSWORD_FILE.write_text(f"admin\n{password}\n")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Created admin account: user 'admin', password '{password}'"))
        self.stdout.write(
            f"The password is kept in {PASSWORD_FILE.relative_to(settings.BASE_DIR)}; change it in the admin."
        )
