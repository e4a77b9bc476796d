"""The documents library, a document's page and its files: filters, query counts, restricted access."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def symbols(response):
    return re.findall(r'<p class="document-symbol"><code>([^<]+)</code>', response.content.decode())


def test_the_library_lists_the_resolutions_newest_first(client):
    shown = symbols(client.get("/en/documents/"))
    assert shown[:2] == ["NEAR/GA/13/RES/1", "NEAR/GA/13/RES/2"]
    assert len(shown) == 16


@pytest.mark.parametrize(
    "query, expected",
    [
        ("body=WC", ["NEAR/WC/11/RES/1", "NEAR/WC/11/RES/2"]),
        ("year=2016", ["NEAR/GA/11/RES/1", "NEAR/GA/11/RES/2"]),
        ("kind=minutes", []),
        ("kind=resolution&year=1996", ["NEAR/GA/1/RES/1"]),
    ],
)
def test_the_library_filters(client, query, expected):
    assert symbols(client.get(f"/en/documents/?{query}")) == expected


def test_the_language_filter_keeps_documents_with_a_file_in_that_language(client, make_document, attach):
    attach(make_document(number=7), "ja")
    assert symbols(client.get("/en/documents/?language=ja")) == ["NEAR/GA/12/DOC/7"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("kind=bogus", "“bogus” is not a kind of document."),
        ("body=XX", "“XX” is not a body that issues documents."),
        ("year=18", "The year must be written with four digits, for example 2018."),
        ("language=fr", "“fr” is not one of the portal&#x27;s languages."),
        ("page=0", "The page number must be a whole number such as 2."),
    ],
)
def test_a_filter_it_cannot_read_is_a_400_that_says_why(client, query, message):
    response = client.get(f"/en/documents/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_400_speaks_the_page_language(client):
    response = client.get("/ru/documents/?kind=bogus")
    assert response.status_code == 400
    assert "«bogus» не является видом документа." in response.content.decode()


def test_the_library_takes_a_fixed_number_of_queries(client, django_assert_num_queries, make_document, attach):
    for number in range(1, 4):
        attach(make_document(number=number), "en")
    # count, page, files of the page, years
    with django_assert_num_queries(4):
        client.get("/en/documents/")
    with django_assert_num_queries(4):
        client.get("/zh-hans/documents/?kind=report&body=GA&year=2018&language=en")


def test_a_documents_page_shows_its_language_versions(client, make_document, attach, django_assert_num_queries):
    document = make_document(number=9, title_zh_hans="报告")
    attach(document, "en")
    zh = attach(document, "zh-hans")
    with django_assert_num_queries(2):  # the document with what it belongs to, its files
        response = client.get("/zh-hans/documents/NEAR/GA/12/DOC/9/")
    page = response.content.decode()
    assert "<h1>报告</h1>" in page
    assert f'href="/zh-hans/documents/files/{zh.pk}/" hreflang="zh-hans"' in page
    assert 'href="/zh-hans/assemblies/12/"' in page
    assert client.get("/en/documents/NEAR/GA/12/DOC/99/").status_code == 404


def test_a_public_file_downloads_with_its_symbol_as_name(client, make_document, attach):
    version = attach(make_document(number=10), "ko")
    response = client.get(f"/en/documents/files/{version.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="NEAR-GA-12-DOC-10-ko.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_restricted_file_needs_the_permission_not_only_staff(client, django_user_model, make_document, attach):
    version = attach(make_document(number=11, access="restricted"), "en")
    url = f"/en/documents/files/{version.pk}/"
    assert client.get(url).status_code == 404
    staff = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 404
    page = client.get("/en/documents/NEAR/GA/12/DOC/11/").content.decode()
    assert "The files of this document are restricted to the secretariat." in page
    staff.user_permissions.add(Permission.objects.get(codename="view_restricted_document"))
    staff = django_user_model.objects.get(pk=staff.pk)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_admin_edits_documents_in_six_language_tabs(admin_client):
    page = admin_client.get("/admin/documents/document/1/change/").content.decode()
    assert all(f'name="title_{code}"' in page for code in ("en", "mn", "zh_hans", "ko", "ja", "ru"))
    assert "NEAR/GA/1/RES/1" in page


def test_the_document_and_news_forms_search_events_instead_of_listing_every_one(admin_client):
    from events.models import Event

    Event.objects.bulk_create(
        Event(
            kind="other",
            title_en=f"Listed event {n}",
            slug=f"listed-event-{n}",
            start_date=datetime.date(2030, 1, 1),
            organised_by_secretariat=True,
        )
        for n in range(300)
    )
    for address, field in (
        ("/admin/documents/document/1/change/", "event"),
        ("/admin/documents/newsitem/add/", "events"),
    ):
        page = admin_client.get(address).content.decode()
        assert "Listed event" not in page
        assert f'data-field-name="{field}"' in page  # the autocomplete widget
