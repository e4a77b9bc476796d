"""The report's outline, its section providers, and the reads behind them."""

import datetime

import pytest

from committees.models import Committee
from events.models import Event, Participation
from members.models import Country, MemberGovernment, MembershipEvent
from near_portal.report import data, providers, sections
from near_portal.report.models import ReportMessage, SecretariatPost, SecretariatProfile
from near_portal.report.secretariat import copy_secretariat
from near_portal.report.sections import ReportRequest, SectionContent, collect, compose

pytestmark = pytest.mark.django_db


def test_outline_follows_the_2018_edition_with_membership_and_dues_before_the_secretariat():
    assert [(part.key, [section.key for section in part.sections]) for part in sections.OUTLINE] == [
        ("messages", ["messages"]),
        ("activities", ["assemblies", "committees", "committee_meetings", "workshops_forums", "youth"]),
        ("cooperation", ["external_cooperation"]),
        ("membership", ["membership_changes"]),
        ("dues", ["dues"]),
        ("secretariat", ["secretariat"]),
        ("appendix", ["charter", "committee_regulation", "dues_regulation", "member_list"]),
    ]


def test_every_section_of_the_outline_has_a_provider():
    assert sorted(sections.providers()) == sorted(sections.SECTION_KEYS)


def test_a_provider_must_name_a_section_of_the_outline():
    with pytest.raises(ValueError, match="'annex' is not a section"):
        sections.provides("annex")


def test_a_section_has_one_provider():
    with pytest.raises(ValueError, match="already has a provider"):
        sections.provides("member_list")(lambda report: None)


@pytest.fixture
def plugged(monkeypatch):
    """Plug providers in for one test, as the integrator will for the other apps' sections."""
    monkeypatch.setattr(sections, "_providers", dict(sections.providers()))
    monkeypatch.setattr(sections, "PROVIDER_MODULES", [])
    return sections._providers


def test_a_plugged_in_provider_adds_its_section_numbered_among_those_present(plugged):
    for key in ["assemblies", "committee_meetings", "workshops_forums", "youth"]:
        plugged[key] = lambda report: None
    plugged["committees"] = lambda report: SectionContent("report/sections/secretariat.html", {"posts": []})
    parts = compose(ReportRequest(2018, "en"))
    activities = next(part for part in parts if part.key == "activities")
    assert [(s.number, s.title) for s in activities.sections] == [("I.", "Specialized committees")]
    assert activities.title == "Main activities of the association"


def test_a_provider_without_data_leaves_out_its_section_and_an_emptied_part(plugged):
    plugged["secretariat"] = lambda report: None
    present, left_out = collect(ReportRequest(2018, "en"))
    assert [part.key for part, _contents in present if part.key in ("membership", "secretariat")] == ["membership"]
    assert "secretariat" in left_out and "membership_changes" not in left_out


def test_section_titles_are_translated_with_the_year():
    parts = compose(ReportRequest(2018, "ru"))
    assert [(s.number, s.title) for s in parts[-1].sections] == [
        ("1.", "Устав в редакции, действовавшей на 31 декабря 2018 года"),
        ("2.", "Положение о специализированных комитетах в редакции, действовавшей на 31 декабря 2018 года"),
        ("3.", "Положение о членских взносах в редакции, действовавшей на 31 декабря 2018 года"),
        ("4.", "Члены Ассоциации на 31 декабря 2018 года"),
    ]


def test_a_year_without_dated_changes_or_secretariat_leaves_those_parts_out():
    present, left_out = collect(ReportRequest(2019, "en"))
    assert {"membership", "secretariat"}.isdisjoint(part.key for part, _contents in present)
    assert left_out == [
        "messages",
        "committee_meetings",
        "youth",
        "external_cooperation",
        "membership_changes",
        "dues",
        "secretariat",
    ]


def test_report_request_rejects_an_unknown_language():
    with pytest.raises(ValueError, match="Unknown language 'de'"):
        ReportRequest(2018, "de")


def test_messages_come_chair_first_in_the_requested_language_only():
    ReportMessage.objects.create(year=2018, language="en", author="secretary_general", body="Dear members,")
    assert [m.author for m in data.messages(2018, "zh-hans")] == ["chair", "secretary_general"]
    assert [m.author for m in data.messages(2018, "en")] == ["secretary_general"]


def test_missing_messages_are_listed_by_language_and_author():
    assert data.missing_messages(2018) == [
        (language, author) for language in ["en", "mn", "ko", "ja", "ru"] for author in ["chair", "secretary_general"]
    ]
    assert len(data.missing_messages(2019)) == 12


def test_members_by_country_on_31_december_2018():
    listed = data.members_by_country(datetime.date(2018, 12, 31))
    assert [(g["country"].code, len(g["governments"])) for g in listed["member"]] == [
        ("CN", 11),
        ("JP", 11),
        ("KR", 16),
        ("MN", 22),
        ("RU", 16),
        ("KP", 2),
    ]
    assert [g.slug for group in listed["associate"] for g in group["governments"]] == ["ho-chi-minh-city"]


def test_membership_events_of_a_year_are_the_dated_ones_in_it():
    assert [(e.member.slug, e.date) for e in data.membership_events(2018)] == [("akita", datetime.date(2018, 10, 29))]
    assert [e.member.slug for e in data.membership_events(2016)] == ["anhui", "shaanxi"]


def test_secretariat_of_2018_has_the_17_posts_of_the_chart_in_order():
    profile = data.secretariat(2018)
    posts = list(profile.posts.all())
    assert len(posts) == 17
    assert (posts[0].position_en, posts[0].holder_zh_hans) == ("Secretary-General", "洪钟庆")
    assert [p.seconded_from.slug for p in posts if p.seconded_from] == [
        "gyeongsangbuk",
        "gyeongsangbuk",
        "heilongjiang",
        "omnogovi",
        "sakha",
    ]
    assert data.secretariat(2019) is None


def test_copying_the_secretariat_to_the_next_year_copies_every_language_and_post():
    copy = copy_secretariat(profile=SecretariatProfile.objects.get(year=2018), year=2019)
    assert copy.year == 2019
    assert copy.budget_ko.startswith("사무국의 연간 운영비는 약 100만 달러")
    assert copy.posts.count() == 17
    assert copy.posts.get(order=1).holder_ja == "ホン・ジョンギョン"
    assert SecretariatProfile.objects.get(year=2018).posts.count() == 17


def add_members_and_changes(count):
    """``count`` more governments, admitted in 2018, and as many secretariat posts."""
    china = Country.objects.get(code="CN")
    governments = MemberGovernment.objects.bulk_create(
        MemberGovernment(
            name=f"Test Province {n}",
            name_en=f"Test Province {n}",
            slug=f"test-{n}",
            country=china,
            kind="province",
            list_position=100 + n,
        )
        for n in range(count)
    )
    MembershipEvent.objects.bulk_create(
        MembershipEvent(
            member=g, kind="admitted", membership_type="member", date=datetime.date(2018, 5, 1), date_precision="day"
        )
        for g in governments
    )
    profile = SecretariatProfile.objects.get(year=2018)
    SecretariatPost.objects.bulk_create(
        SecretariatPost(profile=profile, position=f"Officer {n}", holder=f"Person {n}", order=100 + n, seconded_from=g)
        for n, g in enumerate(governments)
    )


def add_committee_meetings(governments):
    """A 2018 meeting of the Disaster Prevention Committee hosted by each of ``governments``, all of them taking part."""
    committee = Committee.objects.get(slug="disaster-prevention")
    events = Event.objects.bulk_create(
        Event(
            kind="committee_meeting",
            title=f"Test meeting {n}",
            title_en=f"Test meeting {n}",
            slug=f"test-meeting-{n}",
            start_date=datetime.date(2018, 11, 1),
            committee=committee,
            organiser="committee",
            participation_complete=True,
        )
        for n in range(len(governments))
    )
    for event, government in zip(events, governments, strict=True):
        event.hosts.add(government)
    Participation.objects.bulk_create(
        Participation(event=event, member=government, delegates=2) for event in events for government in governments
    )


# messages 1, membership changes 2, secretariat 2, member list 1; sessions 3 (sessions, agenda
# items, motions); committees 2 (committees, coordinator terms); four sections of events, 5
# each (their number, events, hosts, participations, figures by country); dues 3 (assessed
# members, budget, settlement); three instruments, 5 each (instrument, amendments, articles,
# paragraphs, headings).
REPORT_QUERIES = 6 + 3 + 2 + 4 * 5 + 3 + 3 * 5


def test_report_data_takes_the_same_number_of_queries_whatever_the_number_of_members(django_assert_num_queries):
    report = ReportRequest(2018, "zh-hans")
    with django_assert_num_queries(REPORT_QUERIES):
        compose(report)
    add_members_and_changes(40)
    add_committee_meetings(MemberGovernment.objects.filter(slug__startswith="test-")[:10])
    with django_assert_num_queries(REPORT_QUERIES):
        parts = compose(report)
    html = "".join(section.html for part in parts for section in part.sections)
    assert html.count("Test Province") == 3 * 40 + 10 * (1 + 10)  # changes, staff, list; hosts and participants
    assert html.count("Test meeting") == 10


def test_forums_split_between_main_activities_and_external_cooperation_in_the_same_number_of_queries(
    django_assert_num_queries,
):
    governments = list(MemberGovernment.objects.order_by("slug")[:5])
    for n, organiser in enumerate(["secretariat", "other"] * 5):
        event = Event.objects.create(
            kind="forum",
            title=f"Test forum {n}",
            title_en=f"Test forum {n}",
            slug=f"test-forum-{n}",
            start_date=datetime.date(2018, 12, 20),
            organiser=organiser,
        )
        event.hosts.add(governments[n % 5])
        Participation.objects.bulk_create(Participation(event=event, member=g) for g in governments)
    with django_assert_num_queries(REPORT_QUERIES):
        parts = compose(ReportRequest(2018, "en"))
    html = {section.key: section.html for part in parts for section in part.sections}
    assert [html["workshops_forums"].count(f"Test forum {n}<") for n in range(10)] == [1, 0] * 5
    assert [html["external_cooperation"].count(f"Test forum {n}<") for n in range(10)] == [0, 1] * 5


def test_the_2016_report_counts_only_dated_admissions_and_says_so():
    # Before 2018 the undated admissions are not counted (members.querysets.UNDATED_STANDING_FROM).
    listed = data.members_by_country(datetime.date(2016, 12, 31))
    assert sorted(g.slug for group in listed["member"] for g in group["governments"]) == [
        "anhui",
        "hubei",
        "hyogo",
        "jilin",
        "ningxia",
        "sakha",
        "shaanxi",
    ]
    section = providers.membership_changes(ReportRequest(2016, "en"))
    assert (section.context["member_count"], section.context["undated_not_counted"]) == (7, True)
    assert providers.membership_changes(ReportRequest(2018, "en")).context["undated_not_counted"] is False
