"""Public pages of the General Assembly and the Working Committee, in the six languages."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from assemblies import polls
from assemblies.models import Ballot, Body, DecisionKind, Motion, Session
from tests.assemblies.factories import attend, make_motion, make_session, vote, voters

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The session title and one agenda title of the 12th General Assembly in each language.
TWELFTH = {
    "en": ("12th General Assembly", "Admission of a new member"),
    "mn": ("12-р Бүгд хурал", "Шинэ гишүүн элсүүлэх"),
    "zh-hans": ("第12次全体会议", "新会员入会"),
    "ko": ("제12차 총회", "신규 회원 가입"),
    "ja": ("第12回総会", "新会員の加入"),
    "ru": ("12-я Генеральная ассамблея", "Приём нового члена"),
}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"assemblies:{name}", kwargs=kwargs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_assembly_list_shows_every_recorded_session_in_each_language(client, language):
    response = client.get(url("assembly-list", language))
    assert response.status_code == 200
    body = response.content.decode()
    assert " ".join(body.split()).count('<tr> <th scope="row">') == 6
    assert TWELFTH[language][0] in body
    assert f'href="/{language}/assemblies/13/"' in body
    assert f'href="/{language}/members/ulsan/"' in body  # the chairs table


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_12th_general_assembly_page_shows_agenda_attendance_and_what_changed(client, language):
    response = client.get(url("assembly-detail", language, key="12"))
    assert response.status_code == 200
    body = response.content.decode()
    title, agenda_title = TWELFTH[language]
    assert f"<h1>{title}</h1>" in body
    assert agenda_title in body
    assert body.count('<li value="') == 8
    assert "<dd>29</dd>" in body and "<dd>21</dd>" in body and "<dd>50</dd>" in body
    assert f'href="/{language}/members/akita/"' in body
    assert f'href="/{language}/members/sakha/"' in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_working_committee_pages_answer_in_each_language(client, language):
    listing = client.get(url("working-committee-list", language))
    assert listing.status_code == 200
    assert " ".join(listing.content.decode().split()).count('<tr> <th scope="row">') == 3
    detail = client.get(url("working-committee-detail", language, key="11"))
    assert detail.status_code == 200
    assert f'href="/{language}/members/ho-chi-minh-city/"' in detail.content.decode()


def test_the_english_page_states_the_rule_each_item_needs(client):
    body = client.get("/en/assemblies/12/").content.decode()
    assert "Majority: two thirds or more of the members present (Charter art. 9(2))." in body
    assert "Majority: more than half of the members present (Charter art. 9(3))." in body
    assert body.count('<span class="tag">as recorded</span>') == 8  # attendance + 7 motions


def test_no_rule_is_shown_for_sessions_before_the_charter_of_2016(client):
    body = client.get("/en/assemblies/5/").content.decode()
    assert "Seat of the secretariat" in body
    assert "Quorum:" not in body


def test_a_closed_poll_shows_its_tally_quorum_and_threshold(client):
    session = make_session(number=14, key="14", start=datetime.date(2023, 10, 1))
    motion = make_motion(session, DecisionKind.ADMISSION, text="Admit nobody in particular.")
    roll = voters(session)
    attend(session, roll[:50])
    vote(motion, roll[:34], Ballot.Choice.YES)
    vote(motion, roll[34:40], Ballot.Choice.NO)
    polls.close_poll(motion=motion, closed_by=None, on=session.start_date)
    body = client.get("/en/assemblies/14/").content.decode()
    assert '<tr><th scope="row">Members holding voting rights</th><td>79</td></tr>' in body
    assert '<tr><th scope="row">Quorum</th><td>40 — reached</td></tr>' in body
    assert '<tr><th scope="row">In favour</th><td>34</td></tr>' in body
    assert "<td>34 (two thirds or more of the members present)</td>" in body
    assert '<p class="outcome outcome-adopted"><strong>Adopted</strong>' in body


@pytest.mark.parametrize(
    "path",
    [
        "/en/assemblies/99/",
        "/en/assemblies/012/",
        "/en/assemblies/no-such-session/",
        "/ko/working-committee/13/",
        "/en/assemblies/%E2%80%94/",
    ],
)
def test_an_unknown_session_is_a_translated_404(client, path):
    response = client.get(path)
    assert response.status_code == 404


def test_the_404_speaks_the_pages_language(client):
    response = client.get("/ru/assemblies/99/")
    assert response.status_code == 404
    assert '<html lang="ru">' in response.content.decode()


def test_an_unnumbered_session_has_its_own_key_and_a_title_without_a_number(client):
    make_session(
        body=Body.WORKING_COMMITTEE, key="2019-extraordinary", extraordinary=True, start=datetime.date(2019, 3, 4)
    )
    response = client.get("/en/working-committee/2019-extraordinary/")
    assert response.status_code == 200
    assert "<h1>Extraordinary Working Committee of March 4, 2019</h1>" in response.content.decode()


def session_rows(response):
    """(title, resolutions) of each row of a session list."""
    body = " ".join(response.content.decode().split())
    return re.findall(r'<tr> <th scope="row"><a href="[^"]+">([^<]+)</a></th>.*?<td>(\d+)</td> </tr>', body)


def test_the_assembly_list_counts_each_sessions_resolutions(client):
    assert session_rows(client.get("/en/assemblies/")) == [
        ("13th General Assembly", "2"),
        ("12th General Assembly", "7"),
        ("11th General Assembly", "2"),
        ("9th General Assembly", "1"),
        ("5th General Assembly", "1"),
        ("1st General Assembly", "1"),
    ]
    assert 'class="pagination"' not in client.get("/en/assemblies/").content.decode()


def test_the_assembly_list_shows_ten_sessions_a_page_in_four_queries_however_many_sessions_and_motions(
    client, django_assert_num_queries
):
    # Count, the page's sessions, their resolutions, the officers: the same for 6 sessions as for 46.
    with django_assert_num_queries(4):
        assert client.get("/en/assemblies/").status_code == 200
    for number in range(20, 60):
        session = make_session(number=number, key=str(number), start=datetime.date(2030 + number, 1, 1))
        for position in range(1, 6):
            make_motion(session, DecisionKind.OTHER, position=position)
    # Historical results, as recorded: three of the latest session's five motions adopted.
    Motion.objects.filter(agenda_item__session__number=59, agenda_item__position__lte=3).update(
        status=Motion.Status.RECORDED, outcome=Motion.Outcome.ADOPTED
    )
    with django_assert_num_queries(4):
        first = client.get("/en/assemblies/")
    ordinals = ["59th", "58th", "57th", "56th", "55th", "54th", "53rd", "52nd", "51st", "50th"]
    assert [title for title, _count in session_rows(first)] == [f"{n} General Assembly" for n in ordinals]
    assert session_rows(first)[0] == ("59th General Assembly", "3")
    page = first.content.decode()
    assert "Page 1 of 5" in page
    assert '<a href="?page=2" rel="next">Earlier sessions</a>' in page
    with django_assert_num_queries(4):
        last = client.get("/en/assemblies/?page=5")
    assert [title for title, _count in session_rows(last)][-2:] == ["5th General Assembly", "1st General Assembly"]
    assert '<a href="?page=4" rel="prev">Later sessions</a>' in last.content.decode()
    assert client.get("/en/assemblies/?page=6").status_code == 404


def test_the_session_list_answers_a_bad_page_number_with_a_translated_400(client):
    response = client.get("/ko/working-committee/?page=two")
    assert response.status_code == 400
    assert "쪽 번호는 2처럼 정수여야 합니다." in response.content.decode()


def test_the_working_committee_list_takes_three_queries_however_many_sessions(client, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, sessions, their resolutions (no officers on this page)
        assert client.get("/zh-hans/working-committee/").status_code == 200
    for year in range(1990, 2010):
        make_session(body=Body.WORKING_COMMITTEE, key=f"wc-{year}", start=datetime.date(year, 5, 1))
    with django_assert_num_queries(3):
        response = client.get("/zh-hans/working-committee/?page=2")
    assert len(session_rows(response)) == 10


def test_a_session_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # Session, agenda items, motions, their resolutions in force, effects with governments, one query per kind
    # of changed record (the 12th: membership events, officers, amendments, dues decisions,
    # coordinator terms; the 13th: the first two), attendance counts, whether its minutes are
    # published (documents.minutes). The first request fills Django's content-type cache, which a
    # running server keeps.
    client.get("/ja/assemblies/12/")
    with django_assert_num_queries(12):
        assert client.get("/ja/assemblies/12/").status_code == 200
    with django_assert_num_queries(9):
        assert client.get("/ja/assemblies/13/").status_code == 200


def test_the_main_navigation_links_the_general_assembly(client):
    body = client.get("/mn/").content.decode()
    assert '<li><a href="/mn/assemblies/">Бүгд хурал</a></li>' in body


def test_the_session_title_in_english_uses_ordinals():
    with translation.override("en"):
        titles = [
            Session(body=Body.GENERAL_ASSEMBLY, number=n, key=str(n)).title
            for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)
        ]
    assert titles == [
        "1st General Assembly",
        "2nd General Assembly",
        "3rd General Assembly",
        "4th General Assembly",
        "11th General Assembly",
        "12th General Assembly",
        "13th General Assembly",
        "21st General Assembly",
        "22nd General Assembly",
        "101st General Assembly",
    ]
