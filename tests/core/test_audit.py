"""The audit trail: every record model keeps its history; the admin shows who changed what."""

import pytest
from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core import roles
from core.audit import AUDITED_APPS, NOT_AUDITED, has_history, is_history_model
from members.models import MemberGovernment
from tests.near_portal.admin_forms import admin_form_data

RECORD_MODELS = sorted(
    (
        model
        for app_label in AUDITED_APPS
        for model in apps.get_app_config(app_label).get_models()
        if not is_history_model(model) and model._meta.label_lower not in NOT_AUDITED
    ),
    key=lambda model: model._meta.label_lower,
)


@pytest.mark.parametrize("model", RECORD_MODELS, ids=lambda model: model._meta.label_lower)
def test_every_record_model_keeps_its_history(model):
    assert has_history(model)


@pytest.mark.parametrize(
    "model", [m for m in RECORD_MODELS if m in admin.site._registry], ids=lambda model: model._meta.label_lower
)
def test_every_record_model_in_the_admin_has_a_history_page(model):
    assert isinstance(admin.site._registry[model], SimpleHistoryAdmin)


def test_translated_fields_are_kept_in_every_language():
    history_fields = {field.name for field in MemberGovernment.history.model._meta.fields}
    assert {"name_en", "name_mn", "name_zh_hans", "name_ko", "name_ja", "name_ru"} <= history_fields


@pytest.mark.django_db
def test_the_admin_history_page_shows_who_changed_what(client, staff_in_role):
    editor = staff_in_role(roles.EDITOR)
    client.force_login(editor)
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    change_url = f"/admin/members/membergovernment/{hyogo.pk}/change/"
    data = admin_form_data(client.get(change_url))
    data["name_ja"] = "兵庫県（改）"
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    record = hyogo.history.latest()
    assert (record.history_type, record.history_user, record.name_ja) == ("~", editor, "兵庫県（改）")
    assert record.prev_record.name_ja == "兵庫県"

    client.force_login(staff_in_role(roles.AUDITOR))
    page = client.get(f"/admin/members/membergovernment/{hyogo.pk}/history/")
    assert page.status_code == 200
    text = " ".join(page.content.decode().replace("&nbsp;", " ").split())
    assert f'<a href="/admin/auth/user/{editor.pk}/change/">secretariat-editor</a>' in text
    assert "<strong>Name [ja]:</strong> 兵庫県 &rarr; 兵庫県（改）" in text


@pytest.mark.django_db
def test_an_old_version_can_be_read_but_not_reverted_to(client, staff_in_role):
    client.force_login(staff_in_role(roles.EDITOR))
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    hyogo.name_en = "Hyogo (edited)"
    hyogo.save()
    first = hyogo.history.earliest()
    url = f"/admin/members/membergovernment/{hyogo.pk}/history/{first.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"name_en": first.name_en, "slug": "hyogo"}).status_code == 403
    assert MemberGovernment.objects.get(slug="hyogo").name_en == "Hyogo (edited)"


@pytest.mark.django_db
def test_rows_loaded_from_the_fixtures_have_their_creation_record():
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    first = hyogo.history.earliest()
    assert (first.history_type, first.history_change_reason, first.history_user) == ("+", "Loaded from fixtures/", None)


@pytest.mark.django_db
def test_reloading_the_fixtures_over_an_edit_records_the_change_back():
    from django.core.management import call_command

    hyogo = MemberGovernment.objects.get(slug="hyogo")
    hyogo.name_en = "Hyogo (edited in the admin)"
    hyogo.save()
    call_command("load_near_data", verbosity=0)
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    latest = hyogo.history.latest()
    assert (latest.history_type, latest.history_change_reason, latest.name_en) == (
        "~",
        "Loaded from fixtures/",
        "Hyogo Prefecture",
    )
    assert MemberGovernment.history.filter(history_change_reason="Loaded from fixtures/", history_type="~").count() == 1
