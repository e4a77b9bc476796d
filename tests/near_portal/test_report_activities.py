"""The report's sections read from the other apps: sessions, committees, meetings, events, dues, the instruments."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from assemblies.models import Session
from committees.models import Committee
from events.models import Event
from near_portal.report import activities, appendix, finances
from near_portal.report.sections import ReportRequest, compose
from tests.dues.factories import assess, make_member, pay

pytestmark = pytest.mark.django_db

D = datetime.date
EN_2018 = ReportRequest(2018, "en")


def test_2018_lists_its_five_committee_meetings_in_date_order():
    rows = activities.committee_meetings(EN_2018).context["rows"]
    assert [(row["event"].title_en, row["event"].start_date) for row in rows] == [
        ("16th Disaster Prevention Committee", D(2018, 3, 5)),
        ("5th Mineral Resources Development Committee", D(2018, 7, 18)),
        ("16th Education and Culture Exchange Committee", D(2018, 8, 3)),
        ("2018 Energy and Climate Change Committee", D(2018, 9, 15)),
        ("1st International Talent Exchange Committee", D(2018, 9, 20)),
    ]


def test_the_16th_disaster_prevention_committee_gives_hyogo_its_dates_and_recorded_participants():
    row = activities.committee_meetings(EN_2018).context["rows"][0]
    event, figures = row["event"], row["figures"]
    assert (event.start_date, event.end_date, event.committee.slug) == (
        D(2018, 3, 5),
        D(2018, 3, 7),
        "disaster-prevention",
    )
    assert [host.slug for host in event.hosts.all()] == ["hyogo"]
    assert (figures.governments.value, figures.governments.origin) == (15, "recorded")
    assert (figures.participants.value, figures.participants.origin) == (28, "recorded")


def test_committee_meetings_print_dates_host_and_figures_as_recorded(rendered_2018_en):
    html = rendered_2018_en["committee_meetings"]
    assert "<td>March 5, 2018 – March 7, 2018</td>" in html
    assert "<td>Hyogo Prefecture</td>" in html
    assert "Governments: 15 <small>(as recorded)</small>" in html
    assert "Participants: 28 <small>(as recorded)</small>" in html
    assert "Participants: more than 30 <small>(as recorded)</small>" in html  # 5th Mineral Resources, Magadan
    assert "Governments named in the record: Heilongjiang Province, Inner Mongolia Autonomous Region" in html


def test_2018_sessions_are_the_12th_general_assembly_with_its_eight_agenda_items():
    sessions = activities.assemblies(EN_2018).context["sessions"]
    assert [(s.body, s.number) for s in sessions] == [("general_assembly", 12)]
    items = sessions[0].agenda_items.all()
    assert [(item.position, [m.outcome for m in item.motions.all()]) for item in items] == [
        (1, ["adopted"]),
        (2, ["adopted"]),
        (3, []),
        (4, ["adopted"]),
        (5, ["adopted"]),
        (6, ["adopted"]),
        (7, ["adopted"]),
        (8, ["adopted"]),
    ]


def test_the_12th_general_assembly_prints_its_attendance_and_results(rendered_2018_en):
    html = rendered_2018_en["assemblies"]
    assert "<h3>12th General Assembly</h3>" in html
    assert "<dd>Oct. 28, 2018 – Oct. 31, 2018</dd>" in html
    assert "<dt>Members that exercised their vote</dt><dd>50</dd>" in html
    assert "<strong>Admission of a new member</strong>" in html
    assert html.count(">Adopted</p>") == 7
    assert "Report, no vote" in html


def test_2017_sessions_are_the_11th_working_committee():
    sessions = activities.assemblies(ReportRequest(2017, "en")).context["sessions"]
    assert [(s.title, [i.title_en for i in s.agenda_items.all()]) for s in sessions] == [
        (
            "11th Working Committee",
            ["Associate membership of Ho Chi Minh City", "Deferral of the first payment of dues"],
        )
    ]


def test_committee_table_gives_the_coordinators_on_31_december_2018():
    rows = activities.committees(EN_2018).context["rows"]
    assert [(row["committee"].regulation_number, [m.slug for m in row["coordinators"]]) for row in rows] == [
        (1, ["gyeongsangbuk"]),
        (2, ["toyama"]),
        (3, ["shimane"]),
        (4, ["hyogo"]),
        (7, ["shandong"]),
        (8, ["henan", "ningxia"]),
        (9, ["magadan"]),
        (10, ["shanxi"]),
        (12, ["chungcheongbuk"]),
        (13, ["jeollanam"]),
        (14, ["sakha"]),
        (15, ["heilongjiang"]),
        (16, ["jilin"]),
        (17, ["henan"]),
        (18, ["hunan"]),
        (19, ["krasnoyarsk"]),
        (20, ["shaanxi"]),
    ]


def test_committee_table_states_meetings_as_recorded_to_2018(rendered_2018_en):
    html = rendered_2018_en["committees"]
    assert "<td>Disaster Prevention Committee</td>\n      <td>Hyogo Prefecture</td>\n      <td>1998</td>" in html
    assert "<td>16 recorded to 2018, 0 since</td>" in html
    assert "Henan Province, Ningxia Hui Autonomous Region" in html


def test_committee_table_of_2017_leaves_out_the_2018_committees_and_the_meetings_column():
    content = activities.committees(ReportRequest(2017, "en"))
    assert [row["committee"].regulation_number for row in content.context["rows"]] == [
        1,
        2,
        3,
        4,
        7,
        8,
        9,
        10,
        12,
        13,
        14,
        15,
        16,
        17,
    ]
    assert content.context["show_meetings"] is False


def slugs(key, report=EN_2018):
    return [row["event"].slug for row in getattr(activities, key)(report).context["rows"]]


def test_2018_workshops_and_forums_hold_only_the_working_level_workshop_as_the_2018_edition_does():
    # Seed 003, III: "2018 事务人员工作会议" is the only event between the committees and the youth programmes.
    assert slugs("workshops_forums") == ["working-level-workshop-2018"]
    assert slugs("youth") == ["6th-youth-contest-2018", "youth-leaders-forum-2018"]


def test_2018_external_cooperation_lists_the_forums_of_other_organisations_the_secretariat_attended_or_helped_run():
    # Seed 003, "强化对外合作交流": every forum of 2018 is reported there, the Crested Ibis and the
    # CEO forums too, which the secretariat helped run (承办单位, 协办单位).
    rows = activities.external_cooperation(EN_2018).context["rows"]
    assert [row["event"].slug for row in rows if row["event"].kind == "forum"] == [
        "2018-04-trilateral-cooperation-forum-tokyo",
        "2018-04-northern-forum-and-kef-2018",
        "2018-05-crested-ibis-international-forum",
        "2018-05-far-east-russia-korea-forum",
        "2018-07-northeast-asia-ceo-economic-cooperation-forum",
        "2018-09-busan-oceanomy-forum",
        "1st-korea-russia-local-cooperation-forum-2018",
        "2018-12-eurasia-city-forum-busan",
    ]


def test_2018_external_cooperation_has_the_39_entries_of_the_2018_edition_by_kind():
    kinds = [row["event"].kind for row in activities.external_cooperation(EN_2018).context["rows"]]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {"visit": 28, "forum": 8, "other": 3}


def test_a_forum_nears_secretariat_holds_is_a_main_activity_not_external_cooperation():
    report = ReportRequest(2019, "en")
    assert slugs("workshops_forums", report) == ["near-cruise-tourism-forum-2019"]
    assert activities.external_cooperation(report) is None


@pytest.mark.parametrize(
    "organiser, section",
    [
        ("secretariat", "workshops_forums"),
        ("committee", "workshops_forums"),
        ("host", "workshops_forums"),
        ("other", "external_cooperation"),
    ],
)
def test_a_workshop_goes_to_the_main_activities_unless_another_organisation_held_it(organiser, section):
    Event.objects.create(
        kind="workshop",
        title="Test workshop",
        slug="test-workshop",
        start_date=D(2017, 6, 1),
        organiser=organiser,
        committee=Committee.objects.get(slug="disaster-prevention"),
    )
    report = ReportRequest(2017, "en")
    other = ({"workshops_forums", "external_cooperation"} - {section}).pop()
    assert slugs(section, report) == ["test-workshop"]
    assert getattr(activities, other)(report) is None


def test_external_cooperation_also_lists_the_meetings_with_the_mongolian_governors_as_the_2018_edition_does():
    rows = activities.external_cooperation(EN_2018).context["rows"]
    assert [row["event"].start_date for row in rows if row["event"].kind == "other"] == [
        D(2018, 3, 1),
        D(2018, 8, 1),
        D(2018, 10, 1),
    ]


def test_youth_contest_prints_its_recorded_works(rendered_2018_en):
    html = rendered_2018_en["youth"]
    assert "<strong>6th NEAR Youth Contest</strong>" in html
    assert "Works submitted: 130 <small>(as recorded)</small>" in html
    assert "Participants: 82 <small>(as recorded)</small>" in html


def test_a_section_with_more_events_than_the_report_lists_counts_them_and_says_where_each_is(
    django_assert_num_queries,
):
    assert activities.LISTED_EVENTS == 50
    tourism = Committee.objects.get(slug="tourism")
    Event.objects.bulk_create(
        [
            Event(
                kind="visit",
                title_en=f"Test visit {n}",
                slug=f"test-visit-{n}",
                start_date=D(2018, 1 + n % 12, 2),
                organised_by_secretariat=True,
            )
            for n in range(12)
        ]
        + [
            Event(
                kind="committee_meeting",
                title_en=f"Test meeting {n}",
                slug=f"test-meeting-{n}",
                start_date=D(2018, 1 + n % 12, 3),
                committee=tourism,
                organiser="committee",
            )
            for n in range(46)
        ]
    )
    # 51 meetings: counted by committee (the count, the groups, the committees named).
    with django_assert_num_queries(3):
        meetings = activities.committee_meetings(EN_2018)
    assert meetings.template == "report/sections/events_counted.html"
    assert (meetings.context["total"], [(c.slug, n) for c, n in meetings.context["counted"]]) == (
        51,
        [
            ("tourism", 46),
            ("disaster-prevention", 1),
            ("education-and-culture", 1),
            ("energy-and-climate-change", 1),
            ("international-talent", 1),
            ("mineral-resources", 1),
        ],
    )
    # 39 + 12 entries of external cooperation: counted by kind, the most first (the count, the groups).
    with django_assert_num_queries(2):
        cooperation = activities.external_cooperation(EN_2018)
    assert (cooperation.context["total"], cooperation.context["counted"]) == (
        51,
        [("visit or agreement", 40), ("international forum", 8), ("other", 3)],
    )
    with translation.override("ru"):
        html = render_to_string(cooperation.template, {"report": EN_2018, **cooperation.context})
    assert (
        "Мероприятия 2018 года: 51 — больше, чем 50, которые отчёт перечисляет поимённо. Ниже они подсчитаны; "
        "каждое, с датами, местом и участниками, есть в списке мероприятий портала: /en/events/?year=2018."
    ) in " ".join(html.split())
    assert "<tr><td>Визит или соглашение</td><td>40</td></tr>" in html
    assert "Test visit" not in html
    assert meetings.context["address"] == "/en/events/?year=2018&kind=committee_meeting"
    # The sections below the bound still list each event, as the 2018 edition does.
    youth = activities.youth(EN_2018)
    assert (youth.template, len(youth.context["rows"])) == ("report/sections/events.html", 2)


@pytest.mark.parametrize("key", ["committee_meetings", "workshops_forums", "youth", "external_cooperation"])
def test_event_sections_are_left_out_in_a_year_without_events(key):
    assert getattr(activities, key)(ReportRequest(2017, "en")) is None


def test_sessions_and_committees_are_left_out_before_the_record_begins():
    early = ReportRequest(1990, "en")
    assert activities.assemblies(early) is None
    assert appendix.charter(early) is None


def test_charter_of_2018_has_the_extraordinary_working_committee_and_2017_not_yet():
    def article_10(year):
        text = appendix.charter(ReportRequest(year, "en")).context["text"]
        return [p.text for a in text.articles if a.article.key == "art-10" for p in a.provisions]

    after, before = article_10(2018), article_10(2017)
    assert after[0].endswith(
        "The chair may also convene an extraordinary meeting of the Working Committee when the chair considers one necessary."
    )
    assert "extraordinary" not in before[0]
    assert "with the consent of the General Assembly" in before[3]
    assert "with the consent of the General Assembly" not in after[3]


def test_charter_section_gives_its_last_amendment_and_the_unofficial_mark(rendered_2018_en):
    html = rendered_2018_en["charter"]
    assert "As in force on Dec. 31, 2018 · last amended with effect from Oct. 29, 2018" in html
    assert "Unofficial translation, made for this portal from the Chinese text of the record." in html


@pytest.mark.parametrize("language, status", [("zh-hans", "source"), ("ja", "unofficial"), ("mn", "unofficial")])
def test_instrument_text_status_follows_the_reports_language(language, status):
    assert appendix.committee_regulation(ReportRequest(2018, language)).context["text_status"] == status


def test_dues_regulation_is_left_out_before_it_was_made():
    assert appendix.dues_regulation(ReportRequest(2015, "en")) is None
    # Made on 2016-09-28 but in force only from 2017-01-01 (its supplementary article 1).
    assert appendix.dues_regulation(ReportRequest(2016, "en")) is None
    assert appendix.dues_regulation(ReportRequest(2017, "en")).context["text"].adoption.effective_on == D(2017, 1, 1)


def test_dues_section_is_left_out_without_dues_data_for_the_year():
    assert finances.dues(EN_2018) is None


def test_dues_section_gives_assessed_collected_and_outstanding_on_31_december():
    first, second = make_member("test-dues-a"), make_member("test-dues-b")
    assess(first, 2018)
    assess(second, 2018)
    pay(first, D(2018, 4, 20), "1000.00")
    pay(second, D(2018, 6, 1), "250.00")
    pay(second, D(2019, 2, 1), "750.00")  # after 31 December: not in the 2018 report
    content = finances.dues(EN_2018)
    totals = content.context["dues_report"].dues.totals
    assert (totals.members, totals.assessed, totals.collected, totals.outstanding) == (
        2,
        Decimal("2000.00"),
        Decimal("1250.00"),
        Decimal("750.00"),
    )
    with translation.override("en"):
        html = render_to_string(content.template, {"report": EN_2018, **content.context})
    assert "<dd>2,000.00 <small>USD</small></dd>" in html
    assert "<dd>750.00 <small>USD</small></dd>" in html
    assert '<tr><td>Republic of Korea</td><td class="num">2</td>' in html


@pytest.fixture
def rendered_2018_en():
    """Section key -> HTML of the 2018 English report."""
    return {section.key: section.html for part in compose(EN_2018) for section in part.sections}


def test_a_working_committee_on_the_assemblys_first_day_comes_after_it():
    Session.objects.create(body="working_committee", number=99, key="99", start_date=D(2018, 10, 28))
    sessions = activities.assemblies(EN_2018).context["sessions"]
    assert [(s.body, s.number) for s in sessions] == [("general_assembly", 12), ("working_committee", 99)]
