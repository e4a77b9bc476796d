"""The Charter's voting rules at their boundaries (pure functions, no database)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assemblies.models import Body, DecisionKind, Motion, Threshold
from assemblies.voting import Tally, VotingRule, decide, quorum_needed, votes_needed, voting_rule

GA, WC = Body.GENERAL_ASSEMBLY, Body.WORKING_COMMITTEE
AFTER_2018 = datetime.date(2019, 6, 1)
QUALIFIED = VotingRule(Threshold.TWO_THIRDS_OF_PRESENT, "art. 9(2)")
ORDINARY = VotingRule(Threshold.MAJORITY_OF_PRESENT, "art. 9(3)")
COORDINATOR = VotingRule(Threshold.MAJORITY_OF_VOTES_CAST, "CR art. 5(8)", half_or_more_present=True)


def test_with_78_voting_members_39_present_is_no_quorum():
    result = decide(ORDINARY, Tally(eligible=78, present=39, yes=39, no=0, abstain=0))
    assert (result.quorum_needed, result.has_quorum, result.adopted) == (40, False, False)
    assert result.outcome == Motion.Outcome.NO_QUORUM


def test_with_78_voting_members_40_present_is_a_quorum():
    result = decide(ORDINARY, Tally(eligible=78, present=40, yes=40, no=0, abstain=0))
    assert (result.quorum_needed, result.has_quorum, result.outcome) == (40, True, Motion.Outcome.ADOPTED)


def test_with_50_present_an_admission_needs_34_in_favour():
    assert decide(QUALIFIED, Tally(eligible=78, present=50, yes=34, no=16, abstain=0)).outcome == Motion.Outcome.ADOPTED
    rejected = decide(QUALIFIED, Tally(eligible=78, present=50, yes=33, no=17, abstain=0))
    assert (rejected.votes_needed, rejected.outcome) == (34, Motion.Outcome.REJECTED)


def test_with_50_present_an_ordinary_item_needs_26_in_favour():
    assert decide(ORDINARY, Tally(eligible=78, present=50, yes=26, no=24, abstain=0)).outcome == Motion.Outcome.ADOPTED
    rejected = decide(ORDINARY, Tally(eligible=78, present=50, yes=25, no=25, abstain=0))
    assert (rejected.votes_needed, rejected.outcome) == (26, Motion.Outcome.REJECTED)


@pytest.mark.parametrize(
    ("present", "needed"),
    [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 4), (7, 5), (45, 30), (46, 31), (49, 33), (51, 34), (79, 53)],
)
def test_two_thirds_or_more_of_the_members_present(present, needed):
    assert votes_needed(Threshold.TWO_THIRDS_OF_PRESENT, present=present, cast=present) == needed


@pytest.mark.parametrize(("present", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (40, 21), (41, 21), (79, 40)])
def test_more_than_half_of_the_members_present(present, needed):
    assert votes_needed(Threshold.MAJORITY_OF_PRESENT, present=present, cast=0) == needed


@pytest.mark.parametrize(("eligible", "quorum"), [(0, 1), (1, 1), (2, 2), (3, 2), (77, 39), (78, 40), (79, 40)])
def test_quorum_is_more_than_half_of_the_members_holding_voting_rights(eligible, quorum):
    assert quorum_needed(eligible) == quorum


def test_abstentions_count_as_present_and_not_in_favour():
    # 50 present, 30 yes, 20 abstain: two thirds of 50 is 34, so 30 fails although nobody voted no.
    result = decide(QUALIFIED, Tally(eligible=78, present=50, yes=30, no=0, abstain=20))
    assert (result.votes_needed, result.outcome) == (34, Motion.Outcome.REJECTED)


def test_members_present_who_do_not_vote_still_count_for_the_majority():
    result = decide(ORDINARY, Tally(eligible=78, present=50, yes=25, no=0, abstain=0))
    assert (result.votes_needed, result.outcome) == (26, Motion.Outcome.REJECTED)


def test_a_coordinator_change_needs_more_than_half_of_the_votes_cast():
    # Committee Regulation art. 5(8): 40 present, 15 yes, 10 no, 15 abstentions: 15 of 25 votes cast.
    passed = decide(COORDINATOR, Tally(eligible=78, present=40, yes=15, no=10, abstain=15))
    assert (passed.votes_needed, passed.outcome) == (13, Motion.Outcome.ADOPTED)
    tied = decide(COORDINATOR, Tally(eligible=78, present=40, yes=12, no=12, abstain=16))
    assert (tied.votes_needed, tied.outcome) == (13, Motion.Outcome.REJECTED)


def test_a_coordinator_change_needs_half_or_more_of_the_voting_members_present():
    # Committee Regulation art. 5(8): "具有表决权的半数以上会员参会" (seed 003 line 1050), half or more.
    exactly_half = decide(COORDINATOR, Tally(eligible=78, present=39, yes=39, no=0, abstain=0))
    assert (exactly_half.quorum_needed, exactly_half.outcome) == (39, Motion.Outcome.ADOPTED)
    below_half = decide(COORDINATOR, Tally(eligible=78, present=38, yes=38, no=0, abstain=0))
    assert (below_half.quorum_needed, below_half.outcome) == (39, Motion.Outcome.NO_QUORUM)
    # With an odd roll, half or more of 77 is 39, as more than half is.
    assert (
        decide(COORDINATOR, Tally(eligible=77, present=38, yes=38, no=0, abstain=0)).outcome == Motion.Outcome.NO_QUORUM
    )
    assert (
        decide(COORDINATOR, Tally(eligible=77, present=39, yes=39, no=0, abstain=0)).outcome == Motion.Outcome.ADOPTED
    )


@pytest.mark.parametrize(("eligible", "quorum"), [(78, 39), (77, 39), (2, 1), (1, 1)])
def test_half_or_more_of_the_members_holding_voting_rights(eligible, quorum):
    assert quorum_needed(eligible, half_or_more=True) == quorum


def test_exactly_half_present_is_still_no_quorum_for_the_charters_decisions():
    assert decide(ORDINARY, Tally(eligible=78, present=39, yes=39, no=0, abstain=0)).outcome == Motion.Outcome.NO_QUORUM


@pytest.mark.parametrize(
    "tally",
    [
        dict(eligible=78, present=10, yes=8, no=2, abstain=1),
        dict(eligible=40, present=41, yes=0, no=0, abstain=0),
        dict(eligible=78, present=10, yes=-1, no=0, abstain=0),
    ],
)
def test_an_impossible_tally_is_refused(tally):
    with pytest.raises(ValueError):
        Tally(**tally)


@pytest.mark.parametrize(
    ("kind", "threshold"),
    [
        (DecisionKind.ADMISSION, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.DUES, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.CHARTER_AMENDMENT, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.DISSOLUTION, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.SECRETARIAT_SEAT, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.AUDITORS, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.BUDGET, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.DUES_REGULATION, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.NEXT_ASSEMBLY, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.WORK_PLANS, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.OTHER, Threshold.MAJORITY_OF_PRESENT),
    ],
)
def test_the_general_assembly_applies_art_9_2_to_items_1_to_5_and_art_9_3_to_items_6_to_11(kind, threshold):
    assert voting_rule(body=GA, kind=kind, on=AFTER_2018, assembly_held_in_year=True).threshold == threshold


@pytest.mark.parametrize(
    ("kind", "threshold"),
    [
        (DecisionKind.ADMISSION, Threshold.TWO_THIRDS_OF_PRESENT),
        (DecisionKind.BUDGET, Threshold.MAJORITY_OF_PRESENT),
        (DecisionKind.DUES_REGULATION, Threshold.MAJORITY_OF_PRESENT),
    ],
)
def test_in_a_year_without_a_general_assembly_the_working_committee_decides_items_1_7_8_with_the_same_thresholds(
    kind, threshold
):
    assert voting_rule(body=WC, kind=kind, on=AFTER_2018, assembly_held_in_year=False).threshold == threshold


@pytest.mark.parametrize("kind", [DecisionKind.ADMISSION, DecisionKind.BUDGET, DecisionKind.DUES_REGULATION])
def test_in_a_year_with_a_general_assembly_nothing_is_delegated(kind):
    with pytest.raises(ValidationError) as error:
        voting_rule(body=WC, kind=kind, on=AFTER_2018, assembly_held_in_year=True)
    assert error.value.code == "not_delegated"


@pytest.mark.parametrize(
    "kind", [DecisionKind.DUES, DecisionKind.CHARTER_AMENDMENT, DecisionKind.AUDITORS, DecisionKind.NEXT_ASSEMBLY]
)
def test_the_working_committee_never_takes_the_other_art_8_decisions(kind):
    with pytest.raises(ValidationError) as error:
        voting_rule(body=WC, kind=kind, on=AFTER_2018, assembly_held_in_year=False)
    assert error.value.code == "wrong_body"


def test_a_coordinator_is_replaced_by_the_working_committee_only_from_29_october_2018():
    rule = voting_rule(
        body=WC, kind=DecisionKind.COORDINATOR_CHANGE, on=datetime.date(2018, 10, 29), assembly_held_in_year=True
    )
    assert (rule.threshold, rule.half_or_more_present) == (Threshold.MAJORITY_OF_VOTES_CAST, True)
    with pytest.raises(ValidationError) as before:
        voting_rule(
            body=WC, kind=DecisionKind.COORDINATOR_CHANGE, on=datetime.date(2018, 10, 28), assembly_held_in_year=True
        )
    assert before.value.code == "no_rule"
    with pytest.raises(ValidationError) as at_assembly:
        voting_rule(body=GA, kind=DecisionKind.COORDINATOR_CHANGE, on=AFTER_2018, assembly_held_in_year=True)
    assert at_assembly.value.code == "wrong_body"


def test_no_rule_is_invented_before_the_charter_of_27_september_2016():
    with pytest.raises(ValidationError) as error:
        voting_rule(body=GA, kind=DecisionKind.ADMISSION, on=datetime.date(2016, 9, 26), assembly_held_in_year=True)
    assert error.value.code == "no_rule"
    assert voting_rule(body=GA, kind=DecisionKind.ADMISSION, on=datetime.date(2016, 9, 27), assembly_held_in_year=True)


def test_a_report_is_not_put_to_the_vote():
    with pytest.raises(ValidationError) as error:
        voting_rule(body=GA, kind=DecisionKind.NO_VOTE, on=AFTER_2018, assembly_held_in_year=True)
    assert error.value.code == "no_vote"
