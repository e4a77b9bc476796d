"""The three staff roles (near_portal/roles.py). Their permissions are given after migrate, by
``roles.sync_roles`` (post_migrate): permissions of models do not exist yet while migrations run."""

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
    dependencies = [
        ("near_portal", "0001_content_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
