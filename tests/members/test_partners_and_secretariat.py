"""The public pages of the partners and the secretariat, in the six languages."""

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]
PARTNERS_TITLE = {
    "en": "Partners",
    "mn": "Түншүүд",
    "zh-hans": "伙伴",
    "ko": "협력 기관",
    "ja": "パートナー",
    "ru": "Партнёры",
}
AER = {
    "en": "Assembly of European Regions",
    "mn": "Европын орон нутгийн зөвлөл",
    "zh-hans": "欧洲地方政府大会",
    "ko": "유럽지역의회",
    "ja": "欧州地域議会",
    "ru": "Ассамблея европейских регионов",
}
SECRETARIAT_TITLE = {
    "en": "Secretariat",
    "mn": "Хэрэг эрхлэх газар",
    "zh-hans": "秘书处",
    "ko": "사무국",
    "ja": "事務局",
    "ru": "Секретариат",
}
SHARES = {"en": "Gyeongsangbuk-do provides 70% of the funds and the City of Pohang 30%."}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partners_page_lists_the_brochures_partners_and_marks_the_earlier_one(
    client, lang, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get(f"/{lang}/partners/")
    html = response.content.decode()
    assert f"<h1>{PARTNERS_TITLE[lang]}</h1>" in html
    assert AER[lang] in html
    assert [p.slug for p in response.context["current"]] == ["aer", "r20", "iclei"]
    assert [p.slug for p in response.context["earlier"]] == ["ivran"]
    assert f'<a href="/{lang}/partners/">{PARTNERS_TITLE[lang]}</a>' in html


def test_the_institute_with_only_an_mou_is_not_a_partner(client):
    html = client.get("/en/partners/").content.decode()
    assert "Heilongjiang" not in html
    assert "older brochure only" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_secretariat_page_shows_its_organisation_staff_and_budget(client, lang, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get(f"/{lang}/secretariat/")
    html = response.content.decode()
    assert f"<h1>{SECRETARIAT_TITLE[lang]}</h1>" in html
    assert f'<a href="/{lang}/secretariat/">{SECRETARIAT_TITLE[lang]}</a>' in html
    assert response.context["profile"].year == 2018
    assert len(response.context["posts"]) == 17
    assert "70" in html and "30" in html


def test_the_secretariat_page_in_english_says_where_it_opened_and_how_it_is_funded(client):
    html = " ".join(client.get("/en/secretariat/").content.decode().split())
    assert "Since 2005 the association has had a permanent secretariat in Pohang, Gyeongsangbuk-do" in html
    assert SHARES["en"] in html
    assert "<td>Secretary-General</td><td>Hong Jong-gyeong</td>" in html
    assert "As the Annual Report 2018 describes it:" in html
