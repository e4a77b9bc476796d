"""The public page of published annual reports, /<lang>/reports/, and their download."""

import datetime

import pytest
from django.core.files.base import ContentFile

from near_portal.report.models import ReportEdition
from tests.near_portal.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2019, 3, 4, 10, 0, tzinfo=datetime.UTC)
HEADING = {
    "en": "Annual reports",
    "mn": "Жилийн тайлангууд",
    "zh-hans": "年度报告书",
    "ko": "연례보고서",
    "ja": "年次報告書",
    "ru": "Ежегодные отчёты",
}
YEAR_HEADING = {
    "en": "Annual Report 2018",
    "mn": "2018 оны жилийн тайлан",
    "zh-hans": "2018年度报告书",
    "ko": "2018 연례보고서",
    "ja": "2018年次報告書",
    "ru": "Ежегодный отчёт за 2018 год",
}
PAGES = {
    "en": "PDF, 9 pages",
    "mn": "PDF, 9 хуудас",
    "zh-hans": "PDF，9页",
    "ko": "PDF, 9쪽",
    "ja": "PDF、9ページ",
    "ru": "PDF, 9 страниц",
}
NOTHING = {
    "en": "No annual report has been published on the portal yet.",
    "mn": "Порталд жилийн тайлан одоогоор нийтлэгдээгүй байна.",
    "zh-hans": "门户网站尚未发布任何年度报告书。",
    "ko": "포털에 공개된 연례보고서가 아직 없습니다.",
    "ja": "ポータルで公開された年次報告書はまだありません。",
    "ru": "На портале пока не опубликовано ни одного ежегодного отчёта.",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def edition(year=2018, language="zh-hans", published=True, content=b"%PDF-1.7 report"):
    made = ReportEdition(
        year=year,
        language=language,
        state="done",
        sha256="b" * 64,
        pages=9,
        generated_at=NOW,
        published=published,
        published_at=NOW if published else None,
    )
    made.file.save("x.pdf", ContentFile(content), save=False)
    made.save()
    return made


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reports_page_lists_published_editions_in_the_visitors_language(client, lang):
    edition(language="zh-hans")
    edition(language="en")
    edition(language="ko", published=False)
    edition(year=2019, language="ru")
    html = client.get(f"/{lang}/reports/").content.decode()
    assert f"<h1>{HEADING[lang]}</h1>" in html
    assert f'<h2 id="report-2018">{YEAR_HEADING[lang]}</h2>' in html
    assert html.index('id="report-2019"') < html.index('id="report-2018"')
    assert (f'<a href="/{lang}/reports/2018/en.pdf" hreflang="en" lang="en" type="application/pdf">English</a>') in html
    assert html.index("/2018/en.pdf") < html.index("/2018/zh-hans.pdf")
    assert "/2018/ko.pdf" not in html
    assert PAGES[lang] in html
    assert f'href="/{lang}/reports/"' in html  # the navigation links to the page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reports_page_says_when_nothing_is_published(client, lang):
    assert NOTHING[lang] in client.get(f"/{lang}/reports/").content.decode()


def test_reports_page_takes_one_query_whatever_the_number_of_editions(client, django_assert_num_queries):
    edition()
    with django_assert_num_queries(1):
        client.get("/en/reports/")
    for year in range(2000, 2012):
        edition(year=year, language="en")
    with django_assert_num_queries(1):
        assert client.get("/en/reports/").context["years"][0]["year"] == 2018


def test_a_published_edition_downloads_as_a_pdf(client):
    edition(content=b"%PDF-1.7 the 2018 report")
    response = client.get("/en/reports/2018/zh-hans.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 the 2018 report"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="NEAR-annual-report-2018-zh-hans.pdf"'
    assert response["Content-Language"] == "zh-hans"


@pytest.mark.parametrize(
    "url",
    [
        "/en/reports/2018/ko.pdf",
        "/en/reports/2017/zh-hans.pdf",
        "/en/reports/2018/xx.pdf",
        "/en/reports/99999999999999999999/en.pdf",
        "/en/reports/abc/en.pdf",
    ],
)
def test_unpublished_or_unknown_editions_are_not_found(client, url):
    edition()
    edition(language="ko", published=False)
    response = client.get(url)
    assert response.status_code == 404


def test_not_found_speaks_the_visitors_language(client):
    assert "ru" == client.get("/ru/reports/2018/ko.pdf").headers["Content-Language"]
