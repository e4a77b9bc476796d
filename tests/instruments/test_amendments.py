"""Applying an amendment: new versions begin, replaced ones end, all or nothing; the database
itself refuses two versions of one article in force on the same day."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from instruments.amendments import ArticleChange, ProvisionText, apply_amendment
from instruments.fixture_sources import building as fixture_building
from instruments.models import Amendment, Article, ArticleVersion, Paragraph
from instruments.texts import instrument_as_of
from tests.instruments.helpers import provisions_on

pytestmark = pytest.mark.django_db

ON = datetime.date(2025, 3, 1)
NEW_ART_10_3 = {
    "zh-hans": "三、事务委员会主任(委员长)每年向全体会议报告事务委员会的工作情况。",
    "en": "3. The chair of the Working Committee reports every year on its work to the General Assembly.",
}


def article_10_change(text=NEW_ART_10_3):
    current = Article.objects.get(instrument__slug="charter", key="art-10").version_on(ON)
    provisions = [
        ProvisionText(number=p.number, text={"zh-hans": p.text_zh_hans, "en": p.text_en})
        for p in current.paragraphs.all()
    ]
    provisions[2] = ProvisionText(number="3", text=text)
    return ArticleChange(
        article="10", title={"zh-hans": "机构及运作", "en": "Organisation and operation"}, provisions=provisions
    )


def test_an_amendment_ends_the_old_version_and_begins_the_new(charter):
    amendment = apply_amendment(
        instrument=charter,
        effective_on=ON,
        changes=[article_10_change()],
        adopted_by=Amendment.Body.GENERAL_ASSEMBLY,
        session={"en": "14th General Assembly", "zh-hans": "第十四次全体会议"},
        summary="Article 10(3): yearly report.",
    )
    assert amendment.kind == Amendment.Kind.AMENDMENT
    assert amendment.summary_en == "Article 10(3): yearly report."
    assert (
        provisions_on("charter", "art-10", "2025-02-28")["3"][1]
        == "三、事务委员会主任(委员长)向全体会议报告事务委员会的有关工作情况。"
    )
    assert provisions_on("charter", "art-10", "2025-03-01")["3"] == ("text", NEW_ART_10_3["zh-hans"])
    versions = ArticleVersion.objects.with_valid_until().filter(article__key="art-10", article__instrument=charter)
    assert [(v.valid_from, v.valid_until) for v in versions][-2:] == [
        (datetime.date(2018, 10, 29), ON),
        (ON, None),
    ]


def test_a_new_article_is_placed_after_the_one_numbered_before_it(charter):
    change = ArticleChange(
        article="9-3",
        action="create",
        title={"zh-hans": "测试", "en": "Test"},
        provisions=[ProvisionText(text={"zh-hans": "测试条文。", "en": "Test wording."})],
    )
    apply_amendment(instrument=charter, effective_on=ON, changes=[change])
    article = Article.objects.get(instrument=charter, number="9-3")
    assert article.key == "art-9-3"
    assert article.position == Article.objects.get(instrument=charter, number="9-2").position + 1
    keys = [a.article.key for a in instrument_as_of(charter, on=ON).articles]
    assert keys[keys.index("art-9-2") + 1] == "art-9-3"
    assert "art-9-3" not in [
        a.article.key for a in instrument_as_of(charter, on=ON - datetime.timedelta(days=1)).articles
    ]


def test_a_repealed_article_is_gone_from_that_day(charter):
    apply_amendment(instrument=charter, effective_on=ON, changes=[ArticleChange(article="17", action="repeal")])
    assert provisions_on("charter", "art-17", "2025-02-28") != {}
    assert provisions_on("charter", "art-17", "2025-03-01") == {}


def test_a_failing_change_leaves_everything_as_it_was(charter):
    counts = (Amendment.objects.count(), ArticleVersion.objects.count(), Paragraph.objects.count())
    changes = [article_10_change(), ArticleChange(article="99", provisions=[ProvisionText(text={"zh-hans": "无"})])]
    with pytest.raises(ValidationError, match="no article '99'"):
        apply_amendment(instrument=charter, effective_on=ON, changes=changes)
    assert (Amendment.objects.count(), ArticleVersion.objects.count(), Paragraph.objects.count()) == counts


def test_a_provision_without_its_chinese_source_text_is_refused(charter):
    with pytest.raises(ValidationError, match="Chinese source text is missing"):
        apply_amendment(instrument=charter, effective_on=ON, changes=[article_10_change(text={"en": "Only English."})])
    assert not Amendment.objects.filter(effective_on=ON).exists()


def test_an_article_cannot_be_amended_before_its_latest_version(charter):
    with pytest.raises(ValidationError, match="already has a version"):
        apply_amendment(instrument=charter, effective_on=datetime.date(2018, 1, 1), changes=[article_10_change()])


def test_an_article_not_yet_created_cannot_be_amended(charter):
    change = ArticleChange(article="4-2", provisions=[ProvisionText(text={"zh-hans": "测试。"})])
    with pytest.raises(ValidationError, match="not in force"):
        apply_amendment(instrument=charter, effective_on=datetime.date(2010, 1, 1), changes=[change])


def test_two_amendments_of_one_instrument_on_one_day_are_refused(charter):
    with pytest.raises(ValidationError):
        apply_amendment(instrument=charter, effective_on=datetime.date(2018, 10, 29), changes=[article_10_change()])


def test_the_database_refuses_two_versions_of_an_article_in_force_on_one_day(charter):
    version = ArticleVersion.objects.filter(article__key="art-4", article__instrument=charter).last()
    with pytest.raises(IntegrityError, match="article_version_one_in_force_per_day"), transaction.atomic():
        ArticleVersion.objects.create(
            article=version.article, amendment=version.amendment, valid_from=version.valid_from
        )


def test_the_database_refuses_a_held_provision_without_its_source_text(charter):
    version = ArticleVersion.objects.filter(article__key="art-4", article__instrument=charter).last()
    with pytest.raises(IntegrityError, match="paragraph_source_text_unless_not_held"), transaction.atomic():
        Paragraph.objects.create(version=version, position=9, number="9", status="text", text_zh_hans="")


def test_a_version_must_start_on_its_amendment_day(charter):
    version = ArticleVersion.objects.filter(article__key="art-4", article__instrument=charter).last()
    version.valid_from = datetime.date(2016, 9, 28)
    with pytest.raises(ValidationError, match="day its amendment does"):
        version.full_clean()


def test_the_fixtures_are_built_from_the_sources_unchanged():
    """fixtures/40_instruments_*.json are what build_instrument_fixtures makes of the sources."""
    for slug in fixture_building.slugs():
        path = Path(settings.BASE_DIR) / "fixtures" / f"40_instruments_{slug.replace('-', '_')}.json"
        assert json.loads(path.read_text(encoding="utf-8")) == fixture_building.build(slug), slug


def test_the_database_refuses_texts_marked_in_a_language_the_portal_lacks(charter):
    charter.official_languages = ["fr"]
    with pytest.raises(IntegrityError, match="instrument_languages_are_portal_languages"), transaction.atomic():
        charter.save()
