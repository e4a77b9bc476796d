"""Admin of the dues: only the finance officer and superusers change records; others view."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from dues.ledger import FINANCE_OFFICER_GROUP
from dues.models import DUES_MODELS, Assessment, BudgetLine, MeetingCost
from events.models import Event
from members.models import MemberGovernment
from tests.dues.factories import D, make_member, open_period, pay

pytestmark = pytest.mark.django_db

# Budget lines are edited inside their budget.
ADMIN_MODELS = [model for model in DUES_MODELS if model is not BudgetLine]


def dues_permissions(*actions):
    codenames = [f"{action}_{model._meta.model_name}" for model in DUES_MODELS for action in actions]
    return Permission.objects.filter(content_type__app_label="dues", codename__in=codenames)


def staff(django_user_model, name, *, group=None, actions=("view", "add", "change", "delete")):
    user = django_user_model.objects.create_user(name, is_staff=True)
    user.user_permissions.set(dues_permissions(*actions))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.model_name)
def test_every_dues_list_opens_for_the_finance_officer_and_a_viewer(client, django_user_model, model):
    officer = staff(django_user_model, "officer", group=FINANCE_OFFICER_GROUP)
    viewer = staff(django_user_model, "viewer", actions=("view",))
    url = reverse(f"admin:dues_{model._meta.model_name}_changelist")
    for user in (officer, viewer):
        client.force_login(user)
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.model_name)
def test_staff_outside_the_finance_officer_group_cannot_add_even_with_the_permission(client, django_user_model, model):
    client.force_login(staff(django_user_model, "editor"))
    assert client.get(reverse(f"admin:dues_{model._meta.model_name}_add")).status_code == 403


def test_a_viewer_sees_a_payment_but_cannot_change_it(client, django_user_model):
    payment = pay(make_member("viewed"), D(2022, 3, 1), "10.00")
    client.force_login(staff(django_user_model, "editor"))
    url = reverse("admin:dues_payment_change", args=[payment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    response = client.post(url, {"reversed_on": "2022-03-02", "reversal_reason": "Returned"})
    assert response.status_code == 403


def test_the_finance_officer_records_a_payment_in_won_and_the_dollars_follow(client, django_user_model):
    client.force_login(staff(django_user_model, "officer", group=FINANCE_OFFICER_GROUP))
    member = MemberGovernment.objects.get(slug="hyogo")
    response = client.post(
        reverse("admin:dues_payment_add"),
        {
            "member": member.pk,
            "paid_on": "2022-03-15",
            "amount": "1305500",
            "currency": "KRW",
            "exchange_rate": "1305.50",
            "bank_reference": "KB-ADMIN-1",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert member.dues_payments.get().amount_usd == Decimal("1000.00")


def test_payments_are_reversed_never_deleted_even_by_a_superuser(admin_client):
    payment = pay(make_member("kept"), D(2022, 3, 1), "10.00")
    assert admin_client.get(reverse("admin:dues_payment_delete", args=[payment.pk])).status_code == 403
    response = admin_client.get(reverse("admin:dues_payment_change", args=[payment.pk]))
    assert set(response.context["adminform"].form.fields) == {"reversed_on", "reversal_reason"}


def test_generating_assessments_from_the_admin_is_idempotent(admin_client):
    period = open_period(first=2022, last=2022)
    url = reverse("admin:dues_assessmentperiod_changelist")
    data = {"action": "generate_assessments", "_selected_action": [period.pk]}
    response = admin_client.post(url, data, follow=True)
    assert "79 assessments created." in [str(m) for m in response.context["messages"]]
    response = admin_client.post(url, data, follow=True)
    assert "0 assessments created." in [str(m) for m in response.context["messages"]]
    assert Assessment.objects.filter(fiscal_year=2022).count() == 79


def test_the_meeting_cost_form_shows_the_shares(admin_client):
    event = Event.objects.create(kind="general_assembly", title_en="Assembly", slug="ga-test", start_date=D(2022, 9, 1))
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event.hosts.add(host)
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("7800.00"))
    html = admin_client.get(reverse("admin:dues_meetingcost_change", args=[cost.pk])).content.decode()
    assert "<td>7800.00</td>" in html  # no other member took part: the host bears everything
