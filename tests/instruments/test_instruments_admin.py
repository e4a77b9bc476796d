"""The admin: instruments, articles with their history, versions in six tabs, and the form that
applies an amendment in one transaction."""

import pytest
from django.urls import reverse

from instruments.models import Amendment, Article, ArticleVersion, Instrument

pytestmark = pytest.mark.django_db


def test_the_admin_lists_of_the_instruments_open(admin_client):
    for model in ("instrument", "article", "articleversion", "amendment"):
        assert admin_client.get(reverse(f"admin:instruments_{model}_changelist")).status_code == 200


def test_an_article_admin_page_shows_its_history(admin_client):
    article = Article.objects.get(instrument__slug="charter", key="art-10")
    page = admin_client.get(reverse("admin:instruments_article_change", args=[article.pk])).content.decode()
    assert page.count("instruments/articleversion/") >= 4
    for start in ("Sept. 12, 1996", "Oct. 21, 1998", "Oct. 22, 2014", "Oct. 29, 2018"):
        assert start in page


def test_a_version_admin_page_has_six_language_tabs(admin_client):
    version = ArticleVersion.objects.filter(article__key="art-4-2").first()
    page = admin_client.get(reverse("admin:instruments_articleversion_change", args=[version.pk])).content.decode()
    for suffix in ("en", "mn", "zh_hans", "ko", "ja", "ru"):
        assert f'name="title_{suffix}"' in page


def test_the_amendment_list_offers_the_amendment_form(admin_client):
    page = admin_client.get(reverse("admin:instruments_amendment_changelist")).content.decode()
    assert reverse("admin:instruments_amendment_apply") in page
    assert admin_client.get(reverse("admin:instruments_amendment_apply")).status_code == 200


def form_data(article_number, zh_text, en_text):
    charter = Instrument.objects.get(slug="charter")
    return {
        "instrument": charter.pk,
        "effective_on": "2025-03-01",
        "body": "general_assembly",
        "session_en": "14th General Assembly",
        "summary_en": "Article 19 clarified.",
        "changes-TOTAL_FORMS": "3",
        "changes-INITIAL_FORMS": "0",
        "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "1000",
        "changes-0-article": article_number,
        "changes-0-action": "amend",
        "changes-0-title_zh_hans": "联合会创立会员范围",
        "changes-0-title_en": "Founding members",
        "changes-0-text_zh_hans": zh_text,
        "changes-0-text_en": en_text,
        "changes-1-action": "amend",
        "changes-2-action": "amend",
    }


def test_the_amendment_form_applies_the_new_wording(admin_client):
    data = form_data(
        "19",
        "联合会的创立会员为出席1996年庆州会议的地方政府。",
        "The founding members are the governments that attended the 1996 Gyeongju conference.",
    )
    response = admin_client.post(reverse("admin:instruments_amendment_apply"), data)
    amendment = Amendment.objects.get(instrument__slug="charter", effective_on="2025-03-01")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:instruments_amendment_change", args=[amendment.pk])
    version = amendment.versions.get()
    assert (version.article.key, version.title_en) == ("art-19", "Founding members")
    assert list(version.paragraphs.values_list("number", "text_zh_hans")) == [
        ("", "联合会的创立会员为出席1996年庆州会议的地方政府。")
    ]


def test_a_failing_amendment_form_saves_nothing_and_says_why(admin_client):
    counts = (Amendment.objects.count(), ArticleVersion.objects.count())
    data = form_data("99", "无此条。", "No such article.")
    response = admin_client.post(reverse("admin:instruments_amendment_apply"), data)
    assert response.status_code == 200
    assert "The instrument has no article &#x27;99&#x27;." in response.content.decode()
    assert (Amendment.objects.count(), ArticleVersion.objects.count()) == counts


def test_the_form_refuses_translations_with_a_different_number_of_lines(admin_client):
    data = form_data("19", "第一行。\n第二行。", "Only one line.")
    response = admin_client.post(reverse("admin:instruments_amendment_apply"), data)
    assert response.status_code == 200
    assert (
        "The English text has a different number of lines (1) from the Chinese text (2)." in response.content.decode()
    )
    assert not Amendment.objects.filter(effective_on="2025-03-01").exists()
