"""The three instruments read as the seed records them, on the day before and the day of each
amendment it details (seed 003, appendix of the Annual Report 2018)."""

import datetime

import pytest

from instruments.models import Amendment, Article, ArticleVersion, Instrument, Paragraph
from tests.instruments.helpers import article_keys_on, day, provisions_on

pytestmark = pytest.mark.django_db

TEXT, RECONSTRUCTED, NOT_HELD = "text", "reconstructed", "not_held"


def test_every_amendment_date_the_seed_names_is_loaded():
    dates = {
        slug: [a.effective_on.isoformat() for a in Amendment.objects.filter(instrument__slug=slug)]
        for slug in ("charter", "committee-regulation", "dues-regulation")
    }
    assert dates == {
        "charter": [
            "1996-09-12",
            "1998-10-21",
            "2002-09-12",
            "2004-09-08",
            "2010-10-28",
            "2014-10-22",
            "2016-09-27",
            "2018-10-29",
        ],
        "committee-regulation": [
            "1998-10-21",
            "2007-09-04",
            "2008-09-02",
            "2010-10-28",
            "2011-07-19",
            "2013-09-11",
            "2017-09-26",
            "2018-10-29",
        ],
        "dues-regulation": ["2017-01-01", "2017-09-26"],
    }


def test_amendments_whose_changes_the_record_omits_are_flagged():
    unrecorded = Amendment.objects.filter(scope_recorded=False).order_by("effective_on")
    assert [(a.instrument.slug, a.effective_on.isoformat()) for a in unrecorded] == [
        ("charter", "2002-09-12"),
        ("charter", "2004-09-08"),
        ("committee-regulation", "2007-09-04"),
    ]


def test_the_charter_did_not_exist_before_it_was_signed():
    assert article_keys_on("charter", "1996-09-11") == []
    assert len(article_keys_on("charter", "1996-09-12")) == 20


def test_article_4_2_is_absent_before_2016_09_27():
    assert "art-4-2" not in article_keys_on("charter", "2016-09-26")
    assert provisions_on("charter", "art-4-2", "2016-09-26") == {}
    assert provisions_on("charter", "art-4-2", "2016-09-27") == {
        "": (
            TEXT,
            "联合会的准会员是指位于东北亚以外的亚洲其他地区、赞同联合会设立宗旨、经全体会议批准入会的省级地方政府。",
        )
    }


@pytest.mark.parametrize("key", ["art-4-2", "art-5-2", "art-9-2", "supplementary-2016-09-27"])
def test_articles_created_in_2016_appear_on_that_day(key):
    assert key not in article_keys_on("charter", "2016-09-26")
    assert key in article_keys_on("charter", "2016-09-27")


def test_articles_created_in_1998_appear_on_21_october_1998():
    assert {"art-16", "art-17"} & set(article_keys_on("charter", "1998-10-20")) == set()
    assert {"art-16", "art-17"} <= set(article_keys_on("charter", "1998-10-21"))


def test_charter_article_10_1_before_and_after_29_october_2018():
    before = provisions_on("charter", "art-10", "2018-10-28")["1"]
    after = provisions_on("charter", "art-10", "2018-10-29")["1"]
    assert before == (
        RECONSTRUCTED,
        "一、事务委员会由各会员地方政府首脑任命的厅(局)级官员组成。事务委员会主任(委员长)每年至少召集一次会议。",
    )
    assert after == (
        TEXT,
        "一、事务委员会由各会员地方政府首脑任命的厅(局)级官员组成。事务委员会主任(委员长)每年至少召集一次会议。"
        "另，事务委员会主任认为有必要召集会议时，可召集临时事务委员会。",
    )


def test_charter_article_10_1_did_not_exist_before_22_october_2014():
    assert set(provisions_on("charter", "art-10", "2014-10-21")) == {"2", "3", "4"}
    assert set(provisions_on("charter", "art-10", "2014-10-22")) == {"1", "2", "3", "4"}


def test_charter_article_10_4_required_the_general_assembly_consent_until_28_october_2018():
    before = provisions_on("charter", "art-10", "2018-10-28")["4"]
    after = provisions_on("charter", "art-10", "2018-10-29")["4"]
    assert before == (
        RECONSTRUCTED,
        "四、为有效支持某一项目的实施，经全体会议同意，可就个别领域或项目设置专门委员会，以配合事务委员会的工作。",
    )
    assert after == (
        TEXT,
        "四、为有效支持某一项目的实施，可就个别领域或项目设置专门委员会，以配合事务委员会的工作。另，新设的专门委员会必须要在全体会议发表、报告。",
    )
    assert "4" not in provisions_on("charter", "art-10", "1998-10-20")


def test_reconstructions_are_explained_in_every_language():
    remarks = Paragraph.objects.filter(status=RECONSTRUCTED).values_list(
        "remark_en", "remark_mn", "remark_zh_hans", "remark_ko", "remark_ja", "remark_ru"
    )
    # Art. 10(1) in its 2014 version; art. 10(4) in the article's 1998 and 2014 versions.
    assert len(remarks) == 3
    assert all(all(text) for text in remarks)


def test_wording_amended_in_2016_is_not_held_for_earlier_days():
    assert provisions_on("charter", "art-4", "2016-09-26") == {"": (NOT_HELD, "")}
    assert provisions_on("charter", "art-4", "2016-09-27")[""][0] == TEXT
    article_9 = provisions_on("charter", "art-9", "2016-09-26")
    assert article_9 == {
        "": (TEXT, "全体会议的决议审议办法如下："),
        "1": (NOT_HELD, ""),
        "2": (NOT_HELD, ""),
        "3": (NOT_HELD, ""),
    }


def test_article_8_gains_item_8_on_27_september_2016():
    assert list(provisions_on("charter", "art-8", "2016-09-26")) == [
        "",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "9",
        "10",
        "11",
    ]
    assert list(provisions_on("charter", "art-8", "2016-09-27")) == ["", *map(str, range(1, 12))]


def test_article_7_1_wording_is_held_from_2010_and_7_3_only_exists_from_2016():
    assert provisions_on("charter", "art-7", "2010-10-27")["1"] == (NOT_HELD, "")
    assert provisions_on("charter", "art-7", "2010-10-28")["1"][0] == TEXT
    assert "3" not in provisions_on("charter", "art-7", "2016-09-26")
    assert provisions_on("charter", "art-7", "2016-09-27")["3"][0] == TEXT


@pytest.mark.parametrize(
    ("key", "number", "changed_on"),
    [
        ("art-12", "", "2014-10-22"),
        ("art-20", "", "2010-10-28"),
        ("art-18", "", "2016-09-27"),
        ("art-15", "2.1", "2016-09-27"),
    ],
)
def test_other_charter_provisions_change_on_the_day_their_note_gives(key, number, changed_on):
    before = (day(changed_on) - datetime.timedelta(days=1)).isoformat()
    assert provisions_on("charter", key, before)[number] == (NOT_HELD, "")
    assert provisions_on("charter", key, changed_on)[number][0] == TEXT


def test_not_held_wording_says_from_when_the_record_gives_it():
    paragraph = Paragraph.objects.with_wording_held_from().get(
        version__article__key="art-5",
        version__article__instrument__slug="committee-regulation",
        version__valid_from=day("1998-10-21"),
        number="2",
    )
    assert paragraph.status == NOT_HELD
    assert paragraph.wording_held_from == day("2017-09-26")


class TestCommitteeRegulationArticle2:
    """Committees created, renamed, merged and deleted on the dates the list gives."""

    def items(self, on):
        return provisions_on("committee-regulation", "art-2", on)

    def test_the_regulation_begins_on_21_october_1998(self):
        assert article_keys_on("committee-regulation", "1998-10-20") == []
        assert set(self.items("1998-10-21")) == {"", "1", "2", "3", "4", "5", "6", "11"}

    def test_maritime_and_tourism_committees_are_created_on_2_september_2008(self):
        assert {"7", "8"} & set(self.items("2008-09-01")) == set()
        assert self.items("2008-09-02")["7"] == (TEXT, "7. 海洋与渔业专门委员会")
        assert self.items("2008-09-02")["8"] == (TEXT, "8. 旅游专门委员会")

    def test_item_3_is_the_merged_committee_from_2_september_2008(self):
        assert self.items("2008-09-01")["3"] == (NOT_HELD, "")
        assert self.items("2008-09-02")["3"] == (TEXT, "3. 教育文化交流专门委员会")

    def test_item_1_is_renamed_on_11_september_2013(self):
        assert self.items("2013-09-10")["1"] == (NOT_HELD, "")
        assert self.items("2013-09-11")["1"] == (TEXT, "1. 经济人文交流专门委员会")

    def test_items_5_6_and_11_are_deleted_on_26_september_2017(self):
        for number in ("5", "6", "11"):
            assert self.items("2017-09-25")[number] == (NOT_HELD, "")
            assert self.items("2017-09-26")[number] == (TEXT, f"{number}. 删除")

    def test_item_9_is_created_in_2010_and_its_first_wording_is_not_held(self):
        assert "9" not in self.items("2010-10-27")
        assert self.items("2010-10-28")["9"] == (NOT_HELD, "")
        assert self.items("2017-09-26")["9"] == (TEXT, "9. 矿产资源开发专门委员会")

    def test_three_committees_are_created_on_29_october_2018(self):
        assert len(self.items("2018-10-28")) == 18
        assert [self.items("2018-10-29")[n][1] for n in ("18", "19", "20")] == [
            "18. 创新+专门委员会",
            "19. 青年政策专门委员会",
            "20. 传统医药专门委员会",
        ]


def test_committee_regulation_article_5_7_and_5_8_are_created_on_29_october_2018():
    assert {"7", "8"} & set(provisions_on("committee-regulation", "art-5", "2018-10-28")) == set()
    article_5 = provisions_on("committee-regulation", "art-5", "2018-10-29")
    assert article_5["7"][0] == TEXT and article_5["8"][0] == TEXT
    assert (
        article_5["8"][1]
        == "8. 召开事务委员会时具有表决权的半数以上会员参会, 参会投票超过半数, 即可完成协调员地方政府更换。"
    )


def test_committee_regulation_article_5_6_exists_from_19_july_2011():
    assert "6" not in provisions_on("committee-regulation", "art-5", "2011-07-18")
    assert provisions_on("committee-regulation", "art-5", "2011-07-19")["6"] == (
        TEXT,
        "6. 事务委员会可根据需要评估专门委员会的运作情况。",
    )


def test_dues_regulation_sets_usd_1000_and_its_2017_amendment():
    # Made 2016-09-28; in force from 2017-01-01 by its supplementary article 1 (seed 003 line 1185).
    assert article_keys_on("dues-regulation", "2016-12-31") == []
    assert provisions_on("dues-regulation", "art-5", "2017-01-01")["1"] == (
        TEXT,
        "(1)各会员地方政府每年承担1000美元会费。",
    )
    assert provisions_on("dues-regulation", "supplementary", "2017-09-25") == {"": (NOT_HELD, "")}
    assert provisions_on("dues-regulation", "supplementary", "2017-09-26") == {
        "": (TEXT, "本规定自2017年1月1日起实行(但会费缴纳时间在2019年第十二次事务委员会会议上审议决定。)")
    }


def test_present_chinese_notes_are_printed_as_the_record_prints_them():
    with_notes = (
        Paragraph.objects.filter(
            version__article__instrument__slug="charter", version__valid_from__lte=day("2020-01-01")
        )
        .filter(version__article__key="art-10", number="1")
        .order_by("-version__valid_from")
        .first()
    )
    assert with_notes.note_zh_hans == "(2014.10.22 新设)(2018.10.29 修改)"
    assert with_notes.note_en == "(new 22 Oct 2014; amended 29 Oct 2018)"


def test_the_article_rule_for_one_article_agrees_with_the_queryset_on_every_amendment_day():
    days = sorted({a.effective_on for a in Amendment.objects.all()})
    checks = [d for a in days for d in (a - datetime.timedelta(days=1), a)]
    articles = list(Article.objects.prefetch_related("versions"))
    for on in checks:
        in_force = set(ArticleVersion.objects.in_force(on=on).values_list("pk", flat=True))
        one_by_one = {v.pk for a in articles if (v := a.version_on(on))}
        assert one_by_one == in_force, on
        assert set(Article.objects.in_force(on=on).values_list("pk", flat=True)) == {
            a.pk for a in articles if a.version_on(on)
        }


def test_valid_until_is_the_start_of_the_next_version():
    versions = ArticleVersion.objects.with_valid_until().filter(
        article__key="art-10", article__instrument__slug="charter"
    )
    assert [(v.valid_from.isoformat(), v.valid_until and v.valid_until.isoformat()) for v in versions] == [
        ("1996-09-12", "1998-10-21"),
        ("1998-10-21", "2014-10-22"),
        ("2014-10-22", "2018-10-29"),
        ("2018-10-29", None),
    ]


def test_every_language_has_every_provision_held_by_the_record():
    held = Paragraph.objects.exclude(status=NOT_HELD)
    for field in ("text_en", "text_mn", "text_zh_hans", "text_ko", "text_ja", "text_ru"):
        assert not held.filter(**{field: ""}).exists(), field


def test_chinese_is_the_source_text_and_the_others_unofficial_translations():
    charter = Instrument.objects.get(slug="charter")
    assert [charter.text_status(code) for code in ("zh-hans", "en", "mn", "ko", "ja", "ru")] == [
        "source",
        "unofficial",
        "unofficial",
        "unofficial",
        "unofficial",
        "unofficial",
    ]


def test_the_dues_regulations_history_names_the_11th_general_assembly_and_its_dates(client):
    adoption = Amendment.objects.get(instrument__slug="dues-regulation", kind="adoption")
    assert (adoption.effective_on, adoption.adopted_on, adoption.body, adoption.session_en) == (
        datetime.date(2017, 1, 1),
        datetime.date(2016, 9, 28),
        "general_assembly",
        "11th General Assembly (Irkutsk, 2016)",
    )
    html = " ".join(client.get("/en/regulations/dues/history/").content.decode().split())
    assert "The record does not say which body adopted it." not in html
    assert "Adopted by the General Assembly: 11th General Assembly (Irkutsk, 2016) · adopted on Sept. 28, 2016" in html
    assert '<time datetime="2017-01-01">Jan. 1, 2017</time> — original text' in html
