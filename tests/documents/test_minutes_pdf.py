"""The minutes' PDFs, and publishing them: the document of kind "minutes", its versions, its public page."""

import io

import pytest
from pypdf import PdfReader

from core import roles
from documents.models import Document, MinutesPublication

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]


def text_and_fonts(content: bytes):
    reader = PdfReader(io.BytesIO(content))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return reader, "".join(page.extract_text() for page in reader.pages), fonts


def preview_pdf(client, session, language):
    response = client.get(f"/admin/documents/document/minutes/{session.pk}/pdf/", {"language": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def test_the_preview_pdf_of_the_12th_general_assembly_in_chinese_and_english(client, staff_in_role, ga12):
    client.force_login(staff_in_role(roles.AUDITOR))
    chinese = preview_pdf(client, ga12, "zh-hans")
    assert chinese["Content-Disposition"] == 'inline; filename="near-minutes-draft-general_assembly-12-zh-hans.pdf"'
    reader, text, fonts = text_and_fonts(chinese.content)
    assert reader.metadata.title == "NEAR/GA/12/MIN/1 · 第12次全体会议会议纪要"
    assert "草稿：尚未发布。" in text
    assert "秋田县加入联合会" in text
    assert "决议NEAR/GA/12/RES/2。" in text
    assert any(name.endswith("+Noto-Sans-CJK-SC") for name in fonts)
    _reader, text, _fonts = text_and_fonts(preview_pdf(client, ga12, "en").content)
    assert "Minutes of the 12th General Assembly" in text
    assert "Akita Prefecture admitted as a member" in text
    assert "Draft: not published." in text


def publish(client, session):
    return client.post(f"/admin/documents/document/minutes/{session.pk}/", follow=True)


def test_publishing_stores_a_minutes_document_with_a_pdf_per_language(client, staff_in_role, ga12, media):
    client.force_login(staff_in_role(roles.EDITOR))
    response = publish(client, ga12)
    assert "Version 1 of NEAR/GA/12/MIN/1 is published." in response.content.decode()
    document = Document.objects.get(symbol="NEAR/GA/12/MIN/1")
    assert (document.kind, document.body, document.session, document.number) == ("minutes", "GA", ga12, 1)
    assert (document.title_en, document.title_zh_hans) == (
        "Minutes of the 12th General Assembly",
        "第12次全体会议会议纪要",
    )
    assert str(document.date) == "2018-10-31"
    files = {f.language: f for f in document.files.all()}
    assert sorted(files) == sorted(LANGUAGES)
    assert {f.content_type for f in files.values()} == {"application/pdf"}
    _reader, text, fonts = text_and_fonts(files["zh-hans"].file.read())
    assert "第1版" in text and "秋田县加入联合会" in text
    assert any(name.endswith("+Noto-Sans-CJK-SC") for name in fonts)
    publication = MinutesPublication.objects.get(document=document)
    assert publication.version == 1
    assert sorted(publication.html) == sorted(LANGUAGES)
    assert publication.files["en"]["name"] == files["en"].file.name


def test_republishing_unchanged_minutes_is_refused_and_a_change_makes_the_next_version(
    client, staff_in_role, ga12, media
):
    client.force_login(staff_in_role(roles.EDITOR))
    publish(client, ga12)
    first = {f.language: f.file.name for f in Document.objects.get(symbol="NEAR/GA/12/MIN/1").files.all()}
    again = publish(client, ga12).content.decode()
    assert "The minutes have not changed since version 1: nothing was published." in again
    assert MinutesPublication.objects.count() == 1

    item = ga12.agenda_items.get(position=2)
    item.title_en = "Admission of a new member (Akita)"
    item.save()
    assert "Version 2 of NEAR/GA/12/MIN/1 is published." in publish(client, ga12).content.decode()
    versions = list(MinutesPublication.objects.order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    # The earlier version stays as it was published: its HTML, and its files in storage.
    assert "Admission of a new member (Akita)" not in versions[0].html["en"]
    assert "Admission of a new member (Akita)" in versions[1].html["en"]
    second = {f.language: f.file.name for f in Document.objects.get(symbol="NEAR/GA/12/MIN/1").files.all()}
    assert all(first[code] != second[code] for code in LANGUAGES)
    assert all((media / name).exists() for name in first.values())
    body = client.get("/en/assemblies/12/minutes/").content.decode()
    assert "Version 2, published on" in body and "Admission of a new member (Akita)" in body


def test_the_published_minutes_have_a_public_page_linked_from_the_session(
    client, staff_in_role, ga12, media, django_assert_num_queries
):
    client.force_login(staff_in_role(roles.EDITOR))
    publish(client, ga12)
    client.logout()
    session_page = client.get("/zh-hans/assemblies/12/").content.decode()
    assert '<p class="minutes-link"><a href="/zh-hans/assemblies/12/minutes/">本次会议纪要</a></p>' in session_page
    # The publication with its document and session, then the language versions.
    with django_assert_num_queries(2):
        response = client.get("/zh-hans/assemblies/12/minutes/")
    assert response.status_code == 200
    body = " ".join(response.content.decode().split())
    assert "<h1>第12次全体会议会议纪要</h1>" in body
    assert "<div><dt>出席</dt><dd>29</dd></div> <div><dt>书面决议书</dt><dd>21</dd></div>" in body
    assert "<strong>结果：通过</strong> — 据记录" in body
    assert '<a href="/zh-hans/members/akita/">秋田县加入联合会</a>' in body
    zh = Document.objects.get(symbol="NEAR/GA/12/MIN/1").files.get(language="zh-hans")
    assert f'<a href="{zh.get_absolute_url()}" download>下载PDF</a>' in body
    assert client.get("/en/assemblies/12/minutes/").status_code == 200


def test_restricted_minutes_are_not_shown_to_the_public(client, staff_in_role, ga12, media):
    client.force_login(staff_in_role(roles.EDITOR))
    publish(client, ga12)
    Document.objects.filter(symbol="NEAR/GA/12/MIN/1").update(access="restricted")
    assert client.get("/en/assemblies/12/minutes/").status_code == 200  # the editor may read them
    client.logout()
    assert client.get("/en/assemblies/12/minutes/").status_code == 404
