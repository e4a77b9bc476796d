"""Minutes from the record: what they say (the 12th General Assembly in English and Chinese, a poll closed
in the portal), in six languages, who may see and publish them, and their public page."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from assemblies import polls
from assemblies.models import Attendance, Ballot, Body, DecisionKind, Session
from core import roles
from documents import minutes
from documents.minutes_admin import can_publish_minutes
from documents.models import Document, MinutesPublication
from tests.assemblies.factories import attend, make_motion, make_session, vote, voters

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def flat(text: str) -> str:
    """The page with its runs of white space made one space, so that fragments can be compared exactly."""
    return " ".join(text.split())


def preview(client, staff_in_role, session, language):
    client.force_login(staff_in_role(roles.EDITOR))
    response = client.get(f"/admin/documents/document/minutes/{session.pk}/", {"language": language})
    assert response.status_code == 200
    return flat(response.content.decode())


def test_the_12th_general_assembly_minutes_in_english(client, staff_in_role, ga12):
    body = preview(client, staff_in_role, ga12, "en")
    assert "<h2>Minutes of the 12th General Assembly</h2>" in body
    assert "<dt>Symbol</dt><dd><code>NEAR/GA/12/MIN/1</code></dd>" in body
    assert (
        '<ol><li value="1">Venue of the next General Assembly (chair government)</li>'
        '<li value="2">Admission of a new member</li>'
    ) in body
    # Attendance: the record gives the totals only (seed 003: 29 present + 21 written = 50).
    assert (
        "<p>The record gives only the totals of the attendance, not which governments attended:</p>"
        ' <dl class="figures"> <div><dt>Present</dt><dd>29</dd></div>'
        " <div><dt>Written resolutions</dt><dd>21</dd></div>"
        " <div><dt>Members that exercised their vote</dt><dd>50</dd></div> </dl>"
    ) in body
    # Item 2: the rule and its clause, no invented tally, the outcome as recorded, the resolution's symbol.
    assert (
        '<h3>2. Admission of a new member</h3> <p class="decision-kind">Admission or expulsion of members and '
        "associate members (art. 8(1))</p>"
    ) in body
    assert (
        '<p class="rule">Quorum: more than half of the members holding voting rights. Majority: two thirds or more '
        "of the members present (Charter art. 9(2)).</p>"
        ' <div class="motion"> <p><strong>Motion:</strong> Akita Prefecture (Japan) is admitted as a member, the '
        "eleventh Japanese member.</p>"
        ' <p class="note">The record gives no tally for this motion, only its outcome: no ballot is recorded.</p>'
        ' <p class="outcome outcome-adopted"><strong>Outcome: Adopted</strong> — as recorded</p>'
        " <p>Resolution NEAR/GA/12/RES/2.</p>"
    ) in body
    assert body.count("The record gives no tally for this motion, only its outcome") == 7
    assert '<table class="tally">' not in body
    assert '<p class="rule">This agenda item is a report: it is not put to the vote.</p>' in body
    # What the resolutions changed.
    assert (
        "<h3>NEAR/GA/12/RES/2 · Admission of a new member</h3> <p>Adopted on Oct. 29, 2018.</p>"
        ' <p>What it changed:</p> <ul class="effects"> <li><strong>Admission</strong>: '
        '<a href="/en/members/akita/">Akita Prefecture admitted as a member</a></li> </ul>'
    ) in body
    assert (
        "<h3>NEAR/GA/12/RES/1 · Venue of the next General Assembly (chair government)</h3>"
        " <p>Adopted at the session (Oct. 28, 2018 – Oct. 31, 2018); the record gives no date of its own.</p>"
    ) in body
    assert (
        '<li><strong>Amendment of the Charter</strong>: <a href="/en/charter/">Charter art. 10(1) and 10(4) amended, '
        "in force 29 October 2018</a> (from Oct. 29, 2018)</li>"
    ) in body
    assert "<p>The minutes of this session are not published yet.</p>" in body


def test_the_12th_general_assembly_minutes_in_chinese(client, staff_in_role, ga12):
    body = preview(client, staff_in_role, ga12, "zh-hans")
    assert "<h2>第12次全体会议会议纪要</h2>" in body
    assert "<dt>文号</dt><dd><code>NEAR/GA/12/MIN/1</code></dd>" in body
    assert "<dt>日期</dt><dd>2018年10月28日 – 2018年10月31日</dd>" in body
    assert (
        "<p>记录只载有出席情况的总数，未载明哪些地方政府出席：</p>"
        ' <dl class="figures"> <div><dt>出席</dt><dd>29</dd></div>'
        " <div><dt>书面决议书</dt><dd>21</dd></div>"
        " <div><dt>行使表决权的会员</dt><dd>50</dd></div> </dl>"
    ) in body
    assert (
        '<p class="rule">法定人数：拥有表决权的会员过半数出席。多数：出席会员的三分之二以上(宪章第九条第二项)。</p>'
        ' <div class="motion"> <p><strong>动议：</strong> 日本秋田县加入联合会，成为第十一家日本会员地方政府。</p>'
        ' <p class="note">记录中没有该动议的计票，只有其结果：未记录任何选票。</p>'
        ' <p class="outcome outcome-adopted"><strong>结果：通过</strong> — 据记录</p>'
        " <p>决议NEAR/GA/12/RES/2。</p>"
    ) in body
    assert '<p class="rule">该议题为报告事项，不付诸表决。</p>' in body
    assert (
        "<h3>NEAR/GA/12/RES/2 · 新会员入会</h3> <p>2018年10月29日通过。</p>"
        ' <p>带来的变更：</p> <ul class="effects"> <li><strong>入会</strong>: '
        '<a href="/zh-hans/members/akita/">秋田县加入联合会</a></li> </ul>'
    ) in body
    assert "宁夏与河南共同担任旅游专门委员会协调员" in body
    for english in ("Proceedings", "Attendance", "Motion:", "Outcome:", "as recorded", "Resolutions and what"):
        assert english not in body


# The four section headings of the minutes in each language.
HEADINGS = {
    "en": ("Agenda", "Attendance", "Proceedings", "Resolutions and what they changed"),
    "mn": ("Хэлэлцэх асуудал", "Ирц", "Хэлэлцүүлгийн явц", "Тогтоолууд ба тэдгээрийн өөрчилсөн зүйл"),
    "zh-hans": ("议程", "出席情况", "议事经过", "决议及其带来的变更"),
    "ko": ("의제", "출석", "의사 진행", "결의와 그에 따른 변경"),
    "ja": ("議題", "出欠", "議事の経過", "決議とそれによる変更"),
    "ru": ("Повестка дня", "Присутствие", "Ход заседания", "Резолюции и что они изменили"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_minutes_speak_each_language(language, ga12):
    body = flat(minutes.render_body(minutes.minutes_of(ga12), language))
    assert [f"<h2>{heading}</h2>" in body for heading in HEADINGS[language]] == [True] * 4
    if language != "en":
        for english in ("Proceedings", "Motion:", "Outcome:", "Quorum:", "The record gives", "Adopted"):
            assert english not in body


def closed_session():
    """A 14th General Assembly (79 voters): 45 present, 5 in writing, 1 recorded absent; 34 in favour, 6 against."""
    session = make_session(number=14, key="14", start=datetime.date(2023, 10, 1))
    motion = make_motion(session, DecisionKind.ADMISSION, text="Admit nobody in particular.")
    roll = voters(session)
    attend(session, roll[:45])
    attend(session, roll[45:50], Attendance.Status.WRITTEN)
    attend(session, roll[50:51], Attendance.Status.ABSENT)
    vote(motion, roll[:30] + roll[45:49], Ballot.Choice.YES)
    vote(motion, roll[30:36], Ballot.Choice.NO)
    polls.close_poll(motion=motion, closed_by=None, on=session.start_date)
    return Session.objects.select_related("host", "chair").get(pk=session.pk), roll


def test_the_minutes_of_a_poll_closed_in_the_portal_give_attendance_by_government_and_the_stored_tally():
    session, roll = closed_session()
    body = flat(minutes.render_body(minutes.minutes_of(session), "en"))
    assert "<p>45 present, 5 by written resolution (50 present or voting in writing), 29 absent.</p>" in body
    assert "<h3>Present (45)</h3>" in body and "<h3>By written resolution (5)</h3>" in body
    assert "<h3>Absent (29)</h3>" in body
    # Absent: the one recorded so, and the governments on the roll with no line.
    assert f"<li>{roll[50].name}</li>" in body and f"<li>{roll[78].name}</li>" in body
    assert (
        "<caption>Tally of the poll closed on Oct. 1, 2023</caption> <tbody>"
        ' <tr><th scope="row">Members holding voting rights</th><td>79</td></tr>'
        ' <tr><th scope="row">Members present</th><td>50 (5 by written resolution)</td></tr>'
        ' <tr><th scope="row">Quorum</th><td>40 — reached</td></tr>'
        ' <tr><th scope="row">In favour</th><td>34</td></tr>'
        ' <tr><th scope="row">Against</th><td>6</td></tr>'
        ' <tr><th scope="row">Abstentions</th><td>0</td></tr>'
        ' <tr><th scope="row">Votes in favour needed</th><td>34 (two thirds or more of the members present)</td></tr>'
    ) in body
    assert '<p class="outcome outcome-adopted"><strong>Outcome: Adopted</strong></p>' in body
    assert "<h3>Item 1</h3> <p>Adopted on Oct. 1, 2023.</p>" in body
    assert "The record links no change of another record to this resolution." in body


def test_the_minutes_of_an_open_poll_say_it_is_open_and_give_no_result():
    session = make_session(number=14, key="14", start=datetime.date(2023, 10, 1))
    make_motion(session, DecisionKind.BUDGET, text="Adopt the budget.")
    body = flat(minutes.render_body(minutes.minutes_of(session), "en"))
    assert '<p class="outcome">The poll is open: no result is recorded yet.</p>' in body
    assert "<p>No resolution was adopted at this session.</p>" in body
    assert "<p>The attendance is not recorded.</p>" in body


def test_replacing_a_coordinator_states_the_half_or_more_quorum_of_the_committee_regulation():
    session = make_session(body=Body.WORKING_COMMITTEE, number=14, key="14", start=datetime.date(2022, 9, 1))
    make_motion(session, DecisionKind.COORDINATOR_CHANGE)
    body = flat(minutes.render_body(minutes.minutes_of(session), "zh-hans"))
    assert "法定人数：拥有表决权的会员半数以上出席。多数：所投票数的过半数(专门委员会运作规定第五条第8项)。" in body


def test_a_session_before_the_rules_of_2016_says_the_record_holds_no_rule():
    session = Session.objects.get(body=Body.GENERAL_ASSEMBLY, number=5)
    body = minutes.render_body(minutes.minutes_of(session), "en")
    assert "The record holds no voting rule before 27 September 2016 (Charter art. 9 as amended then)." in body
    assert "Quorum:" not in body


def test_the_minutes_are_read_in_a_fixed_number_of_queries(ga12, django_assert_num_queries):
    # Agenda items, motions, their resolutions in force, effects with governments, one query per kind of changed
    # record (membership events, officers, amendments, dues decisions, coordinator terms), the
    # resolutions' symbols, the minutes document, the next number, attendance. The content types are cached first.
    minutes.minutes_of(ga12)
    with django_assert_num_queries(13):
        minutes.minutes_of(ga12)


def test_a_session_without_agenda_has_no_minutes_to_publish(secretariat_user):
    session = make_session(number=14, key="14", start=datetime.date(2023, 10, 1))
    with pytest.raises(ValidationError, match="there are no minutes to publish"):
        minutes.publish_minutes(session=session, published_by=secretariat_user)
    assert not Document.objects.filter(session=session).exists()


# --- Who sees and publishes them -------------------------------------------------------------


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_role_sees_the_preview_and_only_the_editor_may_publish(client, staff_in_role, ga12, role):
    user = staff_in_role(role)
    client.force_login(user)
    address = f"/admin/documents/document/minutes/{ga12.pk}/"
    page = client.get(address, {"language": "ja"})
    assert page.status_code == 200
    assert "<h2>第12回総会議事録</h2>" in page.content.decode()
    assert can_publish_minutes(user) is (role == roles.EDITOR)
    assert ('value="Publish the minutes"' in page.content.decode()) is (role == roles.EDITOR)
    if role != roles.EDITOR:
        assert client.post(address).status_code == 403
        assert not MinutesPublication.objects.exists()


def test_the_preview_refuses_an_unknown_language_and_anonymous_visitors(client, staff_in_role, ga12):
    address = f"/admin/documents/document/minutes/{ga12.pk}/"
    assert client.get(address).status_code == 302  # to the admin's sign-in
    client.force_login(staff_in_role(roles.AUDITOR))
    assert client.get(address, {"language": "xx"}).status_code == 404


def test_the_session_admin_links_the_minutes(client, secretariat_user, ga12):
    client.force_login(secretariat_user)
    body = client.get(f"/admin/assemblies/session/{ga12.pk}/change/").content.decode()
    assert f'<a class="button" href="/admin/documents/document/minutes/{ga12.pk}/">Minutes</a>' in body


def test_before_publication_the_public_page_is_a_404_and_the_session_page_links_only_the_staff_preview(
    client, staff_in_role, ga12
):
    assert client.get("/en/assemblies/12/minutes/").status_code == 404
    assert "minutes-link" not in client.get("/en/assemblies/12/").content.decode()
    client.force_login(staff_in_role(roles.AUDITOR))
    body = client.get("/en/assemblies/12/").content.decode()
    assert (
        '<p class="minutes-link">The minutes are not published yet. '
        f'<a href="/admin/documents/document/minutes/{ga12.pk}/">Preview the minutes (secretariat)</a></p>'
    ) in body


def test_the_minutes_read_no_ballot_only_the_tally_the_closed_poll_stored():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session, _roll = closed_session()
    with CaptureQueriesContext(connection) as queries:
        minutes.render_body(minutes.minutes_of(session), "en")
    assert not [query["sql"] for query in queries.captured_queries if "assemblies_ballot" in query["sql"]]


def test_the_working_committee_minutes_take_its_series_symbol():
    session = Session.objects.select_related("host", "chair").get(body=Body.WORKING_COMMITTEE, number=11)
    assert minutes.minutes_of(session).symbol == "NEAR/WC/11/MIN/1"
