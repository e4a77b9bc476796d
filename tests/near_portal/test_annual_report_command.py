"""`manage.py annual_report`: the report from the command line, and the job of an admin edition."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from near_portal.report.models import ReportEdition

pytestmark = pytest.mark.django_db


def test_command_writes_the_report_in_the_language_asked(tmp_path):
    output, out = tmp_path / "report.pdf", StringIO()
    call_command("annual_report", "2018", "--language", "ko", "--output", str(output), stdout=out)
    reader = PdfReader(output)
    assert reader.metadata.title == "NEAR 2018 연례보고서"
    assert out.getvalue().startswith(f"Wrote {output}: annual report 2018 (ko), {len(reader.pages)} pages, SHA-256 ")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["1995", "--output", "x.pdf"], "The year must be between 1996 (NEAR's founding) and"),
        (["2018"], "Give a year and --output"),
        (["2018", "--edition", "1"], "--edition takes neither a year nor --output."),
        (["--edition", "999999"], "There is no edition 999999."),
    ],
)
def test_command_explains_bad_arguments(arguments, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("annual_report", *arguments)


def test_command_runs_the_job_of_a_waiting_edition(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = ReportEdition.objects.create(year=2018, language="en")
    out = StringIO()
    call_command("annual_report", "--edition", str(edition.pk), stdout=out)
    edition.refresh_from_db()
    assert edition.state == "done"
    pages = len(PdfReader(edition.file.path).pages)
    assert out.getvalue() == f"Generated edition {edition.pk}: 2018 (en), {pages} pages\n"
    with pytest.raises(CommandError, match="is not waiting to be generated"):
        call_command("annual_report", "--edition", str(edition.pk))
