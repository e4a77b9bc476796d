"""Editions of the annual report: requesting one, the background job that generates it, publishing.

Generation takes seconds to tens of seconds, so it never runs inside a web request: the
admin records a waiting edition and starts ``manage.py annual_report --edition N`` as a
separate process once the transaction commits; that process generates the PDF and records
the outcome. The admin page polls the edition's state. A job that dies without recording
an outcome is marked failed after ``GENERATION_TIMEOUT`` (``fail_stale_editions``).
"""

import datetime
import hashlib
import subprocess
import sys

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from near_portal.report import pdf
from near_portal.report.models import GENERATION_TIMEOUT, ReportEdition
from near_portal.report.sections import ReportRequest


@transaction.atomic
def request_edition(*, year: int, language: str, user, on: datetime.datetime) -> ReportEdition:
    """Record a waiting edition of ``year`` in ``language`` and start its job after commit."""
    edition = ReportEdition(year=year, language=language, requested_by=user, requested_at=on)
    edition.full_clean()
    edition.save()
    transaction.on_commit(lambda: start_or_fail(edition.pk))
    return edition


def start_or_fail(edition_id: int) -> None:
    """Start the job; if the process cannot even start, record why on the edition."""
    try:
        start_job(edition_id)
    except OSError as error:
        ReportEdition.objects.filter(pk=edition_id).update(
            state=ReportEdition.State.FAILED, error=f"{type(error).__name__}: {error}"
        )


def start_job(edition_id: int) -> subprocess.Popen:
    """Start the process that generates edition ``edition_id``; it outlives the request.

    It inherits this process's standard output and error: its messages go to the web server's log.
    """
    return subprocess.Popen(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "annual_report", "--edition", str(edition_id)],
        cwd=settings.BASE_DIR,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # not killed with the request's worker
    )


def run_job(edition_id: int, *, now=timezone.now) -> ReportEdition:
    """Generate waiting edition ``edition_id``: store the PDF, its SHA-256 and page count.

    Claims the edition atomically (waiting -> being generated), so two workers never
    generate the same edition. Any error is recorded on the edition and re-raised.
    """
    claimed = ReportEdition.objects.filter(pk=edition_id, state=ReportEdition.State.QUEUED).update(
        state=ReportEdition.State.RUNNING, started_at=now()
    )
    if not claimed:
        raise ValueError(_("Edition %(id)s is not waiting to be generated.") % {"id": edition_id})
    edition = ReportEdition.objects.get(pk=edition_id)
    try:
        report = pdf.generate(ReportRequest(edition.year, edition.language))
        edition.file.save(edition.download_name(), ContentFile(report.pdf), save=False)
        edition.sha256 = hashlib.sha256(report.pdf).hexdigest()
        edition.pages = report.pages
        edition.generated_at = now()
        edition.state = ReportEdition.State.DONE
        edition.full_clean()
        edition.save()
    except Exception as error:
        ReportEdition.objects.filter(pk=edition_id).update(
            state=ReportEdition.State.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    return edition


def fail_stale_editions(*, now: datetime.datetime) -> int:
    """Mark failed the jobs unfinished after ``GENERATION_TIMEOUT``; returns how many."""
    minutes = int(GENERATION_TIMEOUT.total_seconds() // 60)
    return ReportEdition.objects.stale(now).update(
        state=ReportEdition.State.FAILED,
        error=_("The generation did not finish within %(minutes)s minutes.") % {"minutes": minutes},
    )


@transaction.atomic
def publish_edition(*, edition: ReportEdition, on: datetime.datetime) -> ReportEdition:
    """Make ``edition`` the one the public downloads for its year and language.

    The edition published before for the same year and language is withdrawn in the same
    transaction (one published edition per year and language, a database constraint).
    """
    if edition.state != ReportEdition.State.DONE:
        raise ValueError(_("Only a ready edition can be published."))
    ReportEdition.objects.filter(year=edition.year, language=edition.language, published=True).exclude(
        pk=edition.pk
    ).update(published=False, published_at=None)
    edition.published = True
    edition.published_at = on
    edition.full_clean()
    edition.save(update_fields=["published", "published_at"])
    return edition


@transaction.atomic
def withdraw_edition(*, edition: ReportEdition) -> ReportEdition:
    """Stop offering ``edition`` to the public; it stays in the admin."""
    edition.published = False
    edition.published_at = None
    edition.full_clean()
    edition.save(update_fields=["published", "published_at"])
    return edition
