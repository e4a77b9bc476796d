"""manage.py's entry point: Django's command line, with one sentence instead of a traceback
when what a checkout needs for local work is missing.

Production provides a secret key and its own database (DATABASE_URL); local work needs
DJANGO_DEBUG=1 and the embedded PostgreSQL running. The Makefile's local targets
(`make manage ARGS="..."`, `make shell`, `make report`) set the first and start the second;
whoever runs `.venv/bin/python manage.py ...` without them is told, in one sentence on
standard error and exit code 1, what to set or which make target to use. The settings stay
strict: without a key and with debug off nothing starts, under gunicorn too.
"""

from __future__ import annotations

import os
import shlex
import sys

from django.core.exceptions import ImproperlyConfigured

from near_portal import embedded_db


class SecretKeyMissing(ImproperlyConfigured):
    """Debug is off and DJANGO_SECRET_KEY is unset: raised by the settings."""


def main(argv: list[str]) -> int:
    """Run the manage.py command ``argv[1:]``; the exit code."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "near_portal.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - runs the settings module here, not inside a command
    except SecretKeyMissing as error:
        local = f"for local work use {make_manage(argv[1:])} or `export DJANGO_DEBUG=1` first"
        return fail(f"{str(error).rstrip('.')}: {local}.")
    except ImproperlyConfigured as error:
        return fail(str(error))  # a setting read from the environment that cannot be used
    try:
        execute_from_command_line(argv)
    except OperationalError:
        problem = embedded_database_problem(argv[1:])
        if problem is None:
            raise
        return fail(problem)
    except BrokenPipeError:
        # The reader went away (`... | head`): stop writing, without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def embedded_database_problem(args: list[str]) -> str | None:
    """Why the embedded database cannot be reached, or None when that is not the reason."""
    if os.environ.get("DATABASE_URL"):
        return None  # a database of its own: its errors are its own
    if not (embedded_db.PGDATA / "PG_VERSION").is_file():
        return "There is no database yet: run `make setup` (or set DATABASE_URL)."
    if embedded_db.socket_dir() is None:
        return (
            f"The database is not running: start it with `make db`, or use {make_manage(args)}, "
            "which starts it and stops it again (or set DATABASE_URL)."
        )
    return None


def make_manage(args: list[str]) -> str:
    """`make manage ARGS="<these arguments>"`, or a placeholder when they do not quote simply."""
    quoted = shlex.join(args)
    if not args or any(char in quoted for char in '"$`\\'):
        quoted = "<command> ..."
    return f'`make manage ARGS="{quoted}"`'


def fail(sentence: str) -> int:
    print(sentence, file=sys.stderr)
    return 1
