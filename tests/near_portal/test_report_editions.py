"""Editions: the background job that generates them, publishing, and the rules the database keeps."""

import datetime
import hashlib
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from pypdf import PdfReader

from near_portal.report import editions, pdf
from near_portal.report.models import ReportEdition

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]

NOW = datetime.datetime(2019, 3, 4, 10, 0, tzinfo=datetime.UTC)


def pdf_pages(content):
    return len(PdfReader(BytesIO(content)).pages)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def ready_edition(year=2018, language="en", **fields):
    """A ready edition with a small stand-in file (no PDF generation needed)."""
    edition = ReportEdition(
        year=year, language=language, state="done", sha256="0" * 64, pages=1, generated_at=NOW, **fields
    )
    edition.file.save("x.pdf", ContentFile(b"%PDF-1.7 stand-in"), save=False)
    edition.save()
    return edition


def test_requesting_an_edition_records_it_waiting_and_starts_its_job_after_commit(
    admin_user, monkeypatch, django_capture_on_commit_callbacks
):
    started = []
    monkeypatch.setattr(editions, "start_job", started.append)
    with django_capture_on_commit_callbacks(execute=True):
        edition = editions.request_edition(year=2018, language="ko", user=admin_user, on=NOW)
        assert started == []  # not before the edition is committed
    assert started == [edition.pk]
    assert (edition.state, edition.requested_by, edition.requested_at) == ("queued", admin_user, NOW)


def test_the_job_stores_the_pdf_its_sha256_and_page_count(media_root):
    edition = ReportEdition.objects.create(year=2018, language="ko")
    done = editions.run_job(edition.pk, now=lambda: NOW)
    content = done.file.read()
    assert content.startswith(b"%PDF-")
    assert done.sha256 == hashlib.sha256(content).hexdigest()
    assert (done.state, done.pages, done.generated_at, done.started_at) == ("done", pdf_pages(content), NOW, NOW)
    assert done.file.name.startswith("reports/2018/near-annual-report-2018-ko-")
    assert (media_root / done.file.name).is_file()


def test_an_edition_is_generated_once():
    edition = ready_edition()
    with pytest.raises(ValueError, match=f"Edition {edition.pk} is not waiting to be generated."):
        editions.run_job(edition.pk)


def test_a_failing_job_records_its_error(monkeypatch):
    def broken(report):
        raise OSError("disk full")

    monkeypatch.setattr(pdf, "generate", broken)
    edition = ReportEdition.objects.create(year=2018, language="en")
    with pytest.raises(OSError):
        editions.run_job(edition.pk)
    edition.refresh_from_db()
    assert (edition.state, edition.error) == ("failed", "OSError: disk full")


def test_jobs_unfinished_after_15_minutes_are_marked_failed():
    old = ReportEdition.objects.create(
        year=2018, language="en", state="running", requested_at=NOW - datetime.timedelta(minutes=16)
    )
    recent = ReportEdition.objects.create(year=2018, language="en", requested_at=NOW - datetime.timedelta(minutes=14))
    assert editions.fail_stale_editions(now=NOW) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.state, old.error) == ("failed", "The generation did not finish within 15 minutes.")
    assert recent.state == "queued"


def test_publishing_replaces_the_edition_published_before_for_that_year_and_language():
    first, second, other_language = ready_edition(), ready_edition(), ready_edition(language="ru")
    editions.publish_edition(edition=first, on=NOW)
    editions.publish_edition(edition=other_language, on=NOW)
    editions.publish_edition(edition=second, on=NOW)
    assert list(ReportEdition.objects.published().order_by("pk")) == [second, other_language]
    first.refresh_from_db()
    assert (first.published, first.published_at) == (False, None)


def test_withdrawing_stops_offering_the_edition():
    edition = editions.publish_edition(edition=ready_edition(), on=NOW)
    editions.withdraw_edition(edition=edition)
    assert not ReportEdition.objects.published().exists()


def test_only_a_ready_edition_can_be_published():
    edition = ReportEdition.objects.create(year=2018, language="en", state="failed")
    with pytest.raises(ValueError, match="Only a ready edition can be published."):
        editions.publish_edition(edition=edition, on=NOW)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"state": "done"}, "report_edition_done_has_file"),
        ({"sha256": "XYZ"}, "report_edition_sha256_is_hex"),
        ({"published": True, "published_at": NOW}, "report_edition_published_when_done"),
        ({"language": "de"}, "report_edition_language_is_a_portal_language"),
        ({"year": 1995}, "report_edition_year_from_1996"),
    ],
)
def test_the_database_refuses_an_inconsistent_edition(fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        ReportEdition.objects.create(**{"year": 2018, "language": "en", **fields})


def test_the_database_refuses_two_published_editions_of_a_year_and_language():
    ready_edition(published=True, published_at=NOW)
    with pytest.raises(IntegrityError, match="report_edition_one_published"), transaction.atomic():
        ready_edition(published=True, published_at=NOW)


def test_a_job_that_cannot_start_is_recorded_failed(admin_user, monkeypatch, django_capture_on_commit_callbacks):
    def no_process(edition_id):
        raise OSError("Cannot allocate memory")

    monkeypatch.setattr(editions, "start_job", no_process)
    with django_capture_on_commit_callbacks(execute=True):
        edition = editions.request_edition(year=2018, language="ko", user=admin_user, on=NOW)
    edition.refresh_from_db()
    assert (edition.state, edition.error) == ("failed", "OSError: Cannot allocate memory")
