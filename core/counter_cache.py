"""A Django cache of whole-number counters in one PostgreSQL table, shared by every process.

django-ratelimit needs a cache that every gunicorn worker shares and that increments
atomically (its docs: memcached or Redis; the local-memory cache is per process and the
database cache reads, adds and writes back, losing counts under concurrency). The portal runs
on PostgreSQL alone, so this backend keeps the counters in ``core_rate_counter`` (an unlogged
table, core migration 0002): ``add`` is one ``INSERT ... ON CONFLICT``, ``incr`` one
``UPDATE ... SET value = value + n ... RETURNING``, each atomic in PostgreSQL. It holds
integers only, which is all django-ratelimit stores.

Each ``add`` also removes up to ``CULL_BATCH`` expired counters in the same statement, so the
table holds about the counters of the current windows. A counted request costs one query (its
window's first) or two (``add``, then ``incr``).
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection

CULL_BATCH = 100


class CounterCache(BaseCache):
    """Whole-number counters with an expiry, in the table named by ``LOCATION``."""

    def __init__(self, table, params):
        super().__init__(params)
        self._table = connection.ops.quote_name(table)

    def _expires(self, timeout) -> tuple[str, list]:
        """SQL for the expiry ``timeout`` gives (Django's: None never, 0 or less at once) and its parameters."""
        seconds = self.get_backend_timeout(timeout)
        if seconds is None:
            return "'infinity'::timestamptz", []
        return "to_timestamp(%s)", [seconds]

    @staticmethod
    def _count(value) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"CounterCache holds whole numbers only, not {type(value).__name__}")
        return value

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version)
        expires, params = self._expires(timeout)
        table = self._table
        with connection.cursor() as cursor:
            # One statement: the cull (never of this key: a row changes once per statement) and
            # the insert, where an expired counter is replaced and a live one left alone (add's contract).
            cursor.execute(
                f"WITH cull AS (DELETE FROM {table} WHERE key IN "
                f"(SELECT key FROM {table} WHERE expires <= now() AND key <> %s LIMIT {CULL_BATCH}) "
                f"AND expires <= now() AND key <> %s) "
                f"INSERT INTO {table} (key, value, expires) VALUES (%s, %s, {expires}) "
                f"ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires "
                f"WHERE {table}.expires <= now() RETURNING 1",
                [key, key, key, self._count(value), *params],
            )
            return cursor.fetchone() is not None

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {self._table} WHERE key = %s AND expires > now()", [key])
            row = cursor.fetchone()
        return default if row is None else row[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        key = self.make_and_validate_key(key, version)
        expires, params = self._expires(timeout)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self._table} (key, value, expires) VALUES (%s, %s, {expires}) "
                f"ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires",
                [key, self._count(value), *params],
            )

    def incr(self, key, delta=1, version=None) -> int:
        key = self.make_and_validate_key(key, version)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self._table} SET value = value + %s WHERE key = %s AND expires > now() RETURNING value",
                [self._count(delta), key],
            )
            row = cursor.fetchone()
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version)
        expires, params = self._expires(timeout)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self._table} SET expires = {expires} WHERE key = %s AND expires > now()", [*params, key]
            )
            return cursor.rowcount == 1

    def delete(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self._table} WHERE key = %s", [key])
            return cursor.rowcount == 1

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self._table}")
