"""Import of the bank's payment lists in the admin: all or nothing, every bad row named."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import tablib
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dues.ledger import FINANCE_OFFICER_GROUP
from dues.models import Payment
from tests.dues.factories import D, make_member, pay

pytestmark = pytest.mark.django_db

HEADERS = ["date", "member", "amount", "currency", "exchange_rate", "bank_reference", "note"]
GOOD = ["2022-03-15", "hyogo", "1,305,500", "KRW", "1305.50", "KB-2022-0315-01", "Dues 2022"]
GOOD_USD = ["2022-03-16", "jilin", "1000", "USD", "", "KB-2022-0316-01", ""]


@pytest.fixture
def finance_officer(client, django_user_model):
    """A staff member of the "Finance officer" group, with the permissions the roles give it."""
    user = django_user_model.objects.create_user("finance", is_staff=True)
    user.groups.add(Group.objects.get(name=FINANCE_OFFICER_GROUP))
    client.force_login(user)
    return client


def upload(client, rows, *, name="payments.csv", content=None, fmt="0"):
    content = content or tablib.Dataset(*rows, headers=HEADERS).export("csv").encode("utf-8")
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("admin:dues_payment_import"), {"import_file": upload, "format": fmt})


def test_a_file_with_bad_rows_writes_nothing_and_lists_every_bad_row_with_its_reason(finance_officer):
    pay(make_member("earlier"), D(2022, 1, 5), "10.00", reference="KB-2022-0105-01")
    before = Payment.objects.count()
    rows = [
        GOOD,
        ["2022-03-15", "atlantis", "1000", "USD", "", "KB-X-1", ""],  # unknown member
        ["2022-03-15", "hyogo", "1000", "USD", "", "KB-2022-0105-01", ""],  # reference already recorded
        ["2022-03-15", "hyogo", "12O0", "USD", "", "KB-X-2", ""],  # letter O in the amount
        ["2022-02-30", "hyogo", "1000", "USD", "", "KB-X-3", ""],  # no such day
        ["2022-03-15", "hyogo", "-5", "USD", "", "KB-X-4", ""],  # not above zero
        ["2022-03-15", "hyogo", "1000", "EUR", "", "KB-X-5", ""],  # currency
        ["2022-03-15", "hyogo", "1300000", "KRW", "", "KB-X-6", ""],  # won without a rate
        GOOD_USD,
        ["2022-03-17", "jilin", "1000", "USD", "", "KB-2022-0316-01", ""],  # repeated in the file
    ]
    response = upload(finance_officer, rows)
    assert response.status_code == 200
    result = response.context["result"]
    errors = {
        row.number: {field: [str(e) for e in errs] for field, errs in row.field_specific_errors.items()}
        for row in result.invalid_rows
    }
    assert errors == {
        2: {"member": ["No member government has the slug “atlantis”."]},
        3: {"bank_reference": ["A payment with this bank reference is already recorded."]},
        4: {"amount": ["'12O0' is not a number"]},
        5: {"paid_on": ["'2022-02-30' is not a date written YYYY-MM-DD"]},
        6: {"amount": ["'-5' is not an amount above zero"]},
        7: {"currency": ["currency 'EUR' is not KRW or USD"]},
        8: {"exchange_rate": ["Enter the exchange rate of the won to the US dollar."]},
        10: {"bank_reference": ["A payment with this bank reference is already recorded."]},
    }
    html = response.content.decode()
    assert "No member government has the slug “atlantis”." in html
    assert Payment.objects.count() == before


def test_a_clean_file_is_previewed_then_written_with_the_dollars_credited(finance_officer):
    response = upload(finance_officer, [GOOD, GOOD_USD])
    assert response.status_code == 200
    assert not response.context["result"].has_validation_errors()
    assert Payment.objects.count() == 0  # the preview writes nothing
    confirm = response.context["confirm_form"].initial
    response = finance_officer.post(reverse("admin:dues_payment_process_import"), confirm)
    assert response.status_code == 302
    assert list(Payment.objects.values_list("member__slug", "amount", "currency", "exchange_rate", "amount_usd")) == [
        ("hyogo", Decimal("1305500.00"), "KRW", Decimal("1305.5000"), Decimal("1000.00")),
        ("jilin", Decimal("1000.00"), "USD", Decimal("1.0000"), Decimal("1000.00")),
    ]


def test_the_confirm_step_keeps_the_all_or_nothing_rule():
    """Called straight with a file that turned bad after the preview, the import still writes nothing."""
    from dues.admin import PaymentAdmin
    from dues.importing import PaymentResource

    kwargs = PaymentAdmin.get_import_data_kwargs(PaymentAdmin.__new__(PaymentAdmin))
    dataset = tablib.Dataset(GOOD, GOOD_USD, ["2022-03-17", "nowhere", "1", "USD", "", "KB-Z", ""], headers=HEADERS)
    result = PaymentResource().import_data(dataset, dry_run=False, **kwargs)
    assert [row.number for row in result.invalid_rows] == [3]
    assert Payment.objects.count() == 0


def test_an_xlsx_list_with_date_cells_imports(finance_officer):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append([datetime.datetime(2022, 4, 1), "hyogo", 1305500, "KRW", 1305.5, "KB-2022-0401-01", None])
    content = io.BytesIO()
    book.save(content)
    formats = finance_officer.get(reverse("admin:dues_payment_import")).context["form"].fields["format"].choices
    xlsx = next(str(value) for value, label in formats if "xlsx" in str(label).lower())
    response = upload(finance_officer, None, name="payments.xlsx", content=content.getvalue(), fmt=xlsx)
    assert not response.context["result"].has_validation_errors()
    finance_officer.post(reverse("admin:dues_payment_process_import"), response.context["confirm_form"].initial)
    assert list(Payment.objects.values_list("paid_on", "amount_usd")) == [(D(2022, 4, 1), Decimal("1000.00"))]


def test_only_the_finance_officer_may_import(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["add_payment", "change_payment", "view_payment"]))
    client.force_login(user)
    assert client.get(reverse("admin:dues_payment_import")).status_code == 403
