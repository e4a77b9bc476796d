"""Identical payments posted at the same instant: one is recorded, the others get the form's error."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from dues.models import Payment
from members.models import MemberGovernment

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("real_data_restored", "real_data")]

CLIENTS = 12


def test_twelve_concurrent_identical_payment_posts_record_one_and_answer_the_rest_with_the_form_error(
    django_user_model,
):
    officer = django_user_model.objects.create_superuser("officer", "officer@near.example", None)
    member = MemberGovernment.objects.get(slug="hyogo")
    url = reverse("admin:dues_payment_add")
    data = {
        "member": member.pk,
        "paid_on": "2022-03-15",
        "amount": "1305500",
        "currency": "KRW",
        "exchange_rate": "1305.50",
        "bank_reference": "KB-RACE-1",
        "note": "",
    }
    barrier = threading.Barrier(CLIENTS)
    answers = [None] * CLIENTS

    def post(index):
        client = Client()
        client.force_login(officer)
        try:
            barrier.wait()
            response = client.post(url, data)
            errors = response.context["adminform"].form.errors if response.status_code == 200 else None
            answers[index] = (response.status_code, errors and dict(errors))
        except Exception as error:  # noqa: BLE001 - the answer is what the test inspects
            answers[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    refused = (200, {"bank_reference": ["A payment with this bank reference is already recorded."]})
    assert sorted(answers, key=str) == sorted([(302, None)] + [refused] * (CLIENTS - 1), key=str)
    assert Payment.objects.filter(bank_reference="KB-RACE-1").count() == 1
