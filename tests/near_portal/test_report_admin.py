"""The admin's "Annual reports" page: generate, follow, download and publish editions; messages and secretariat."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile

from near_portal.report import editions
from near_portal.report.models import ReportEdition, SecretariatProfile
from tests.near_portal.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PAGE = "/admin/near_portal/reportedition/"
NOW = datetime.datetime(2019, 3, 4, 10, 0, tzinfo=datetime.UTC)
PAGE_TITLE = {
    "en": "Annual reports",
    "mn": "Жилийн тайлангууд",
    "zh-hans": "年度报告书",
    "ko": "연례보고서",
    "ja": "年次報告書",
    "ru": "Ежегодные отчёты",
}
MISSING_ENGLISH_CHAIR = {
    "en": "message of the Chair",
    "mn": "Мэндчилгээ: Холбооны тэргүүлэгч",
    "zh-hans": "主席寄语",
    "ko": "의장 인사말",
    "ja": "議長のあいさつ",
    "ru": "обращение: Председатель",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def started(monkeypatch):
    """The jobs the admin starts, recorded instead of run."""
    jobs = []
    monkeypatch.setattr(editions, "start_job", jobs.append)
    return jobs


def ready_edition(year=2018, language="en", content=b"%PDF-1.7 stand-in"):
    edition = ReportEdition(year=year, language=language, state="done", sha256="a" * 64, pages=7, generated_at=NOW)
    edition.file.save("x.pdf", ContentFile(content), save=False)
    edition.save()
    return edition


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_lists_missing_messages_and_left_out_sections_in_the_staff_language(admin_client, lang):
    admin_client.cookies["django_language"] = lang
    response = admin_client.get(PAGE, {"year": 2018})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{PAGE_TITLE[lang]}</h1>" in html
    assert f"<li>English: {MISSING_ENGLISH_CHAIR[lang]} — <a href=" in html
    assert len(response.context["missing_messages"]) == 10  # all but the Chinese two
    assert 'http-equiv="refresh"' not in html


def test_missing_messages_link_to_a_prefilled_form(admin_client):
    missing = admin_client.get(PAGE, {"year": 2018}).context["missing_messages"]
    assert missing[0] == {
        "language": "English",
        "author": "the Chair",
        "add_url": "/admin/near_portal/reportmessage/add/?year=2018&language=en&author=chair",
    }
    form = admin_client.get(missing[0]["add_url"]).context["adminform"].form
    assert (form.initial["year"], form.initial["language"], form.initial["author"]) == ("2018", "en", "chair")


def test_page_names_the_sections_the_year_leaves_out_for_lack_of_data(admin_client):
    left_out = admin_client.get(PAGE, {"year": 2018}).context["left_out"]
    assert left_out == ["Dues"]  # no dues are recorded for 2018; every other section has its data
    assert "The Secretariat" in admin_client.get(PAGE, {"year": 2019}).context["left_out"]


def test_generate_records_a_waiting_edition_and_starts_its_job(
    admin_client, admin_user, started, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{PAGE}generate/", {"year": "2018", "language": "ko"})
    edition = ReportEdition.objects.get()
    assert (edition.year, edition.language, edition.state, edition.requested_by) == (2018, "ko", "queued", admin_user)
    assert started == [edition.pk]
    assert response.url == f"{PAGE}?year=2018&language=ko"


def test_page_refreshes_itself_while_an_edition_is_being_generated(admin_client):
    ReportEdition.objects.create(year=2018, language="ko")
    html = admin_client.get(PAGE).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in html
    assert "<script>" not in html  # no inline script (CSP)


def test_generate_refuses_a_bad_year_or_language_and_a_get(admin_client, started):
    admin_client.post(f"{PAGE}generate/", {"year": "1990", "language": "ko"})
    admin_client.post(f"{PAGE}generate/", {"year": "2018", "language": "de"})
    assert admin_client.get(f"{PAGE}generate/").status_code == 405
    assert not ReportEdition.objects.exists()
    assert started == []


def test_download_gives_the_edition_file_as_an_attachment(admin_client):
    edition = ready_edition(content=b"%PDF-1.7 edition")
    response = admin_client.get(f"{PAGE}{edition.pk}/download/")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 edition"
    assert response["Content-Disposition"] == 'attachment; filename="NEAR-annual-report-2018-en.pdf"'
    waiting = ReportEdition.objects.create(year=2018, language="en")
    assert admin_client.get(f"{PAGE}{waiting.pk}/download/").status_code == 404


def test_publish_and_withdraw(admin_client):
    edition = ready_edition()
    admin_client.post(f"{PAGE}{edition.pk}/publish/")
    edition.refresh_from_db()
    assert edition.published
    admin_client.post(f"{PAGE}{edition.pk}/withdraw/")
    edition.refresh_from_db()
    assert not edition.published
    assert admin_client.get(f"{PAGE}{edition.pk}/publish/").status_code == 405


def test_editions_are_listed_with_state_author_checksum_and_actions(admin_client):
    ready_edition()
    ReportEdition.objects.create(year=2018, language="ru", state="failed", error="OSError: disk full")
    html = admin_client.get(PAGE).content.decode()
    assert "a" * 64 in html
    assert "OSError: disk full" in html
    assert html.count(">Download</a>") == 1
    assert html.count(">Publish</button>") == 1


def test_staff_without_permission_cannot_see_generate_or_publish(client):
    user = User.objects.create_user("clerk", password="x" * 12, is_staff=True)
    client.force_login(user)
    assert client.get(PAGE).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_reportedition"))
    client.force_login(user)
    html = client.get(PAGE).content.decode()
    assert "generate/" not in html
    assert client.post(f"{PAGE}generate/", {"year": "2018", "language": "ko"}).status_code == 403
    edition = ready_edition()
    assert client.post(f"{PAGE}{edition.pk}/publish/").status_code == 403


def test_admin_index_links_to_the_annual_reports_page(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert f'<a href="{PAGE}">Annual reports</a>' in html
    assert f"{PAGE}add/" not in html


def test_secretariat_can_be_copied_to_the_next_year(admin_client):
    profile = SecretariatProfile.objects.get(year=2018)
    admin_client.post(
        "/admin/near_portal/secretariatprofile/", {"action": "copy_to_next_year", "_selected_action": [profile.pk]}
    )
    assert SecretariatProfile.objects.get(year=2019).posts.count() == 17
    response = admin_client.post(
        "/admin/near_portal/secretariatprofile/",
        {"action": "copy_to_next_year", "_selected_action": [profile.pk]},
        follow=True,
    )
    assert "2019 already has a secretariat entry." in response.content.decode()


@pytest.mark.parametrize(
    "page", ["/admin/near_portal/secretariatprofile/1/change/", "/admin/near_portal/reportmessage/"]
)
def test_secretariat_and_message_pages_open(admin_client, page):
    assert admin_client.get(page).status_code == 200


def test_the_left_out_sections_are_read_once_until_the_record_changes(
    admin_client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from near_portal.report.models import ReportMessage

    admin_client.get(PAGE, {"year": 2018})
    with django_assert_max_num_queries(12):  # the page without the report's data (45 queries)
        assert admin_client.get(PAGE, {"year": 2018}).context["left_out"] == ["Dues"]
    assert "The Secretariat" in admin_client.get(PAGE, {"year": 2019}).context["left_out"]
    with django_capture_on_commit_callbacks(execute=True):
        ReportMessage.objects.create(year=2018, language="en", author="chair", body="Dear members")
    with django_assert_max_num_queries(60) as queries:
        admin_client.get(PAGE, {"year": 2018})
    assert len(queries) > 40  # read again under the new content version
