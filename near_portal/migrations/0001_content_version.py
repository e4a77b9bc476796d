"""The content version of the public page cache (near_portal/caching.py): a sequence, read by every process."""

from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE near_portal_content_version",
            reverse_sql="DROP SEQUENCE near_portal_content_version",
        ),
    ]
