"""Committee admin: dormancy in the list, filters, all-or-nothing import, formula-safe export."""

import datetime

import pytest
import tablib
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from import_export.formats.base_formats import CSV

from committees.admin import CommitteeAdmin
from committees.models import Committee, periods_overlap
from committees.resources import CommitteeResource
from core.importexport import escape_formula

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/committees/committee/"
HEADER = "slug,name_en,name_zh_hans,status,status_changed_on,successor,established_year,meetings_to_2018"


def csv_format_index():
    formats = CommitteeAdmin(Committee, admin.site).get_import_formats()
    return next(i for i, f in enumerate(formats) if f is CSV)


def post_import(client, rows):
    upload = SimpleUploadedFile("committees.csv", "\n".join([HEADER, *rows]).encode(), content_type="text/csv")
    return client.post(f"{CHANGELIST}import/", {"import_file": upload, "format": csv_format_index()})


def test_the_changelist_shows_coordinators_meetings_and_dormancy(admin_client):
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "eligible for a coordinator change" in html
    assert "Henan Province, Ningxia Hui Autonomous Region" in html
    assert "16 + 0" in html


def test_the_coordinator_country_filter_keeps_committees_coordinated_from_that_country(admin_client):
    response = admin_client.get(CHANGELIST, {"coordinator_country": "JP"})
    shown = sorted(c.slug for c in response.context["cl"].result_list)
    assert shown == ["disaster-prevention", "education-and-culture", "environment"]


def test_the_dormancy_filter_keeps_committees_eligible_for_a_change(admin_client, make_event):
    make_event(Committee.objects.get(slug="sports"), timezone.localdate())
    response = admin_client.get(CHANGELIST, {"dormant": "no"})
    assert "sports" in [c.slug for c in response.context["cl"].result_list]


def test_the_change_form_has_the_coordinator_terms_inline(admin_client):
    committee = Committee.objects.get(slug="tourism")
    response = admin_client.get(f"{CHANGELIST}{committee.pk}/change/")
    assert response.status_code == 200
    assert "coordinator_terms-TOTAL_FORMS" in response.content.decode()


def test_an_import_with_bad_rows_writes_nothing_and_lists_every_bad_row(admin_client):
    before = Committee.objects.count()
    response = post_import(
        admin_client,
        [
            "new-committee,New Committee,新委员会,active,,,2024,",
            "another,Another Committee,另一个,dissolved,,,2024,",
            "tourism,Tourism Committee,旅游专门委员会,renamed,2024-01-01,no-such-committee,2008,2",
        ],
    )
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [2, 3]
    assert "Value 'dissolved' is not a valid choice." in result.invalid_rows[0].error_dict["status"]
    assert result.invalid_rows[1].error_dict["successor"] == [
        "No specialized committee has the slug “no-such-committee”."
    ]
    assert "confirm_form" not in response.context
    assert Committee.objects.count() == before
    assert not Committee.objects.filter(slug="new-committee").exists()


def test_the_confirm_step_also_rolls_back_when_a_row_turns_out_bad():
    kwargs = CommitteeAdmin(Committee, admin.site).get_import_data_kwargs(request=None, form=None)
    assert kwargs["rollback_on_validation_errors"] is True
    dataset = tablib.Dataset(headers=HEADER.split(","))
    dataset.append(["new-committee", "New Committee", "新委员会", "active", "", "", "2024", ""])
    dataset.append(["another", "Another Committee", "另一个", "active", "2024-01-01", "", "2024", ""])
    result = CommitteeResource().import_data(dataset, dry_run=False, **kwargs)
    assert [row.number for row in result.invalid_rows] == [2]
    assert not Committee.objects.filter(slug="new-committee").exists()


def test_a_good_import_is_previewed_then_written_on_confirmation(admin_client):
    response = post_import(admin_client, ["new-committee,New Committee,新委员会,active,,,2024,"])
    confirm = response.context["confirm_form"].initial
    response = admin_client.post(f"{CHANGELIST}process_import/", confirm)
    assert response.status_code == 302
    created = Committee.objects.get(slug="new-committee")
    assert (created.name_en, created.name_zh_hans, created.established_year) == ("New Committee", "新委员会", 2024)


def test_importing_needs_the_add_and_change_permissions(client):
    user = User.objects.create_user("viewer", password="a-long-enough-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_committee"))
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}import/").status_code == 403


def test_an_export_imports_back_without_changes():
    dataset = CommitteeResource().export(Committee.objects.all())
    assert "name_ru" in dataset.headers and "name" not in dataset.headers
    result = CommitteeResource().import_data(dataset, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == Committee.objects.count()


def test_exports_escape_spreadsheet_formulae():
    Committee.objects.filter(slug="sports").update(source='=HYPERLINK("http://x")', name_en="+Sports", name_ru="@x")
    dataset = CommitteeResource().export(Committee.objects.filter(slug="sports"))
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["source"], row["name_en"], row["name_ru"]) == ('\'=HYPERLINK("http://x")', "'+Sports", "'@x")


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("-2", "-2"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0x", "'\0x"),
        ("Tourism", "Tourism"),
        (3, 3),
    ],
)
def test_escape_formula(value, escaped):
    assert escape_formula(value) == escaped


def inline_data(committee, rows):
    """The change form's POST data: the committee's own fields unchanged, the given term rows."""
    data = {f"{field}": getattr(committee, field) or "" for field in ("slug", "status", "name_en")}
    data.update(
        {
            "coordinator_terms-TOTAL_FORMS": len(rows),
            "coordinator_terms-INITIAL_FORMS": 0,
            "coordinator_terms-MIN_NUM_FORMS": 0,
            "coordinator_terms-MAX_NUM_FORMS": 1000,
        }
    )
    for i, (member, started_on, ended_on) in enumerate(rows):
        data.update(
            {
                f"coordinator_terms-{i}-member": member.pk,
                f"coordinator_terms-{i}-started_on": started_on,
                f"coordinator_terms-{i}-start_precision": "day" if started_on else "",
                f"coordinator_terms-{i}-ended_on": ended_on,
                f"coordinator_terms-{i}-end_precision": "day" if ended_on else "",
            }
        )
    return data


def test_overlapping_terms_in_the_change_form_are_refused_in_words(admin_client, make_committee, member):
    committee = make_committee(established_on=None)
    rows = [(member("hyogo"), "2010-01-01", "2014-01-01"), (member("hyogo"), "2013-01-01", "")]
    response = admin_client.post(f"{CHANGELIST}{committee.pk}/change/", inline_data(committee, rows))
    assert response.status_code == 200
    assert "Hyogo Prefecture has two overlapping terms on this committee." in response.content.decode()
    assert committee.coordinator_terms.count() == 0


def test_successive_terms_in_the_change_form_are_saved(admin_client, make_committee, member):
    committee = make_committee(established_on=None)
    rows = [
        (member("hyogo"), "2010-01-01", "2014-01-01"),
        (member("hyogo"), "2014-01-01", ""),
        (member("kyoto"), "2012-01-01", ""),
    ]
    response = admin_client.post(f"{CHANGELIST}{committee.pk}/change/", inline_data(committee, rows))
    assert response.status_code == 302
    assert committee.coordinator_terms.count() == 3


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((datetime.date(2010, 1, 1), datetime.date(2012, 1, 1)), (datetime.date(2012, 1, 1), None), False),
        ((datetime.date(2010, 1, 1), datetime.date(2012, 1, 2)), (datetime.date(2012, 1, 1), None), True),
        ((None, None), (datetime.date(2012, 1, 1), None), True),
        ((None, datetime.date(2000, 1, 1)), (datetime.date(2000, 1, 1), None), False),
    ],
)
def test_periods_overlap_as_postgresql_dateranges_do(a, b, overlap):
    assert periods_overlap(a, b) is overlap
    assert periods_overlap(b, a) is overlap
