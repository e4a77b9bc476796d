"""Inputs an attacker sends that once gave a 500: each must get a normal answer (issue 13, point 5)."""

import pytest
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/ja/members/", "/en/no-such-page/", "/admin/", "/healthz"])
@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_a_host_not_in_allowed_hosts_is_a_translated_400_not_500(client, settings, path, cache_seconds):
    settings.PUBLIC_PAGE_CACHE_SECONDS = cache_seconds
    response = client.get(path, HTTP_HOST="attacker.example")
    assert response.status_code == 400
    body = response.content.decode()
    language = "ja" if path.startswith("/ja/") else "en"
    with translation.override(language):
        assert f"<h1>{translation.gettext('Bad request')}</h1>" in body
    assert f'<html lang="{language}">' in body
    # The language links of the error page stay on the page's own address, never the bad host.
    assert "attacker.example" not in body


def changelist_urls_with_bad_filters():
    """For every registered admin, the first field of each kind with a value PostgreSQL refuses.

    A regex that does not compile, a year no date has, a number no column holds.
    """
    from django.contrib import admin
    from django.db import models

    bad_values = [
        ((models.CharField, models.TextField), "__regex=%5C"),  # a lone backslash
        ((models.DateField,), "__year=99999999999999999999"),
        ((models.IntegerField, models.DecimalField), "__gt=" + "9" * 40),
    ]
    cases = []
    for model, _model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        for kinds, query in bad_values:
            field = next((field for field in fields if isinstance(field, kinds)), None)
            if field is not None and (url, field.name + query) not in cases:
                cases.append((url, field.name + query))
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize("url, query", changelist_urls_with_bad_filters())
def test_an_admin_list_filter_the_database_refuses_is_never_a_500(admin_client, url, query):
    response = admin_client.get(f"{url}?{query}")
    # Django's own answers: the list without the filter it cannot apply (?e=1), the list with
    # no row (a number no column holds), or 400 for a lookup it forbids (a user's password).
    answer = (response.status_code, response.get("Location"))
    assert answer in {(302, f"{url}?e=1"), (200, None), (400, None)}
    if answer[0] == 302:
        assert admin_client.get(f"{url}?e=1").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, query",
    [
        ("/admin/members/membergovernment/", "name_en__regex=%5C"),
        ("/admin/dues/payment/", "paid_on__year=99999999999999999999"),
    ],
)
def test_the_filters_found_by_hand_give_the_list_without_them(admin_client, url, query):
    response = admin_client.get(f"{url}?{query}")
    assert (response.status_code, response["Location"]) == (302, f"{url}?e=1")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label", ["assemblies.resolution", "instruments.amendment", "dues.payment", "assemblies.ballot"]
)
def test_nobody_deletes_a_resolution_an_amendment_a_payment_or_a_ballot_superusers_included(admin_client, label):
    from django.apps import apps
    from django.contrib import admin

    model = apps.get_model(label)
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    if model not in admin.site._registry:
        return  # ballots are written through the poll's grid, not an admin of their own
    response = admin_client.get(url)
    assert "delete_selected" not in admin.site._registry[model].get_actions(response.wsgi_request)
    obj = model.objects.first()
    if obj is not None:  # the real data holds no payment
        assert admin_client.get(f"{url}{obj.pk}/delete/").status_code == 403
        assert admin_client.post(f"{url}{obj.pk}/delete/", {"post": "yes"}).status_code == 403
        assert model.objects.filter(pk=obj.pk).exists()
