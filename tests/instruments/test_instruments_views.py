"""The public pages of the Charter and the Regulations, in all six languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]
PATHS = {"charter": "charter", "committee-regulation": "regulations/committees", "dues-regulation": "regulations/dues"}


def url(language, path):
    return f"/{language}/{path}/"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS.values())
def test_each_instrument_reads_in_each_language(client, language, path):
    response = client.get(url(language, path))
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS.values())
def test_each_history_reads_in_each_language(client, language, path):
    response = client.get(url(language, f"{path}/history"))
    assert response.status_code == 200
    assert 'id="amendment-2017-09-26"' in response.content.decode() or path == "charter"


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_history_reads_in_each_language(client, language):
    response = client.get(url(language, "charter/history/art-10"))
    assert response.status_code == 200
    assert response.content.decode().count('class="version"') == 4


def test_the_charter_page_shows_the_text_in_the_language_of_the_page(client):
    zh = client.get("/zh-hans/charter/?on=2016-09-27").content.decode()
    ko = client.get("/ko/charter/?on=2016-09-27").content.decode()
    assert "第四条之二" in zh and "联合会的准会员是指位于东北亚以外的亚洲其他地区" in zh
    assert "제4조의2" in ko and "연합의 준회원은 동북아시아 이외의 아시아 지역에" in ko


def test_article_4_2_has_a_stable_anchor_and_is_absent_the_day_before(client):
    assert 'id="art-4-2"' in client.get("/en/charter/?on=2016-09-27").content.decode()
    assert 'id="art-4-2"' not in client.get("/en/charter/?on=2016-09-26").content.decode()


def article_html(page, key):
    start = page.index(f'id="{key}"')
    return page[start : page.index("</article>", start)]


def test_the_page_says_which_earlier_wording_is_not_held(client):
    article_4 = article_html(client.get("/en/charter/?on=2016-09-26").content.decode(), "art-4")
    assert "it gives the wording only from Sept. 27, 2016." in article_4
    assert "reconstructed" not in article_4


def test_reconstructed_wording_is_marked_and_explained(client):
    article_10 = article_html(client.get("/en/charter/?on=2018-10-28").content.decode(), "art-10")
    assert "with the consent of the General Assembly, be set up" in article_10
    assert article_10.count('<span class="tag">reconstructed</span>') == 2
    assert "does not say where in the sentence the deleted words stood" in article_10


def test_days_before_unrecorded_amendments_carry_a_warning(client):
    page = client.get("/en/charter/?on=2003-01-01").content.decode()
    assert "also amended with effect from Sept. 8, 2004" in page
    assert "also amended with effect" not in client.get("/en/charter/?on=2005-01-01").content.decode()


def test_a_day_before_the_instrument_existed_says_so(client):
    page = client.get("/en/regulations/dues/?on=2016-01-01").content.decode()
    # Made on 2016-09-28, in force from 2017-01-01 (supplementary article 1, seed 003 line 1185).
    assert "was not in force on that day: it was made on Sept. 28, 2016 and is in force from Jan. 1, 2017." in page


def test_unofficial_translations_are_marked_and_link_to_the_chinese_text(client):
    en = client.get("/en/charter/").content.decode()
    zh = client.get("/zh-hans/charter/").content.decode()
    assert (
        "Unofficial translation, made for this portal from the Chinese text" in en and 'href="/zh-hans/charter/"' in en
    )
    assert "Unofficial" not in zh and "《2018年年度报告》附录" in zh


@pytest.mark.parametrize(
    ("language", "value", "message"),
    [
        ("en", "2018-02-30", "2018-02-30 is not a day of the calendar."),
        ("en", "29.10.2018", "“29.10.2018” is not a date."),
        ("ko", "2018-13-01", "2018-13-01"),
        ("ru", "abc", "«abc»"),
        ("zh-hans", "20181029", "20181029"),
        ("ja", "0000-01-01", "0000-01-01"),
        ("mn", "2018-10-29T00:00", "2018-10-29T00:00"),
    ],
)
def test_bad_or_impossible_dates_give_a_translated_400(client, language, value, message):
    response = client.get(url(language, "charter"), {"on": value})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    with translation.override(language):
        from django.utils.translation import gettext

        assert gettext("Bad request") in page


@pytest.mark.parametrize("path", ["charter/pdf", "regulations/dues/pdf"])
def test_the_pdf_refuses_bad_dates_too(client, path):
    assert client.get(url("en", path), {"on": "2018-02-31"}).status_code == 400


def test_an_unknown_article_is_a_404(client):
    assert client.get("/en/charter/history/art-99/").status_code == 404


def test_the_text_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # instrument, amendments, headings, versions in force, their paragraphs, instrument menu
    for on in ("1998-01-01", "2020-01-01"):
        with django_assert_num_queries(6):
            assert client.get("/en/charter/", {"on": on}).status_code == 200


def test_the_history_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # instrument, amendments, their versions, article index, instrument menu
    with django_assert_num_queries(5):
        assert client.get("/zh-hans/regulations/committees/history/").status_code == 200


def test_the_article_history_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # instrument, article, versions with amendments, paragraphs, instrument menu
    with django_assert_num_queries(5):
        assert client.get("/ja/regulations/committees/history/art-2/").status_code == 200


def test_the_article_history_shows_a_character_diff_for_chinese(client):
    page = client.get("/zh-hans/charter/history/art-10/").content.decode()
    assert "<del>，经全体会议同意</del>" in page
    assert "<ins>另，新设的专门委员会必须要在全体会议发表、报告。</ins>" in page


def test_the_article_history_shows_a_word_diff_for_english(client):
    page = client.get("/en/charter/history/art-10/").content.decode()
    assert "<del>, with the consent of the General Assembly,</del>" in page


def test_the_timeline_lists_the_articles_each_amendment_touched(client):
    page = client.get("/en/charter/history/").content.decode()
    section = page[page.index('id="amendment-2018-10-29"') :]
    touched = re.findall(r'href="/en/charter/history/([\w-]+)/"', section[: section.index("</ul>")])
    assert touched == ["art-10", "supplementary-2018-10-29"]


def test_the_main_menu_links_to_the_charter(client):
    page = client.get("/ru/").content.decode()
    with translation.override("ru"):
        assert f'href="{reverse("instruments:charter")}"' in page


def test_pages_carry_no_inline_style_or_script(client):
    for path in ("/en/charter/", "/en/charter/history/", "/en/charter/history/art-10/"):
        page = client.get(path).content.decode()
        assert "style=" not in page and "<style" not in page and "<script" not in page


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=30))
def test_any_on_parameter_gives_a_page_or_a_400_never_a_500(client, value):
    response = client.get("/en/regulations/dues/", {"on": value})
    assert response.status_code in (200, 400)
