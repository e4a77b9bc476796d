"""Admin import and export of member governments: all-or-nothing imports, safe exports."""

import re

import pytest
import tablib
from django.urls import reverse

from core.importexport import escape_formula, unescape_formula
from members.models import MemberGovernment
from members.resources import MemberGovernmentResource

pytestmark = pytest.mark.django_db

HEADERS = [
    "slug",
    "country",
    "kind",
    "list_position",
    "website",
    "name_en",
    "name_mn",
    "name_zh_hans",
    "name_ko",
    "name_ja",
    "name_ru",
]


def csv_file(rows):
    data = tablib.Dataset(*rows, headers=HEADERS)
    return data.export("csv").encode("utf-8")


def post_import(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("members.csv", content, content_type="text/csv")
    url = reverse("admin:members_membergovernment_import")
    return client.post(url, {"import_file": upload, "format": "0"})


GOOD_ROW = [
    "tianjin",
    "CN",
    "municipality",
    "",
    "",
    "Tianjin Municipality",
    "Тяньжинь хот",
    "天津市",
    "톈진시",
    "天津市",
    "Город Тяньцзинь",
]
NEW_ROW = [
    "test-oblast",
    "RU",
    "oblast",
    "",
    "",
    "Test Oblast",
    "Тест муж",
    "测试州",
    "테스트주",
    "テスト州",
    "Тестовая область",
]


def test_import_with_one_bad_row_writes_nothing_and_names_the_row(admin_client):
    before = MemberGovernment.objects.count()
    bad = ["nowhere", "XX", "province", "", "", "Nowhere", "", "", "", "", ""]
    response = post_import(admin_client, csv_file([NEW_ROW, bad]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "country &#x27;XX&#x27; is not one of CN, JP, KR, MN, RU, KP, VN" in text
    # The preview's "Row" column numbers data rows from 1: the bad row is the second.
    assert re.search(r'<td>\s*2\s*</td>\s*<td class="errors">', text)
    assert len(re.findall(r'<td class="errors">', text)) == 1
    assert MemberGovernment.objects.count() == before
    assert not MemberGovernment.objects.filter(slug="test-oblast").exists()


def test_confirmed_import_with_an_invalid_row_rolls_back_everything(admin_client):
    """Even when called directly, the confirm step keeps the all-or-nothing rule."""
    resource = MemberGovernmentResource()
    duplicate_name = ["other-tianjin", "CN", "municipality", "", "", "Tianjin Municipality", "", "", "", "", ""]
    dataset = tablib.Dataset(NEW_ROW, duplicate_name, headers=HEADERS)
    from members.admin import MemberGovernmentAdmin

    kwargs = MemberGovernmentAdmin.get_import_data_kwargs(MemberGovernmentAdmin.__new__(MemberGovernmentAdmin))
    result = resource.import_data(dataset, dry_run=False, **kwargs)
    assert result.has_validation_errors() is True
    assert [row.number for row in result.invalid_rows] == [2]
    assert not MemberGovernment.objects.filter(slug__in=["test-oblast", "other-tianjin"]).exists()


def test_valid_import_creates_the_government_with_an_admission_record(admin_client):
    response = post_import(admin_client, csv_file([NEW_ROW]))
    assert response.status_code == 200
    assert "confirm" in response.content.decode().lower()
    confirm = response.context["confirm_form"].initial
    response = admin_client.post(reverse("admin:members_membergovernment_process_import"), confirm)
    assert response.status_code == 302
    created = MemberGovernment.objects.get(slug="test-oblast")
    assert (created.name_ru, created.country.code, created.membership_type) == ("Тестовая область", "RU", "member")
    assert [(e.kind, e.date) for e in created.membership_events.all()] == [("admitted", None)]


def test_import_needs_add_and_change_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", password="x-secret-pass-1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_membergovernment"))
    client.force_login(user)
    response = client.get(reverse("admin:members_membergovernment_import"))
    assert response.status_code == 403


def test_export_round_trips_every_language_column():
    exported = MemberGovernmentResource().export()
    assert exported.headers == HEADERS + ["membership_type", "admitted"]
    assert len(exported) == 82
    liaoning = next(row for row in exported.dict if row["slug"] == "liaoning")
    assert (liaoning["name_zh_hans"], liaoning["name_mn"], liaoning["admitted"]) == (
        "辽宁省",
        "Ляонин муж",
        "2021-08-10",
    )
    result = MemberGovernmentResource().import_data(
        exported, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    assert result.has_errors() is False
    assert result.has_validation_errors() is False
    assert result.totals["skip"] == 82


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+7 495", "'+7 495"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0x", "'\0x"),
        ("Hyogo", "Hyogo"),
        ("", ""),
    ],
)
def test_export_escapes_formulae_and_import_undoes_it(value, escaped):
    assert escape_formula(value) == escaped
    assert unescape_formula(escaped) == value


def test_exported_name_starting_with_a_formula_is_escaped_in_the_file():
    MemberGovernment.objects.filter(slug="tianjin").update(name_en='=HYPERLINK("http://x")')
    exported = MemberGovernmentResource().export()
    row = next(row for row in exported.dict if row["slug"] == "tianjin")
    assert row["name_en"] == '\'=HYPERLINK("http://x")'


def test_xlsx_import_with_a_bad_row_writes_nothing(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = ["nowhere", "ZZ", "province", "", "", "Nowhere", "", "", "", "", ""]
    content = tablib.Dataset(NEW_ROW, bad, headers=HEADERS).export("xlsx")
    upload = SimpleUploadedFile("members.xlsx", content)
    response = admin_client.post(
        reverse("admin:members_membergovernment_import"), {"import_file": upload, "format": "1"}
    )
    assert "country &#x27;ZZ&#x27; is not one of" in response.content.decode()
    assert not MemberGovernment.objects.filter(slug="test-oblast").exists()


def test_admin_offers_exactly_csv_and_xlsx(admin_client):
    html = admin_client.get(reverse("admin:members_membergovernment_import")).content.decode()
    assert re.findall(r'<option value="\d+"[^>]*>([a-z]+)</option>', html) == ["csv", "xlsx"]
