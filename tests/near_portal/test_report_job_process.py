"""The generation job as the admin starts it: a separate process, outside any request and transaction.

No ``django_db`` mark here: the edition must be committed for the child process to see it,
so the test writes through ``django_db_blocker`` and deletes what it wrote.
"""

import hashlib
from io import BytesIO
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from near_portal.report import editions
from near_portal.report.models import ReportEdition

pytestmark = pytest.mark.pdf


def database_url():
    """The test database as a DATABASE_URL a child process can use (socket directory or host)."""
    db = connection.settings_dict
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{port}/{db['NAME']}?host={quote(db['HOST'])}"


def test_the_job_runs_in_a_separate_process_and_records_the_edition(
    django_db_setup, django_db_blocker, monkeypatch, tmp_path
):
    """What the admin starts: `manage.py annual_report --edition N`, outside any request and transaction."""
    with django_db_blocker.unblock():
        edition = ReportEdition.objects.create(year=2018, language="mn", requested_at=timezone.now())
        try:
            # The child inherits the environment: point it at the test database and media.
            monkeypatch.setenv("DATABASE_URL", database_url())
            monkeypatch.setenv("DJANGO_MEDIA_ROOT", str(tmp_path))
            assert editions.start_job(edition.pk).wait(timeout=120) == 0
            edition.refresh_from_db()
            content = (tmp_path / edition.file.name).read_bytes()
            assert (edition.state, edition.pages, edition.error) == ("done", len(PdfReader(BytesIO(content)).pages), "")
            assert hashlib.sha256(content).hexdigest() == edition.sha256
        finally:
            edition.delete()
