"""The table of django-ratelimit's counters (core.counter_cache.CounterCache, the "ratelimit" cache).

UNLOGGED: counters of the current minute need no crash safety, and skipping the WAL keeps
each counted request to one cheap write. No model: nothing but the cache backend reads it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunSQL(
            """
            CREATE UNLOGGED TABLE core_rate_counter (
                key varchar(255) PRIMARY KEY,
                value bigint NOT NULL,
                expires timestamptz NOT NULL
            );
            CREATE INDEX core_rate_counter_expires ON core_rate_counter (expires);
            """,
            reverse_sql="DROP TABLE core_rate_counter",
        ),
    ]
