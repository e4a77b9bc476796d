"""The PDF of an instrument as in force on a day, with CJK fonts embedded."""

import io

import pytest
from pypdf import PdfReader

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]


def pdf(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response, PdfReader(io.BytesIO(response.content))


def fonts(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_the_chinese_charter_pdf_as_in_force_on_a_day(client):
    response, reader = pdf(client, "/zh-hans/charter/pdf/", on="2016-09-27")
    assert response["Content-Disposition"] == 'inline; filename="near-charter-2016-09-27-zh-hans.pdf"'
    text = "".join(page.extract_text() for page in reader.pages)
    assert "第四条之二" in text
    assert "2016年9月27日" in text
    assert any(name.endswith("+Noto-Sans-CJK-SC") for name in fonts(reader))
    assert reader.metadata.title.startswith("东北亚地区地方政府联合会宪章")


def test_a_pdf_before_an_article_existed_leaves_it_out(client):
    _response, reader = pdf(client, "/en/charter/pdf/", on="2016-09-26")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Article 4-2" not in text
    assert "Article 4 " in text or "Article 4(" in text.replace(" (", "(")


def test_the_korean_and_japanese_pdfs_use_their_own_cjk_fonts(client):
    _response, korean = pdf(client, "/ko/regulations/dues/pdf/")
    _response, japanese = pdf(client, "/ja/regulations/dues/pdf/")
    assert any(name.endswith("+Noto-Sans-CJK-KR") for name in fonts(korean))
    assert any(name.endswith("+Noto-Sans-CJK-JP") for name in fonts(japanese))


@pytest.mark.parametrize("language", ["en", "mn", "zh-hans", "ko", "ja", "ru"])
def test_the_dues_regulation_pdf_in_each_language(client, language):
    response, reader = pdf(client, f"/{language}/regulations/dues/pdf/", on="2018-01-01")
    assert response["Content-Disposition"] == f'inline; filename="near-dues-regulation-2018-01-01-{language}.pdf"'
    assert len(reader.pages) >= 2
