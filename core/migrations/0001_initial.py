"""What every app's migrations need first.

- The PostgreSQL extension btree_gist: the exclusion constraints (coordinator terms, chairs'
  terms, assessment periods) compare plain columns with ``=``.
- The content version of the public page cache (core/caching.py): a sequence read by every
  process.
- The three staff roles (core/roles.py). Their permissions are given after migrate, by
  ``roles.sync_roles`` (post_migrate): permissions of models do not exist yet while
  migrations run.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

ROLES = ("Secretariat editor", "Finance officer", "Auditor")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    initial = True
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        BtreeGistExtension(),
        migrations.RunSQL(
            "CREATE SEQUENCE core_content_version",
            reverse_sql="DROP SEQUENCE core_content_version",
        ),
        migrations.RunPython(create_groups, delete_groups),
    ]
