"""The sessions, officers and resolutions loaded from fixtures/50_assemblies.json match the seeds."""

import datetime

import pytest
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from assemblies.models import AgendaItem, Motion, Officer, ResolutionEffect, Session
from members.models import MembershipEvent

pytestmark = pytest.mark.django_db


def test_the_recorded_sessions_are_the_ones_the_seeds_name_with_their_numbers():
    numbers = dict.fromkeys(["general_assembly", "working_committee"])
    for body in numbers:
        numbers[body] = list(Session.objects.filter(body=body).order_by("number").values_list("number", flat=True))
    assert numbers == {"general_assembly": [1, 5, 9, 11, 12, 13], "working_committee": [1, 11, 12]}


def test_the_12th_general_assembly_as_recorded():
    session = Session.objects.select_related("host", "chair").get(body="general_assembly", number=12)
    assert (session.start_date, session.end_date, session.host.slug, session.chair.slug) == (
        datetime.date(2018, 10, 28),
        datetime.date(2018, 10, 31),
        "hunan",
        "hunan",
    )
    assert (session.recorded_present, session.recorded_written, session.recorded_voting) == (29, 21, 50)
    kinds = list(session.agenda_items.values_list("decision_kind", flat=True))
    assert kinds == ["art8_9", "art8_1", "no_vote", "art8_2", "art8_11", "art8_3", "art8_11", "art8_11"]
    outcomes = set(Motion.objects.filter(agenda_item__session=session).values_list("status", "outcome"))
    assert outcomes == {("recorded", "adopted")}
    assert Motion.objects.filter(agenda_item__session=session).count() == 7


def test_the_13th_general_assembly_as_recorded():
    session = Session.objects.get(body="general_assembly", number=13)
    assert (session.start_date, session.online, session.host.slug, session.recorded_attending) == (
        datetime.date(2021, 8, 10),
        True,
        "sakha",
        76,
    )
    assert session.place_ko == "경상북도 포항시"
    assert session.theme_ko == "함께 걸어온 25년, 앞으로 나아갈 동북아 미래"


def test_the_sessions_the_seeds_say_voted_in_writing_accept_written_resolutions():
    # 12th: 21 governments sent written resolutions (seeds 003, line 179); 13th, online: 书面表决 (004, line 645)
    written = Session.objects.filter(written_resolutions=True).values_list("body", "number")
    assert sorted(written) == [("general_assembly", 12), ("general_assembly", 13)]


def test_resolution_effects_link_the_membership_history():
    linked = {
        (e.member.slug, e.target.kind, e.target.date)
        for e in ResolutionEffect.objects.filter(kind="admission").select_related("member")
    }
    assert linked == {
        ("akita", MembershipEvent.Kind.ADMITTED, datetime.date(2018, 10, 29)),
        ("liaoning", MembershipEvent.Kind.ADMITTED, datetime.date(2021, 8, 10)),
        ("ho-chi-minh-city", MembershipEvent.Kind.ADMITTED, datetime.date(2017, 1, 1)),
    }


def test_every_recorded_effect_is_linked_to_the_record_it_changed():
    linked = ResolutionEffect.objects.order_by("pk").values_list("kind", "content_type__model")
    assert list(linked) == [
        ("charter_amendment", "amendment"),
        ("dues_decision", "duesdecision"),
        ("admission", "membershipevent"),
        ("dues_decision", "duesdecision"),
        ("regulation_amendment", "amendment"),
        ("chair_election", "officer"),
        ("admission", "membershipevent"),
        ("dues_decision", "duesdecision"),
        ("charter_amendment", "amendment"),
        ("regulation_amendment", "amendment"),
        ("coordinator_change", "coordinatorterm"),
        ("chair_election", "officer"),
        ("admission", "membershipevent"),
    ]


def test_the_chairs_follow_each_other_without_overlap():
    chairs = list(
        Officer.objects.filter(role="chair")
        .order_by("term_end")
        .values_list("government__slug", "term_start", "term_end", "elected_at__number")
    )
    assert chairs[0] == ("hunan", None, datetime.date(2018, 10, 31), None)
    assert chairs[1] == ("sakha", datetime.date(2018, 11, 1), datetime.date(2021, 8, 10), 12)
    # A running term sorts last (NULL end).
    assert chairs[2] == ("ulsan", datetime.date(2021, 8, 11), None, 13)


def test_every_content_field_is_filled_in_the_six_languages():
    checks = [
        (Session.objects.exclude(summary=""), "summary"),
        (AgendaItem.objects.all(), "title"),
        (Motion.objects.all(), "text"),
        (ResolutionEffect.objects.all(), "description"),
        (Officer.objects.all(), "person_name"),
    ]
    for queryset, field in checks:
        for code, _name in settings.LANGUAGES:
            column = build_localized_fieldname(field, code)
            assert not queryset.filter(**{column: ""}).exists(), (queryset.model.__name__, column)


def test_loading_the_real_data_twice_changes_nothing():
    from django.core.management import call_command

    before = (
        Session.objects.count(),
        Motion.objects.count(),
        ResolutionEffect.objects.count(),
        Officer.objects.count(),
    )
    call_command("load_near_data", verbosity=0)
    after = (Session.objects.count(), Motion.objects.count(), ResolutionEffect.objects.count(), Officer.objects.count())
    assert before == after == (9, 16, 13, 5)


def test_participant_figures_say_more_than_where_the_seeds_say_余():
    # Seed 003 line 126: "150余人" at the 12th General Assembly; seed 004 line 183: "200余名" at the 13th.
    twelfth = Session.objects.get(body="general_assembly", number=12)
    thirteenth = Session.objects.get(body="general_assembly", number=13)
    assert ("more than 150 participants" in twelfth.summary_en, "about 150" in twelfth.summary_en) == (True, False)
    assert ("more than 200 delegates" in thirteenth.summary_en, "about 200" in thirteenth.summary_en) == (True, False)
    assert ("более 150" in twelfth.summary_ru, "более 200" in thirteenth.summary_ru) == (True, True)
    assert ("150人余り" in twelfth.summary_ja, "200人余り" in thirteenth.summary_ja) == (True, True)


def test_ho_chi_minh_citys_legal_basis_is_the_one_the_seed_gives_everywhere():
    # Seed 003 line 197: "根据联合会宪章第九条第二项" (art. 9(2)).
    admission = MembershipEvent.objects.get(member__slug="ho-chi-minh-city")
    texts = [
        admission.source,
        *Motion.objects.filter(text_en__contains="Ho Chi Minh").values_list("text_en", flat=True),
        *AgendaItem.objects.filter(text_en__contains="Ho Chi Minh").values_list("text_en", flat=True),
    ]
    assert len(texts) >= 2
    assert all("art. 9(2)" in text and "9-2" not in text for text in texts)


def test_the_secretary_general_is_named_alike_in_the_officers_and_the_report():
    from near_portal.models import SecretariatPost

    officer = Officer.objects.get(person_name_zh_hans="洪钟庆")
    post = SecretariatPost.objects.get(holder_zh_hans="洪钟庆")
    for code, _name in settings.LANGUAGES:
        field = code.replace("-", "_")
        assert getattr(officer, f"person_name_{field}") == getattr(post, f"holder_{field}"), code
    assert officer.person_name_en == "Hong Jong-gyeong"
