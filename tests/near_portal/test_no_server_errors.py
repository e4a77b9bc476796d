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
