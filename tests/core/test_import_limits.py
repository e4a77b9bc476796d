"""Imports are bounded before the file is parsed: at most IMPORT_MAX_ROWS rows and IMPORT_MAX_BYTES (issue 13, point 9)."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from core import importexport
from members.models import MemberGovernment

pytestmark = pytest.mark.django_db

HEADERS = ["slug", "country", "kind", "name_en"]
URL = "/admin/members/membergovernment/import/"


def rows(count):
    return [[f"test-{n}", "CN", "province", f"Test {n}"] for n in range(count)]


def post(client, name, content, format_index):
    return client.post(URL, {"import_file": SimpleUploadedFile(name, content), "format": format_index})


def file_errors(response):
    return response.context["form"].errors.get("import_file")


def test_a_csv_of_more_rows_than_the_limit_is_refused_before_it_is_read(admin_client):
    content = tablib.Dataset(*rows(importexport.IMPORT_MAX_ROWS + 1), headers=HEADERS).export("csv").encode()
    response = post(admin_client, "members.csv", content, "0")
    assert file_errors(response) == [
        "The file has more than 2000 rows; at most 2000 are imported at once. Split it and import each part."
    ]
    assert MemberGovernment.objects.filter(slug__startswith="test-").count() == 0


def test_a_csv_at_the_row_limit_passes_the_check(admin_client, monkeypatch):
    monkeypatch.setattr(importexport, "IMPORT_MAX_ROWS", 3)
    content = tablib.Dataset(*rows(3), headers=HEADERS).export("csv").encode()
    assert file_errors(post(admin_client, "members.csv", content, "0")) is None


def test_an_xlsx_of_more_rows_than_the_limit_is_refused_without_reading_it_all(admin_client, monkeypatch):
    monkeypatch.setattr(importexport, "IMPORT_MAX_ROWS", 5)
    content = tablib.Dataset(*rows(6), headers=HEADERS).export("xlsx")
    response = post(admin_client, "members.xlsx", content, "1")
    assert file_errors(response) == [
        "The file has more than 5 rows; at most 5 are imported at once. Split it and import each part."
    ]


def test_a_file_larger_than_the_limit_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(importexport, "IMPORT_MAX_BYTES", 100)
    content = tablib.Dataset(*rows(10), headers=HEADERS).export("csv").encode()
    response = post(admin_client, "members.csv", content, "0")
    assert file_errors(response) == [
        f"The file is {len(content)}\xa0bytes; files of at most 100\xa0bytes are imported. Split it and import each part."
    ]


def test_the_row_count_stops_at_the_limit():
    content = tablib.Dataset(*rows(50), headers=HEADERS).export("xlsx")
    assert importexport.count_rows(content, limit=10) == 11
    assert importexport.count_rows(b"a\nb\nc\n", limit=10) == 3
