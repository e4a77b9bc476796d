"""A government's published plans on its public page and their own page, in the six languages."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from core.caching import content_version
from members.models import MemberGovernment
from plans.models import CooperationPlan, Kind, PlanActivity, Status

pytestmark = pytest.mark.django_db

PLAN_URL = "/{lang}/members/tov/plans/2020/"
# (language, the plan's title, a heading from the catalogue, the NEAR activity's timing) in each language.
IN_EACH_LANGUAGE = [
    (
        "en",
        "Töv Province&#x27;s foreign relations and cooperation plan for 2020",
        "Cooperation between member governments",
        "Throughout the year",
    ),
    (
        "mn",
        "Төв аймгийн гадаад харилцаа, хамтын ажиллагааны 2020 оны төлөвлөгөө",
        "NEAR-ын хамтын ажиллагаа",
        "Жилийн турш",
    ),
    ("zh-hans", "中央省2020年对外关系与合作计划", "会员自治体之间的合作", "全年"),
    ("ko", "툽도 2020년 대외 관계·협력 계획", "회원 자치단체 간 협력", "연중"),
    ("ja", "トゥブ県2020年対外関係・協力計画", "会員自治体間の協力", "通年"),
    (
        "ru",
        "План внешних связей и сотрудничества Центрального аймака на 2020 год",
        "Сотрудничество в NEAR",
        "Круглый год",
    ),
]


@pytest.mark.parametrize(("lang", "title", "heading", "timing"), IN_EACH_LANGUAGE)
def test_toevs_plan_is_on_its_page_in_each_language(client, lang, title, heading, timing):
    html = client.get(PLAN_URL.format(lang=lang)).content.decode()
    assert f"<h1>{title}</h1>" in html
    assert heading in html
    assert timing in html


@pytest.mark.parametrize(("lang", "title", "heading", "timing"), IN_EACH_LANGUAGE)
def test_the_governments_page_links_its_published_plan_in_each_language(client, lang, title, heading, timing):
    html = client.get(f"/{lang}/members/tov/").content.decode()
    assert f'<li><a href="/{lang}/members/tov/plans/2020/">2020: {title}</a></li>' in html


def test_the_plan_page_groups_the_activities_near_first_then_members_then_outside(client):
    html = client.get("/en/members/tov/plans/2020/").content.decode()
    near, members, outside = (html.index(f'id="plan-{kind}-heading"') for kind in ("near", "members", "outside"))
    assert near < members < outside
    assert '<p class="count">1 activity</p>' in html
    assert '<p class="count">14 activities</p>' in html
    assert '<p class="count">13 activities</p>' in html
    assert html.count('<article class="plan-activity">') == 28
    # The NEAR activity names the committees as its body; a cooperation with Tottori links Tottori.
    assert "<dt>NEAR body</dt><dd>specialized committees</dd>" in html
    assert '<a href="/en/members/tottori/">Tottori Prefecture</a>' in html
    assert "<dt>Counterpart</dt><dd>EATOF</dd>" in html


def test_a_draft_plan_is_neither_listed_nor_shown(client):
    CooperationPlan.objects.filter(government__slug="tov", year=2020).update(status=Status.DRAFT)
    html = client.get("/en/members/tov/").content.decode()
    assert "/en/members/tov/plans/2020/" not in html
    assert "No cooperation plan of this government is published." in html
    assert client.get("/en/members/tov/plans/2020/").status_code == 404


def test_a_year_without_a_plan_or_out_of_range_is_not_found(client):
    assert client.get("/en/members/tov/plans/2019/").status_code == 404
    assert client.get("/en/members/tov/plans/99999999999999999999/").status_code == 404
    assert client.get("/en/members/hyogo/plans/2020/").status_code == 404


def test_a_government_without_a_plan_says_none_is_published(client):
    html = client.get("/ja/members/hyogo/").content.decode()
    assert "この自治体の協力計画は公開されていません。" in html


def test_the_plan_page_takes_four_queries_however_many_activities(client, django_assert_num_queries):
    # The plan with its government, the activities with their measures, their committees, their governments.
    with django_assert_num_queries(4):
        client.get("/en/members/tov/plans/2020/")
    measure = CooperationPlan.objects.get(government__slug="tov").measures.get(number=11)
    for number in range(8, 48):
        PlanActivity.objects.create(
            measure=measure, number=number, description=f"Activity {number}", kind=Kind.OUTSIDE, counterpart="EATOF"
        )
    with django_assert_num_queries(4):
        html = client.get("/en/members/tov/plans/2020/").content.decode()
    assert html.count('<article class="plan-activity">') == 68


def test_the_governments_page_reads_its_plans_in_one_query(client, django_assert_num_queries):
    # The government, its membership history, its published plans, its events, its coordinator terms.
    with django_assert_num_queries(5):
        client.get("/en/members/tov/")
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    for year in range(2001, 2041):
        CooperationPlan.objects.create(government=hyogo, year=year, title=f"Plan {year}", status=Status.PUBLISHED)
    with django_assert_num_queries(6):  # Hyogo's page reads its events' hosts too (tests/events)
        html = client.get("/en/members/hyogo/").content.decode()
    assert html.count('<li><a href="/en/members/hyogo/plans/') == 40


def test_the_plan_page_is_cached_and_a_change_of_the_plan_shows_at_once(client, django_capture_on_commit_callbacks):
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=600):
        assert client.get(PLAN_URL.format(lang="ko"))["X-Page-Cache"] == "miss"
        assert client.get(PLAN_URL.format(lang="ko"))["X-Page-Cache"] == "hit"
        version = content_version()
        activity = PlanActivity.objects.get(kind=Kind.NEAR)
        with django_capture_on_commit_callbacks(execute=True):
            activity.timing_ko = "연중 (수정)"
            activity.save()
        assert content_version() == version + 1
        response = client.get(PLAN_URL.format(lang="ko"))
        assert response["X-Page-Cache"] == "miss"
        assert "연중 (수정)" in response.content.decode()
    cache.clear()
