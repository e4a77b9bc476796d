"""make backup / make restore: a backup taken, the data changed, the backup restored, nothing lost."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from members.models import MemberGovernment, MembershipEvent
from near_portal import backup


def row_counts():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.usefixtures("real_data_live")
def test_a_backup_restores_every_row_after_the_data_changed(tmp_path):
    before = row_counts()
    names = dict(MemberGovernment.objects.values_list("slug", "name_ko"))
    path = backup.backup(at=datetime.datetime(2026, 8, 10, 9, 30, tzinfo=datetime.UTC), directory=tmp_path)
    assert path.name == "near-20260810T093000Z.dump"

    MembershipEvent.objects.filter(member__slug="liaoning").delete()
    MemberGovernment.objects.filter(slug="hyogo").update(name_ko="바뀐 이름")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE made_after_the_backup (id integer)")
    assert row_counts() != before

    backup.restore(path=path)

    assert row_counts() == before  # the same tables, the same number of rows
    assert dict(MemberGovernment.objects.values_list("slug", "name_ko")) == names
    assert MembershipEvent.objects.filter(member__slug="liaoning").exists()


@pytest.mark.usefixtures("real_data_live")
def test_the_restore_command_keeps_the_state_it_replaces(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "BACKUP_DIR", tmp_path)
    path = backup.backup(at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), directory=tmp_path)
    MemberGovernment.objects.filter(slug="hyogo").update(name_en="Changed after the backup")

    call_command("restore_database", str(path), stdout=io.StringIO())

    assert MemberGovernment.objects.get(slug="hyogo").name_en == "Hyogo Prefecture"
    kept = [p for p in tmp_path.iterdir() if p.name.endswith("-before-restore.dump")]
    assert len(kept) == 1
    backup.restore(path=kept[0])
    assert MemberGovernment.objects.get(slug="hyogo").name_en == "Changed after the backup"


@pytest.mark.usefixtures("real_data_live")
def test_a_restore_that_fails_leaves_the_database_as_it_was(tmp_path):
    broken = tmp_path / "broken.dump"
    broken.write_bytes(b"PGDMP" + b"\x00" * 100)
    before = row_counts()
    with pytest.raises(RuntimeError, match="Restore failed, the database is unchanged"):
        backup.restore(path=broken)
    assert row_counts() == before


@pytest.mark.usefixtures("real_data_live")
def test_after_a_restore_the_content_version_never_repeats_a_value(tmp_path):
    from core import caching

    path = backup.backup(at=datetime.datetime(2026, 8, 10, 9, 30, tzinfo=datetime.UTC), directory=tmp_path)
    at_backup = caching.content_version()
    for _ in range(3):  # saves after the backup: pages are cached under these versions
        caching._next_version()
    latest = caching.content_version()
    assert latest == at_backup + 3

    backup.restore(path=path)

    assert caching.content_version() == latest + 1
