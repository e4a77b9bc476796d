"""The 2018 annual report as a PDF, in the six languages, read back from the PDF itself."""

import re
import subprocess

import pytest
from weasyprint.formatting_structure.boxes import TableRowGroupBox

from tests.near_portal.conftest import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]

# Headings of parts and sections the 2018 report has from the real data.
TITLES = {
    "en": [
        "Contents",
        "Main activities of the association",
        "I. General Assembly and Working Committee",
        "III. Committee meetings in 2018",
        "International cooperation",
        "Membership",
        "The Secretariat",
        "Appendix",
        "1. Charter, as in force on 31 December 2018",
        "4. Member governments on 31 December 2018",
    ],
    "mn": [
        "Гарчиг",
        "Холбооны үндсэн үйл ажиллагаа",
        "I. Бүгд хурал ба Ажлын хэсгийн хороо",
        "III. 2018 онд болсон салбар хорооны хурлууд",
        "Олон улсын хамтын ажиллагаа",
        "Гишүүнчлэл",
        "Хэрэг эрхлэх газар",
        "Хавсралт",
        "1. Холбооны дүрэм (2018 оны 12 сарын 31-ний байдлаар хүчин төгөлдөр)",
        "4. 2018 оны 12 сарын 31-ний байдлаарх гишүүн орон нутгууд",
    ],
    "zh-hans": [
        "目录",
        "前言",
        "联合会主要活动",
        "I. 全体会议与事务委员会",
        "III. 2018年度专门委员会举办情况",
        "强化对外合作交流",
        "会员",
        "秘书处简介",
        "附录",
        "1. 联合会宪章（2018年12月31日现行）",
        "4. 会员地方政府（2018年12月31日）",
    ],
    "ko": [
        "목차",
        "연합 주요 활동",
        "I. 총회와 실무위원회",
        "III. 2018년 분과위원회 회의",
        "대외 협력 교류",
        "회원",
        "사무국 소개",
        "부록",
        "1. 헌장(2018년 12월 31일 현재 시행)",
        "4. 회원 자치단체(2018년 12월 31일 현재)",
    ],
    "ja": [
        "目次",
        "連合の主な活動",
        "I. 総会と実務委員会",
        "III. 2018年の専門委員会会議",
        "対外協力交流",
        "会員",
        "事務局紹介",
        "付録",
        "1. 憲章（2018年12月31日現在）",
        "4. 会員自治体（2018年12月31日現在）",
    ],
    "ru": [
        "Содержание",
        "Основная деятельность Ассоциации",
        "I. Генеральная ассамблея и Рабочий комитет",
        "III. Заседания комитетов в 2018 году",
        "Международное сотрудничество",
        "Членство",
        "Секретариат",
        "Приложение",
        "1. Устав в редакции, действовавшей на 31 декабря 2018 года",
        "4. Члены Ассоциации на 31 декабря 2018 года",
    ],
}
# The 12th General Assembly and the 16th Disaster Prevention Committee meeting (Hyogo, 2018-03-05..07).
ASSEMBLY = {
    "en": "12th General Assembly",
    "mn": "12-р Бүгд хурал",
    "zh-hans": "第12次全体会议",
    "ko": "제12차 총회",
    "ja": "第12回総会",
    "ru": "12-я Генеральная ассамблея",
}
DISASTER_MEETING = {
    "en": "16th Disaster Prevention Committee",
    "mn": "Гамшгаас сэргийлэх хорооны 16 дахь хурал",
    "zh-hans": "第十六届防灾专门委员会",
    "ko": "제16차 방재분과위원회",
    "ja": "第16回防災分科委員会",
    "ru": "16-е заседание Комитета по предупреждению стихийных бедствий",
}
UNOFFICIAL = {
    "en": "Unofficial translation",
    "mn": "Албан бус орчуулга",
    "ko": "비공식 번역",
    "ja": "非公式訳",
    "ru": "Неофициальный перевод",
}
# Akita's admission by the 12th General Assembly: date, name, country, change.
AKITA = {
    "en": "Oct. 29, 2018 Akita Prefecture Japan Admitted (member)",
    "mn": "2018 оны 10 сарын 29 Акита муж Япон Элссэн (гишүүн)",
    "zh-hans": "2018年10月29日 秋田县 日本 入会 (会员)",
    "ko": "2018년 10월 29일 아키타현 일본 가입 (회원)",
    "ja": "2018年10月29日 秋田県 日本 加盟 (会員)",
    "ru": "29 октября 2018 г. Префектура Акита Япония Принят (член)",
}
HYOGO = {
    "en": "Hyogo Prefecture",
    "mn": "Хёго муж",
    "zh-hans": "兵库县",
    "ko": "효고현",
    "ja": "兵庫県",
    "ru": "Префектура Хиого",
}
SECRETARY_GENERAL = {
    "en": "Secretary-General Hong Jong-gyeong",
    "mn": "Ерөнхий нарийн бичгийн дарга Хон Чонгён",
    "zh-hans": "秘书长 洪钟庆",
    "ko": "사무총장 홍종경",
    "ja": "事務総長 ホン・ジョンギョン",
    "ru": "Генеральный секретарь Хон Чонгён",
}
TITLE = {
    "en": "NEAR Annual Report 2018",
    "mn": "NEAR-ын 2018 оны жилийн тайлан",
    "zh-hans": "NEAR 2018年度报告书",
    "ko": "NEAR 2018 연례보고서",
    "ja": "NEAR 2018年次報告書",
    "ru": "Ежегодный отчёт NEAR за 2018 год",
}
RUNNING_TITLE = {
    "en": "Annual Report 2018",
    "mn": "2018 оны жилийн тайлан",
    "zh-hans": "2018年度报告书",
    "ko": "2018 연례보고서",
    "ja": "2018年次報告書",
    "ru": "Ежегодный отчёт за 2018 год",
}
AUTHOR = {
    "en": "NEAR Secretariat",
    "mn": "NEAR-ын Хэрэг эрхлэх газар",
    "zh-hans": "NEAR秘书处",
    "ko": "NEAR 사무국",
    "ja": "NEAR事務局",
    "ru": "Секретариат NEAR",
}
# The Dues part: no dues are recorded for 2018, so neither heading nor contents entry.
DUES = {"en": "Dues", "mn": "Гишүүний татвар", "zh-hans": "会费", "ko": "회비", "ja": "会費", "ru": "Взносы"}
CJK_FONT = {"zh-hans": "Noto-Sans-CJK-SC", "ja": "Noto-Sans-CJK-JP", "ko": "Noto-Sans-CJK-KR"}
PLACEHOLDERS = ["None", "TODO", "TBD", "N/A", "lorem", "placeholder", "{{", "{%", "%(", "msgid", "[missing"]


def squash(text):
    """Text without whitespace: pypdf breaks and joins lines in its own way."""
    return re.sub(r"\s+", "", text)


def printed_contents(page_text):
    """{title without spaces: page number} as the contents page prints them ("Title ........ 3")."""
    entries, pending = {}, ""
    for line in page_text.splitlines()[1:]:  # after the heading
        pending += line
        entry = re.fullmatch(r"(.+?)\s*\.{2,}\s*(\d+)", pending.strip())
        if entry:
            entries[squash(entry[1])] = int(entry[2])
            pending = ""
    return entries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_are_in_the_reports_language(reports_2018, lang):
    text = squash(reports_2018[lang].text)
    for title in TITLES[lang]:
        assert squash(title) in text, title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_membership_changes_show_akitas_admission_on_29_october_2018(reports_2018, lang):
    assert squash(AKITA[lang]) in squash(reports_2018[lang].text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_list_names_the_78_members_of_2018_in_the_language(reports_2018, lang):
    report = reports_2018[lang]
    text = report.text
    assert HYOGO[lang] in text
    appendix = report.parts[-1].sections[-1].html
    assert len(re.findall(r"<td>\d+\. ", appendix)) == 78 + 1  # the members and the associate member
    assert "\n78\n" in text


def test_member_list_leaves_out_later_members_and_observers(reports_2018):
    html = reports_2018["en"].parts[-1].sections[-1].html
    assert "Akita Prefecture" in html
    for name in ["Liaoning Province", "Yamaguchi Prefecture", "Tianjin"]:
        assert name not in html  # Liaoning joined in 2021; the other two are observers
    assert "1. Ho Chi Minh City (Viet Nam)" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_secretariat_lists_the_2018_staff_in_the_language(reports_2018, lang):
    assert squash(SECRETARY_GENERAL[lang]) in squash(reports_2018[lang].text)


def test_chinese_report_carries_both_messages_as_signed(reports_2018):
    text = squash(reports_2018["zh-hans"].text)
    for expected in [
        "主席寄语",
        "秘书长寄语",
        "萨哈(雅库特)共和国尼古拉耶夫",
        "东北亚地区地方政府联合会秘书长洪钟庆",
        "2018年12月",
    ]:
        assert expected in text


@pytest.mark.parametrize("lang", ["en", "mn", "ko", "ja", "ru"])
def test_a_message_not_entered_in_the_language_is_left_out(reports_2018, lang):
    assert "messages" not in [part.key for part in reports_2018[lang].parts]
    assert "尼古拉耶夫" not in reports_2018[lang].text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_placeholder_and_no_heading_without_data(reports_2018, lang):
    report = reports_2018[lang]
    for placeholder in PLACEHOLDERS:
        assert placeholder not in report.text
    assert "dues" not in [part.key for part in report.parts]
    assert squash(DUES[lang]) not in printed_contents(report.page_texts[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_activities_name_the_12th_general_assembly_and_the_16th_disaster_prevention_meeting(reports_2018, lang):
    text = squash(reports_2018[lang].text)
    assert squash(ASSEMBLY[lang]) in text
    assert squash(DISASTER_MEETING[lang]) in text
    assert squash(HYOGO[lang]) in text


@pytest.mark.parametrize("lang", ["en", "mn", "ko", "ja", "ru"])
def test_instruments_in_a_translation_are_marked_unofficial(reports_2018, lang):
    assert squash(reports_2018[lang].text).count(squash(UNOFFICIAL[lang])) == 3  # Charter and both Regulations


def test_chinese_instruments_are_the_source_text_without_the_unofficial_mark(reports_2018):
    assert "非官方译文" not in reports_2018["zh-hans"].text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contents_page_numbers_are_where_the_headings_fall(reports_2018, lang):
    report = reports_2018[lang]
    anchors = report.anchor_pages
    pages = report.page_texts
    contents = printed_contents(pages[1])
    entries = [(part.anchor, part.title) for part in report.parts]
    entries += [(s.anchor, f"{s.number} {s.title}") for part in report.parts for s in part.sections if s.title]
    assert len(entries) >= 4
    for anchor, title in entries:
        assert contents[squash(title)] == anchors[anchor] + 1, title
        assert squash(title) in squash(pages[anchors[anchor]])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_numbered_n_of_n_under_a_running_header_with_year_and_part(reports_2018, lang):
    report = reports_2018[lang]
    pages = report.page_texts
    total = len(pages)
    for index, text in enumerate(pages[1:], start=1):
        assert text.rstrip().endswith(f"{index + 1} / {total}")
        assert squash(RUNNING_TITLE[lang]) in squash(text)
    anchors = report.anchor_pages
    for part in report.parts:
        assert squash(RUNNING_TITLE[lang] + part.title) in squash(pages[anchors[part.anchor]])
    assert f"/ {total}" not in pages[0]  # the cover has neither header nor number


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_metadata_give_title_language_and_author(reports_2018, lang):
    reader = reports_2018[lang].reader
    assert reader.metadata.title == TITLE[lang]
    assert reader.metadata.author == AUTHOR[lang]
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bookmarks_follow_the_headings(reports_2018, lang):
    report = reports_2018[lang]
    outline = [item for item in report.reader.outline if not isinstance(item, list)]
    titles = [item.title for item in outline]
    assert titles == [TITLES[lang][0], *[part.title for part in report.parts]]
    anchors = report.anchor_pages
    for item, part in zip(outline[1:], report.parts, strict=True):
        assert report.reader.get_destination_page_number(item) == anchors[part.anchor]


def test_a_table_row_never_splits_across_pages(reports_2018):
    document = reports_2018["en"].document
    pages_of_row = {}
    for index, page in enumerate(document.pages):
        for group in page._page_box.descendants():
            if isinstance(group, TableRowGroupBox) and not group.is_header:  # headers repeat on purpose
                for row in group.children:
                    pages_of_row.setdefault(id(row.element), set()).add(index)
    assert len({page for pages in pages_of_row.values() for page in pages}) >= 3  # tables on several pages
    assert all(len(pages) == 1 for pages in pages_of_row.values())


@pytest.mark.parametrize(("lang", "font"), CJK_FONT.items())
def test_cjk_text_is_drawn_with_the_languages_noto_cjk_font(reports_2018, lang, font):
    report = reports_2018[lang]
    membership_page = report.anchor_pages["part-membership"]
    drawn = report.fonts_drawn_on(membership_page)
    assert drawn <= {font, f"{font}-Bold"} and font in drawn, (
        f"{lang} text is drawn with {drawn}, not {font}: CJK glyphs would show as empty boxes "
        "or with another language's shapes. Install fonts-noto-cjk (make system-deps)."
    )


@pytest.mark.parametrize("lang", ["en", "mn", "ru"])
def test_latin_and_cyrillic_text_is_drawn_with_noto_sans(reports_2018, lang):
    report = reports_2018[lang]
    assert report.fonts_drawn_on(report.anchor_pages["part-membership"]) == {"Noto-Sans", "Noto-Sans-Bold"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_gives_the_associations_name_in_the_six_languages(reports_2018, lang):
    report = reports_2018[lang]
    cover = report.page_texts[0]
    for name in [
        "Association of North East Asia Regional Governments",
        "东北亚地区地方政府联合会",
        "동북아시아지역자치단체연합",
        "北東アジア地域自治体連合",
        "Зүүн Хойд Азийн Бүс Нутгийн Захиргаадын Холбоо",
    ]:
        assert name in cover
    assert "2018" in cover
    assert {"Noto-Sans-CJK-SC", "Noto-Sans-CJK-KR", "Noto-Sans-CJK-JP"} <= report.fonts_drawn_on(0)


@pytest.mark.parametrize(
    ("family", "lang"), [("Noto Sans CJK SC", "zh-cn"), ("Noto Sans CJK JP", "ja"), ("Noto Sans CJK KR", "ko")]
)
def test_fontconfig_resolves_the_cjk_fonts(family, lang):
    matched = subprocess.run(["fc-match", "-f", "%{family}", f"{family}:lang={lang}"], capture_output=True, text=True)
    assert family in matched.stdout.split(","), (
        f"fontconfig gives {matched.stdout!r} for {family}: install fonts-noto-cjk (make system-deps), "
        "or the report's CJK text comes out as empty boxes."
    )
