"""The Charter's voting rules: quorum, majorities, and which body may decide what.

Pure functions of numbers and dates, with no database access, so that every threshold can be
tested at its boundary. ``assemblies.polls`` feeds them the roll and the ballots.

Charter art. 9 (as amended 27 September 2016):
  (1) one vote per member government; the Dues Regulation may restrict it (art. 6 there);
  (2) art. 8 items 1–5: more than half of the members holding voting rights present, and two
      thirds or more of the members present in favour;
  (3) art. 8 items 6–11: the same quorum, and more than half of the members present in favour.
Art. 9-2: in a year with no General Assembly, art. 8 items 1, 7 and 8 are decided by the
Working Committee (with the thresholds above).
Committee Regulation art. 5(8) (new 29 October 2018): a coordinator is replaced when half or
more ("半数以上") of the members holding voting rights attend the Working Committee and more than
half ("超过半数") of the votes cast are in favour.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from assemblies.models import Body, DecisionKind, Motion, Threshold

# Art. 9 and art. 9-2 read as above from this date; the seeds do not give the earlier wording.
CHARTER_ART9_IN_FORCE = datetime.date(2016, 9, 27)
# Committee Regulation art. 5(7)-(8) were added on this date.
COORDINATOR_RULE_IN_FORCE = datetime.date(2018, 10, 29)

QUALIFIED = {
    DecisionKind.ADMISSION,
    DecisionKind.DUES,
    DecisionKind.CHARTER_AMENDMENT,
    DecisionKind.DISSOLUTION,
    DecisionKind.SECRETARIAT_SEAT,
}
ORDINARY = {
    DecisionKind.AUDITORS,
    DecisionKind.BUDGET,
    DecisionKind.DUES_REGULATION,
    DecisionKind.NEXT_ASSEMBLY,
    DecisionKind.WORK_PLANS,
    DecisionKind.OTHER,
}
# Charter art. 9-2: art. 8 items 1, 7 and 8.
DELEGATED_TO_WORKING_COMMITTEE = {DecisionKind.ADMISSION, DecisionKind.BUDGET, DecisionKind.DUES_REGULATION}


@dataclass(frozen=True)
class VotingRule:
    """The quorum and majority one decision needs, and the clause that sets them."""

    threshold: str
    clause: str
    # The quorum: "more than half" (过半数, Charter art. 9(2), (3)) unless the clause says "half
    # or more" (半数以上, Committee Regulation art. 5(8)).
    half_or_more_present: bool = False


@dataclass(frozen=True)
class Tally:
    """Who could vote, who was present (in the room or by written resolution), and how they voted."""

    eligible: int
    present: int
    yes: int
    no: int
    abstain: int

    def __post_init__(self):
        if min(self.eligible, self.present, self.yes, self.no, self.abstain) < 0:
            raise ValueError("A tally never counts below zero.")
        if self.yes + self.no + self.abstain > self.present:
            raise ValueError("More votes than members present.")
        if self.present > self.eligible:
            raise ValueError("More members present than members holding voting rights.")

    @property
    def cast(self) -> int:
        """Votes cast: in favour or against; an abstention casts none."""
        return self.yes + self.no


@dataclass(frozen=True)
class Result:
    """What a tally decides under a rule."""

    quorum_needed: int
    has_quorum: bool
    votes_needed: int
    adopted: bool

    @property
    def outcome(self) -> str:
        if not self.has_quorum:
            return Motion.Outcome.NO_QUORUM
        return Motion.Outcome.ADOPTED if self.adopted else Motion.Outcome.REJECTED


def quorum_needed(eligible: int, *, half_or_more: bool = False) -> int:
    """Members present needed: more than half of those holding voting rights (Charter art. 9(2), (3)).

    With ``half_or_more``, half or more of them (Committee Regulation art. 5(8), "半数以上"):
    of 78, 39 (against 40 for more than half); of 77, 39 either way.
    """
    if half_or_more:
        return -(-eligible // 2)
    return eligible // 2 + 1


def votes_needed(threshold: str, *, present: int, cast: int) -> int:
    """The smallest number of votes in favour that carries the motion."""
    if threshold == Threshold.TWO_THIRDS_OF_PRESENT:
        # Art. 9(2): "two thirds or more" of the members present: 50 present need 34.
        return -(-2 * present // 3)
    if threshold == Threshold.MAJORITY_OF_PRESENT:
        # Art. 9(3): "more than half" of the members present: 50 present need 26.
        return present // 2 + 1
    if threshold == Threshold.MAJORITY_OF_VOTES_CAST:
        # Committee Regulation art. 5(8): more than half of the votes cast.
        return cast // 2 + 1
    raise ValueError(f"Unknown threshold {threshold!r}")


def decide(rule: VotingRule, tally: Tally) -> Result:
    """Quorum first, then the majority the rule requires."""
    quorum = quorum_needed(tally.eligible, half_or_more=rule.half_or_more_present)
    needed = votes_needed(rule.threshold, present=tally.present, cast=tally.cast)
    has_quorum = tally.present >= quorum
    return Result(
        quorum_needed=quorum, has_quorum=has_quorum, votes_needed=needed, adopted=has_quorum and tally.yes >= needed
    )


def voting_rule(*, body: str, kind: str, on: datetime.date, assembly_held_in_year: bool) -> VotingRule:
    """The rule for a decision of ``kind`` taken by ``body`` on ``on``.

    ``assembly_held_in_year`` says whether a General Assembly is held in ``on``'s year, which
    decides whether the Working Committee may take the delegated decisions of art. 9-2.
    Raises ``ValidationError`` when the body may not take the decision or the seeds hold no rule.
    """
    if kind == DecisionKind.NO_VOTE:
        raise ValidationError(_("This agenda item is a report: it is not put to the vote."), code="no_vote")
    if kind == DecisionKind.COORDINATOR_CHANGE:
        return _coordinator_rule(body=body, on=on)
    if on < CHARTER_ART9_IN_FORCE:
        raise ValidationError(
            _("The record holds no voting rule before 27 September 2016 (Charter art. 9 as amended then)."),
            code="no_rule",
        )
    if body == Body.WORKING_COMMITTEE:
        return _working_committee_rule(kind=kind, assembly_held_in_year=assembly_held_in_year)
    return _assembly_rule(kind)


def _assembly_rule(kind: str) -> VotingRule:
    if kind in QUALIFIED:
        return VotingRule(Threshold.TWO_THIRDS_OF_PRESENT, _("Charter art. 9(2)"))
    if kind in ORDINARY:
        return VotingRule(Threshold.MAJORITY_OF_PRESENT, _("Charter art. 9(3)"))
    raise ValidationError(_("The General Assembly does not take this kind of decision."), code="wrong_body")


def _working_committee_rule(*, kind: str, assembly_held_in_year: bool) -> VotingRule:
    if kind == DecisionKind.WORKING_COMMITTEE_MATTER:
        # Art. 11 gives the Working Committee its own matters without a threshold; the
        # secretariat applies the ordinary rule of art. 9(3) to them.
        return VotingRule(Threshold.MAJORITY_OF_PRESENT, _("Charter art. 11, with the majority of art. 9(3)"))
    if kind not in DELEGATED_TO_WORKING_COMMITTEE:
        raise ValidationError(_("Only the General Assembly takes this decision (Charter art. 8)."), code="wrong_body")
    if assembly_held_in_year:
        raise ValidationError(
            _(
                "A General Assembly is held this year: the decision is not delegated to the Working Committee (Charter art. 9-2)."
            ),
            code="not_delegated",
        )
    if kind in QUALIFIED:
        return VotingRule(Threshold.TWO_THIRDS_OF_PRESENT, _("Charter arts. 9-2 and 9(2)"))
    return VotingRule(Threshold.MAJORITY_OF_PRESENT, _("Charter arts. 9-2 and 9(3)"))


def _coordinator_rule(*, body: str, on: datetime.date) -> VotingRule:
    if body != Body.WORKING_COMMITTEE:
        raise ValidationError(
            _("A coordinator is replaced by the Working Committee (Committee Regulation art. 5(8))."), code="wrong_body"
        )
    if on < COORDINATOR_RULE_IN_FORCE:
        raise ValidationError(
            _("The Committee Regulation holds no rule on replacing a coordinator before 29 October 2018."),
            code="no_rule",
        )
    # "具有表决权的半数以上会员参会, 参会投票超过半数" (seed 003 line 1050): half or more of the
    # members holding voting rights attend, and more than half of the votes cast are in favour.
    return VotingRule(Threshold.MAJORITY_OF_VOTES_CAST, _("Committee Regulation art. 5(8)"), half_or_more_present=True)
