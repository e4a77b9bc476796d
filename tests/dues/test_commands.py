"""Commands dues_standing and assess_dues."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from dues.models import Assessment
from members.models import MemberGovernment
from tests.dues.factories import D, assess, make_member, open_period, pay

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def standing():
    late = make_member("late-payer", country="MN")
    assess(late, 2020, 2021, 2022)
    pay(late, D(2021, 2, 1), "300.00")
    on_time = make_member("on-time", country="JP")
    assess(on_time, 2022)
    pay(on_time, D(2022, 4, 30), "1000.00")


def test_csv_has_one_row_per_member_and_associate_member_with_arrears_and_restriction(standing):
    rows = list(csv.DictReader(io.StringIO(run("dues_standing", "--on", "2022-05-01", "--format", "csv"))))
    assert len(rows) == 79 + 1 + 2  # the real members, Ho Chi Minh City, the two test governments
    by_slug = {row["member"]: row for row in rows}
    assert by_slug["late-payer"] == {
        "member": "late-payer",
        "country": "MN",
        "type": "member",
        "unpaid_fiscal_years": "2020 2021 2022",
        "outstanding_usd": "2700.00",
        "last_payment": "2021-02-01",
        "restricted": "yes",
    }
    assert by_slug["on-time"] == {
        "member": "on-time",
        "country": "JP",
        "type": "member",
        "unpaid_fiscal_years": "",
        "outstanding_usd": "0.00",
        "last_payment": "2022-04-30",
        "restricted": "no",
    }
    assert by_slug["ho-chi-minh-city"]["type"] == "associate"
    assert {row["restricted"] for slug, row in by_slug.items() if slug != "late-payer"} == {"no"}


def test_the_standing_follows_the_date(standing):
    output = run("dues_standing", "--on", "2021-04-30", "--format", "csv")
    rows = {row["member"]: row for row in csv.DictReader(io.StringIO(output))}
    assert (rows["late-payer"]["unpaid_fiscal_years"], rows["late-payer"]["outstanding_usd"]) == ("2020", "700.00")
    assert rows["late-payer"]["restricted"] == "no"
    assert "liaoning" not in rows  # admitted on 2021-08-10


def test_table_is_aligned_with_a_header(standing):
    lines = run("dues_standing", "--on", "2022-05-01").splitlines()
    assert lines[0].split() == [
        "member",
        "country",
        "type",
        "unpaid_fiscal_years",
        "outstanding_usd",
        "last_payment",
        "restricted",
    ]
    late = next(line for line in lines if line.startswith("late-payer"))
    assert late.split() == ["late-payer", "MN", "member", "2020", "2021", "2022", "2700.00", "2021-02-01", "yes"]
    assert lines[0].index("country") == late.index("MN")
    assert lines[0].index("restricted") == late.index("yes")


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="^2022-02-30 is not a day of the calendar.$"):
        run("dues_standing", "--on", "2022-02-30")
    with pytest.raises(CommandError, match="“9999-01-01” lies after 2100."):
        run("dues_standing", "--on", "9999-01-01")


def test_assess_dues_needs_a_decided_period_and_is_idempotent():
    with pytest.raises(CommandError, match="No decision makes fiscal year 2023 payable"):
        run("assess_dues", "2023")
    open_period(first=2023)
    assert run("assess_dues", "2023").strip() == "79 assessments created for fiscal year 2023."
    assert run("assess_dues", "2023").strip() == "0 assessments created for fiscal year 2023."
    assert Assessment.objects.filter(fiscal_year=2023).count() == 79


def test_csv_quotes_a_cell_holding_a_semicolon_as_every_csv_export_does(standing):
    # A slug is checked by the admin's form, not by the database: an import or a script can
    # leave one with a semicolon, which Excel in Russian or German locales splits on.
    member = make_member("semi-colon", country="RU")
    MemberGovernment.objects.filter(pk=member.pk).update(slug="semi;colon")
    output = run("dues_standing", "--on", "2022-05-01", "--format", "csv")
    line = next(line for line in output.splitlines() if "semi" in line)
    assert line == '"semi;colon",RU,member,,0.00,,no'
    assert output.splitlines()[0] == ",".join(
        ["member", "country", "type", "unpaid_fiscal_years", "outstanding_usd", "last_payment", "restricted"]
    )
    assert {row["member"] for row in csv.DictReader(io.StringIO(output))} >= {"semi;colon", "late-payer"}
