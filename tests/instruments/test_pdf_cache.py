"""A PDF is rendered once per content version and language, whatever the query string (issue 13, point 8)."""

import pytest
from django.core.cache import cache

from core import caching
from instruments import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    calls = []

    def fake_render(request, context):
        calls.append((context["instrument"].slug, context["on"].isoformat()))
        return b"%PDF-1.4 rendered " + str(len(calls)).encode()

    monkeypatch.setattr(views, "render_pdf", fake_render)
    yield calls
    cache.clear()


def test_junk_query_strings_do_not_render_the_pdf_again(client, renders):
    bodies = {client.get(f"/en/charter/pdf/?junk={n}").content for n in range(5)}
    assert bodies == {b"%PDF-1.4 rendered 1"}
    assert len(renders) == 1


def test_each_language_day_in_force_and_content_version_renders_its_own(client, renders):
    client.get("/en/charter/pdf/")
    client.get("/ja/charter/pdf/")
    client.get("/en/charter/pdf/?on=2017-01-01")
    client.get("/en/charter/pdf/?on=2017-01-01&x=1")
    assert len(renders) == 3
    caching._next_version()  # a change of the record
    client.get("/en/charter/pdf/?y=2")
    assert len(renders) == 4
