"""Resolution effects that reach the Charter, the committees and the dues: applied when a poll
closes, all or nothing, reversed on annulment, with their parameters checked where they are entered;
and the real resolutions linked to what the seeds say they changed."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from assemblies import polls
from assemblies.models import Ballot, Body, DecisionKind, Motion, Resolution, ResolutionEffect, Session
from committees.models import Committee, CoordinatorTerm
from dues import ledger
from dues.models import DuesDecision, DuesRate
from instruments.models import Amendment, Article
from members.models import MemberGovernment
from tests.assemblies.factories import attend, make_motion, make_session, vote, voters
from tests.instruments.helpers import article_keys_on, provisions_on

pytestmark = pytest.mark.django_db

Kind = ResolutionEffect.Kind
OPENS, LAST_DAY = datetime.date(2023, 10, 1), datetime.date(2023, 10, 3)
NEW_ART_10_1 = {
    "zh-hans": "一、事务委员会由会员地方政府的局长级官员组成。",
    "en": "1. The Working Committee consists of officials of director level.",
}


def session_2023(body=Body.GENERAL_ASSEMBLY, number=15):
    return make_session(body=body, start=OPENS, end=LAST_DAY, number=number, key=str(number))


def motion_with(session, decision_kind, kind, parameters, member=None, **fields):
    motion = make_motion(session, decision_kind)
    effect = ResolutionEffect(motion=motion, kind=kind, parameters=parameters, member=member, **fields)
    effect.full_clean()
    effect.save()
    return motion


def run_poll(motion, *, present, yes, no=0):
    session = motion.agenda_item.session
    roll = voters(session)
    attend(session, roll[:present])
    vote(motion, roll[:yes], Ballot.Choice.YES)
    vote(motion, roll[yes : yes + no], Ballot.Choice.NO)
    return polls.close_poll(motion=motion, closed_by=None, on=session.start_date)


def amendment_of_article_10(**change):
    return {
        "instrument": "charter",
        "summary": {"en": "Art. 10(1) reworded."},
        "changes": [{"article": "10", "provisions": [{"number": "1", "text": NEW_ART_10_1}], **change}],
    }


# --- Amendments: Charter art. 8(3), 9(2) -----------------------------------------------------------


def test_a_charter_amendment_adopted_by_two_thirds_puts_the_new_text_in_force_on_its_day():
    motion = motion_with(
        session_2023(), DecisionKind.CHARTER_AMENDMENT, Kind.CHARTER_AMENDMENT, amendment_of_article_10()
    )
    before = provisions_on("charter", "art-10", "2023-09-30")
    run_poll(motion, present=60, yes=40, no=20)
    motion.refresh_from_db()
    assert (motion.outcome, motion.votes_needed) == (Motion.Outcome.ADOPTED, 40)
    amendment = Amendment.objects.get(instrument__slug="charter", effective_on=OPENS)
    assert (amendment.kind, amendment.body, amendment.adopted_on) == ("amendment", "general_assembly", OPENS)
    assert (amendment.session_en, amendment.summary_en) == ("15th General Assembly", "Art. 10(1) reworded.")
    assert amendment.source == "15th General Assembly, agenda item 1"
    assert motion.effects.get().target == amendment
    assert provisions_on("charter", "art-10", "2023-10-01") == {"1": ("text", NEW_ART_10_1["zh-hans"])}
    assert provisions_on("charter", "art-10", "2023-09-30") == before


def test_a_charter_amendment_with_one_vote_short_of_two_thirds_changes_no_text():
    motion = motion_with(
        session_2023(), DecisionKind.CHARTER_AMENDMENT, Kind.CHARTER_AMENDMENT, amendment_of_article_10()
    )
    amendments = Amendment.objects.count()
    run_poll(motion, present=60, yes=39, no=21)
    assert Motion.objects.get(pk=motion.pk).outcome == Motion.Outcome.REJECTED
    assert Amendment.objects.count() == amendments
    assert motion.effects.get().target is None


def test_the_charter_is_not_amended_under_an_item_of_ordinary_majority():
    motion = motion_with(session_2023(), DecisionKind.OTHER, Kind.CHARTER_AMENDMENT, amendment_of_article_10())
    with pytest.raises(ValidationError) as error:
        run_poll(motion, present=60, yes=40, no=20)
    assert error.value.messages == [
        "Only the General Assembly amends the Charter, under an agenda item of Charter art. 8(3) "
        "(two thirds of the members present, art. 9(2))."
    ]
    assert not Amendment.objects.filter(effective_on=OPENS).exists()
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN


def test_an_amendment_creating_and_repealing_articles_is_reversed_by_annulment(secretariat_user):
    parameters = {
        "instrument": "charter",
        "changes": [
            {"article": "17", "action": "repeal"},
            {
                "article": "10-2",
                "action": "create",
                "title": {"en": "Online sessions", "zh-hans": "线上会议"},
                "provisions": [
                    {"text": {"zh-hans": "事务委员会可以在线举行。", "en": "The Working Committee may meet online."}}
                ],
            },
        ],
    }
    motion = motion_with(
        session_2023(),
        DecisionKind.CHARTER_AMENDMENT,
        Kind.CHARTER_AMENDMENT,
        parameters,
        effective_on=datetime.date(2024, 1, 1),
    )
    run_poll(motion, present=60, yes=45, no=15)
    keys = article_keys_on("charter", "2024-01-01")
    assert "art-17" not in keys and keys.index("art-10-2") == keys.index("art-10") + 1
    assert provisions_on("charter", "art-10-2", "2024-01-01") == {"": ("text", "事务委员会可以在线举行。")}
    assert "art-17" in article_keys_on("charter", "2023-12-31")
    amendment = motion.effects.get().target
    assert (amendment.effective_on, amendment.adopted_on) == (datetime.date(2024, 1, 1), OPENS)

    polls.annul_poll(motion=motion, annulled_by=secretariat_user, reason="The ballots of two governments were swapped.")
    # Kept, revoked, out of the text (tests/assemblies/test_annulment_keeps_record.py says more).
    assert not Amendment.objects.filter(pk=amendment.pk).exists()
    assert Amendment.all_objects.get(pk=amendment.pk).revoked_reason == "The ballots of two governments were swapped."
    assert not Article.objects.in_the_record().filter(instrument__slug="charter", key="art-10-2").exists()
    assert "art-10-2" not in article_keys_on("charter", "2024-01-01")
    assert "art-17" in article_keys_on("charter", "2024-01-01")
    assert motion.effects.get().parameters == parameters


def test_the_working_committee_amends_the_committee_regulation():
    parameters = {
        "instrument": "committee-regulation",
        "changes": [
            {
                "article": "9",
                "provisions": [
                    {
                        "text": {
                            "zh-hans": "本规定由事务委员会修改。",
                            "en": "The Working Committee amends this Regulation.",
                        }
                    }
                ],
            }
        ],
    }
    motion = motion_with(
        session_2023(Body.WORKING_COMMITTEE, 14),
        DecisionKind.WORKING_COMMITTEE_MATTER,
        Kind.REGULATION_AMENDMENT,
        parameters,
        description="Art. 9 reworded",
    )
    run_poll(motion, present=60, yes=31, no=29)
    amendment = motion.effects.get().target
    assert (amendment.instrument.slug, amendment.body, amendment.session_en, amendment.summary_en) == (
        "committee-regulation",
        "working_committee",
        "14th Working Committee",
        "Art. 9 reworded",
    )
    assert provisions_on("committee-regulation", "art-9", "2023-10-01") == {"": ("text", "本规定由事务委员会修改。")}


# --- Coordinators: Committee Regulation art. 5(2), 5(7)-(8) ------------------------------------------


def test_the_working_committee_replaces_a_coordinator_in_one_step_linked_to_its_resolution(secretariat_user):
    jilin = MemberGovernment.objects.get(slug="jilin")
    tourism = Committee.objects.get(slug="tourism")
    assert not tourism.participants.filter(pk=jilin.pk).exists()
    motion = motion_with(
        session_2023(Body.WORKING_COMMITTEE, 14),
        DecisionKind.COORDINATOR_CHANGE,
        Kind.COORDINATOR_CHANGE,
        {"committee": "tourism", "outgoing": "henan"},
        member=jilin,
    )
    run_poll(motion, present=60, yes=31, no=29)
    henan_term = CoordinatorTerm.objects.get(committee=tourism, member__slug="henan")
    assert (henan_term.ended_on, henan_term.end_precision) == (OPENS, "day")
    term = motion.effects.get().target
    assert (term.member, term.started_on, term.start_precision, term.appointed_on) == (jilin, OPENS, "day", OPENS)
    assert ResolutionEffect.objects.sessions_that_made([term]) == {term.pk: motion.agenda_item.session}
    assert term.appointed_by_en == "14th Working Committee, agenda item 1"
    assert [m.slug for m in tourism.coordinators_on(datetime.date(2023, 9, 30))] == ["henan", "ningxia"]
    assert [m.slug for m in tourism.coordinators_on(OPENS)] == ["ningxia", "jilin"]
    assert [effect.target for effect in motion.effects.all()] == [term]

    polls.annul_poll(motion=motion, annulled_by=secretariat_user, reason="Jilin withdrew before the vote.")
    assert [m.slug for m in tourism.coordinators_on(OPENS)] == ["henan", "ningxia"]
    assert CoordinatorTerm.objects.get(pk=henan_term.pk).ended_on is None
    assert not tourism.participants.filter(pk=jilin.pk).exists()


def test_a_coordinator_change_naming_a_government_that_does_not_coordinate_changes_nothing():
    motion = motion_with(
        session_2023(Body.WORKING_COMMITTEE, 14),
        DecisionKind.COORDINATOR_CHANGE,
        Kind.COORDINATOR_CHANGE,
        {"committee": "tourism", "outgoing": "hunan"},
        member=MemberGovernment.objects.get(slug="jilin"),
    )
    terms = list(CoordinatorTerm.objects.values_list("pk", "ended_on"))
    with pytest.raises(ValidationError) as error:
        run_poll(motion, present=60, yes=40)
    assert error.value.messages == ["Hunan Province does not coordinate Tourism Committee on 2023-10-01."]
    assert list(CoordinatorTerm.objects.values_list("pk", "ended_on")) == terms
    assert not Resolution.objects.filter(motion=motion).exists()


# --- Dues: Charter art. 8(2), 8(8); Dues Regulation art. 5 ------------------------------------------


def test_the_general_assembly_sets_a_new_rate_from_a_fiscal_year():
    motion = motion_with(
        session_2023(),
        DecisionKind.DUES,
        Kind.DUES_DECISION,
        {
            "kind": "rate",
            "title": {"en": "Dues of USD 1,200 a year"},
            "amount_usd": "1200.00",
            "from_fiscal_year": 2024,
        },
    )
    run_poll(motion, present=60, yes=40, no=20)
    decision = motion.effects.get().target
    assert (decision.slug, decision.body, decision.session_number, decision.decided_on, decision.kind) == (
        "general_assembly-15-item-1-motion-1-effect-1",
        "general_assembly",
        15,
        OPENS,
        "rate",
    )
    assert decision.title_en == "Dues of USD 1,200 a year"
    assert ResolutionEffect.objects.sessions_that_made([decision]) == {decision.pk: motion.agenda_item.session}
    assert list(decision.rates.values_list("from_fiscal_year", "amount_usd")) == [(2024, Decimal("1200.00"))]
    assert ledger.rate_for(2024).amount_usd == Decimal("1200.00")
    assert ledger.rate_for(2023).amount_usd == Decimal("1000.00")


def test_a_decision_opens_the_first_assessed_fiscal_years():
    assert ledger.period_for(2024) is None
    motion = motion_with(
        session_2023(),
        DecisionKind.DUES_REGULATION,
        Kind.DUES_DECISION,
        {
            "kind": "assessment",
            "title": "Dues payable from fiscal year 2024",
            "first_fiscal_year": 2024,
            "last_fiscal_year": 2025,
        },
    )
    run_poll(motion, present=60, yes=31, no=29)
    decision = motion.effects.get().target
    period = ledger.period_for(2024)
    assert (period.decision, period.first_fiscal_year, period.last_fiscal_year, period.includes_associate_members) == (
        decision,
        2024,
        2025,
        False,
    )
    assert ledger.period_for(2026) is None
    assert decision.kind == DuesDecision.Kind.ASSESSMENT


def test_the_working_committee_cannot_change_the_rate():
    motion = motion_with(
        make_session(body=Body.WORKING_COMMITTEE, start=datetime.date(2019, 9, 1), number=20, key="20"),
        DecisionKind.DUES_REGULATION,
        Kind.DUES_DECISION,
        {"kind": "rate", "title": "Dues of USD 500", "amount_usd": "500.00", "from_fiscal_year": 2020},
    )
    with pytest.raises(ValidationError) as error:
        run_poll(motion, present=60, yes=40)
    assert error.value.messages == [
        "Only the General Assembly changes the rate of the dues (Dues Regulation art. 5(3))."
    ]
    assert DuesRate.objects.count() == 1


def test_a_failing_dues_effect_undoes_the_admission_before_it():
    session = session_2023()
    motion = make_motion(session, DecisionKind.ADMISSION)
    tianjin = MemberGovernment.objects.get(slug="tianjin")
    ResolutionEffect.objects.create(motion=motion, position=1, kind=Kind.ADMISSION, member=tianjin)
    ResolutionEffect.objects.create(
        motion=motion,
        position=2,
        kind=Kind.DUES_DECISION,
        parameters={"kind": "rate", "title": "Again USD 1,000", "amount_usd": "1000.00", "from_fiscal_year": 2017},
    )
    decisions = DuesDecision.objects.count()
    with pytest.raises(ValidationError) as error:
        run_poll(motion, present=60, yes=40)
    assert error.value.messages == ["A dues rate from fiscal year 2017 is already recorded."]
    assert DuesDecision.objects.count() == decisions
    assert MemberGovernment.objects.get(pk=tianjin.pk).membership_type == "observer"
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN
    assert not motion.effects.filter(object_id__isnull=False).exists()


def test_annulling_a_dues_decision_removes_it_and_its_rate(secretariat_user):
    motion = motion_with(
        session_2023(),
        DecisionKind.DUES,
        Kind.DUES_DECISION,
        {"kind": "rate", "slug": "rate-2024", "title": "USD 900", "amount_usd": "900.00", "from_fiscal_year": 2024},
    )
    run_poll(motion, present=60, yes=40)
    assert DuesDecision.objects.get(slug="rate-2024").rates.get().amount_usd == Decimal("900.00")
    polls.annul_poll(motion=motion, annulled_by=secretariat_user, reason="Wrong amount entered.")
    assert not DuesDecision.objects.filter(slug="rate-2024").exists()
    assert ledger.rate_for(2024).amount_usd == Decimal("1000.00")


# --- Parameters, checked where effects are entered ----------------------------------------------------


def parameter_errors(kind, parameters, member=None, language="en"):
    session = Session.objects.filter(body=Body.GENERAL_ASSEMBLY, key="15").first() or session_2023()
    motion = make_motion(session, DecisionKind.OTHER, position=session.agenda_items.count() + 1)
    effect = ResolutionEffect(motion=motion, kind=kind, parameters=parameters, member=member)
    with translation.override(language), pytest.raises(ValidationError) as error:
        effect.full_clean()
    return error.value.message_dict["parameters"]


@pytest.mark.parametrize(
    "kind, parameters, message",
    [
        (Kind.CHARTER_AMENDMENT, {"instrument": "charter"}, "Parameters: the parameter “changes” is missing."),
        (
            Kind.CHARTER_AMENDMENT,
            {"instrument": "committee-regulation", "changes": [{"article": "2", "action": "repeal"}]},
            "Committee Regulation is not a charter: choose the effect kind that matches the instrument.",
        ),
        (
            Kind.REGULATION_AMENDMENT,
            {"instrument": "statutes", "changes": []},
            "“instrument”: no instrument is recorded under “statutes”; use one of: charter, committee-regulation, dues-regulation.",
        ),
        (
            Kind.CHARTER_AMENDMENT,
            {"instrument": "charter", "changes": [{"article": "10", "action": "rewrite"}]},
            "Change 1: “action” must be one of amend, create, repeal.",
        ),
        (
            Kind.CHARTER_AMENDMENT,
            {"instrument": "charter", "changes": [{"article": "10", "provisions": [{"text": {"en": "x"}}]}]},
            "Change 1: provision —: the Chinese source text (zh-hans) is missing.",
        ),
        (
            Kind.COORDINATOR_CHANGE,
            {"committee": "nowhere"},
            "Parameters: “committee”: nothing is recorded under the slug “nowhere”.",
        ),
        (
            Kind.DUES_DECISION,
            {"kind": "rate", "title": "x", "amount_usd": "-5", "from_fiscal_year": 2024},
            "“amount_usd” must be an amount in US dollars above zero, such as “1000.00”.",
        ),
        (
            Kind.DUES_DECISION,
            {"kind": "assessment", "title": "x", "first_fiscal_year": 2016},
            "“first_fiscal_year” must be a fiscal year from 2017 on (Dues Regulation, supplementary provisions art. 1).",
        ),
        (
            Kind.DUES_DECISION,
            {"kind": "deferral", "title": "x", "amount": 3},
            "Parameters: unknown parameter “amount”; expected one of: kind, slug, summary, title.",
        ),
        (Kind.ADMISSION, {"committee": "tourism"}, "An effect of kind “admission” takes no parameters."),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(kind, parameters, message):
    member = {Kind.ADMISSION: "tianjin", Kind.COORDINATOR_CHANGE: "jilin"}.get(kind)
    member = MemberGovernment.objects.get(slug=member) if member else None
    assert parameter_errors(kind, parameters, member) == [message]


def test_a_coordinator_change_needs_the_incoming_government():
    assert parameter_errors(Kind.COORDINATOR_CHANGE, {"committee": "tourism", "outgoing": "henan"}) == [
        "Name the incoming coordinator as the government concerned (Committee Regulation art. 5(1))."
    ]


def test_parameter_errors_are_translated():
    parameters = {"kind": "rate", "title": "x", "amount_usd": "abc", "from_fiscal_year": 2024}
    assert parameter_errors(Kind.DUES_DECISION, parameters, language="ru") == [
        "«amount_usd» должен быть суммой в долларах США больше нуля, например «1000.00»."
    ]
    assert parameter_errors(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, language="ko") == [
        "들어오는 코디네이터를 관련 자치단체로 지정하십시오(분과위원회 운영 규정 제5조 제1항)."
    ]


def test_effects_already_linked_to_their_record_keep_their_parameters_unchecked():
    effect = ResolutionEffect.objects.get(motion__agenda_item__session__number=12, kind=Kind.CHARTER_AMENDMENT)
    assert effect.parameters == {}
    effect.full_clean()


# --- The real data: what the seeds say the resolutions changed ----------------------------------------


def real_effect(body, number, kind):
    return ResolutionEffect.objects.get(
        motion__agenda_item__session__body=body, motion__agenda_item__session__number=number, kind=kind
    )


def test_the_12th_and_13th_general_assemblies_are_linked_to_their_events():
    sessions = Session.objects.filter(body=Body.GENERAL_ASSEMBLY, number__in=[12, 13]).order_by("number")
    assert [(s.number, s.event.slug, s.event.start_date) for s in sessions] == [
        (12, "12th-general-assembly-2018", datetime.date(2018, 10, 28)),
        (13, "13th-general-assembly-2021", datetime.date(2021, 8, 10)),
    ]


def test_the_real_amendments_are_linked_to_the_resolutions_that_adopted_them():
    ga, wc = Body.GENERAL_ASSEMBLY, Body.WORKING_COMMITTEE
    linked = {
        (ga, 11, Kind.CHARTER_AMENDMENT): ("charter", datetime.date(2016, 9, 27)),
        (ga, 12, Kind.CHARTER_AMENDMENT): ("charter", datetime.date(2018, 10, 29)),
        (ga, 12, Kind.REGULATION_AMENDMENT): ("committee-regulation", datetime.date(2018, 10, 29)),
        (wc, 11, Kind.REGULATION_AMENDMENT): ("dues-regulation", datetime.date(2017, 9, 26)),
    }
    for (body, number, kind), (slug, day) in linked.items():
        target = real_effect(body, number, kind).target
        assert (target.instrument.slug, target.effective_on) == (slug, day)


def effect_that_made(record):
    """The resolution effect whose applied record is ``record``."""
    return ResolutionEffect.objects.get(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


def test_the_real_dues_decisions_are_linked_to_their_resolutions():
    expected = {
        "dues-regulation-2016": ("general_assembly", 11, "Dues system"),
        "first-payment-deferred-2017": ("working_committee", 11, "Deferral of the first payment of dues"),
        "dues-regulation-confirmed-2018": ("general_assembly", 12, "Dues Regulation (draft) for confirmation"),
    }
    for slug, (body, number, item_title) in expected.items():
        decision = DuesDecision.objects.get(slug=slug)
        effect = effect_that_made(decision)
        item = effect.motion.agenda_item
        assert (item.session.body, item.session.number, item.title_en, effect.kind) == (
            body,
            number,
            item_title,
            Kind.DUES_DECISION,
        )
    # The deferred implementation of the payment system is among the 12th Assembly's adopted
    # proposals (seed 003), but none of the session's eight agenda items records it.
    deferral = DuesDecision.objects.get(slug="payment-system-suspended-2018")
    assert ResolutionEffect.objects.sessions_that_made([deferral]) == {}


def test_ningxias_tourism_term_is_linked_to_the_12th_general_assemblys_item_8():
    term = CoordinatorTerm.objects.get(committee__slug="tourism", member__slug="ningxia")
    item = effect_that_made(term).motion.agenda_item
    assert (item.session.number, item.position) == (12, 8)
    assert real_effect(Body.GENERAL_ASSEMBLY, 12, Kind.COORDINATOR_CHANGE).target == term
    assert len(ResolutionEffect.objects.sessions_that_made(CoordinatorTerm.objects.all())) == 1


# --- Admin -------------------------------------------------------------------------------------------


def test_the_motion_admin_says_what_parameters_each_effect_kind_takes(client, secretariat_user):
    client.force_login(secretariat_user)
    motion = make_motion(session_2023(), DecisionKind.COORDINATOR_CHANGE)
    body = client.get(reverse("admin:assemblies_motion_change", args=[motion.pk])).content.decode()
    assert (
        "Coordinator change: {&quot;committee&quot;: &quot;tourism&quot;, &quot;outgoing&quot;: &quot;henan&quot;}"
        in body
    )
    assert "Dues: {&quot;kind&quot;: &quot;rate&quot;" in body


def test_the_committee_admin_shows_the_decision_that_appointed_ningxia(client, secretariat_user):
    client.force_login(secretariat_user)
    tourism = Committee.objects.get(slug="tourism")
    body = client.get(reverse("admin:committees_committee_change", args=[tourism.pk])).content.decode()
    assert "12th General Assembly, Zhangjiajie (Hunan), agenda item 8" in body


def test_the_tourism_committee_page_links_ningxias_appointment_to_the_12th_general_assembly(client):
    body = client.get("/en/committees/tourism/").content.decode()
    assert '<a href="/en/assemblies/12/">12th General Assembly, Zhangjiajie (Hunan), agenda item 8</a>' in body


@pytest.mark.parametrize(("present", "outcome"), [(39, Motion.Outcome.ADOPTED), (38, Motion.Outcome.NO_QUORUM)])
def test_a_coordinator_is_replaced_with_exactly_half_of_the_78_voting_members_present(present, outcome):
    # Committee Regulation art. 5(8): "半数以上" (seed 003 line 1050), half or more, attend. In 2020
    # the roll holds 78 voting members (Liaoning joined in 2021): 39 present is half, a quorum.
    opens = datetime.date(2020, 10, 1)
    session = make_session(body=Body.WORKING_COMMITTEE, start=opens, end=opens, number=13, key="13")
    motion = motion_with(
        session,
        DecisionKind.COORDINATOR_CHANGE,
        Kind.COORDINATOR_CHANGE,
        {"committee": "tourism", "outgoing": "henan"},
        member=MemberGovernment.objects.get(slug="jilin"),
    )
    closed = run_poll(motion, present=present, yes=present)
    assert (closed.eligible_count, closed.quorum_needed, closed.outcome) == (78, 39, outcome)
