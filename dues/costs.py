"""Shares of the cost of a General Assembly or Working Committee session (Charter art. 15(2)2)."""

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from dues.models import MeetingCost
from members.models import MemberGovernment

# Currencies without a minor unit; the others are shared to the cent.
WHOLE_UNIT_CURRENCIES = {"KRW", "JPY"}


@dataclass(frozen=True)
class CostShares:
    """How a session's total cost A is borne, with the Charter's letters."""

    cost: MeetingCost
    host_half: Decimal  # B: item 1
    others_half: Decimal  # C = A - B: item 2
    other_members: int  # D: every member government other than the host
    share: Decimal  # C / D, rounded down to the currency's unit
    payers: list[MemberGovernment]  # the other members that took part
    shortfall: Decimal  # item 3: the shares of the members that did not take part
    rounding: Decimal  # C - D x share, left by rounding down

    @property
    def host_total(self) -> Decimal:
        """The host bears B, the shortfall (item 3) and the rounding remainder."""
        return self.host_half + self.shortfall + self.rounding

    @property
    def collected_from_others(self) -> Decimal:
        return self.share * len(self.payers)


def meeting_cost_shares(cost: MeetingCost) -> CostShares:
    """Charter art. 15(2)2: the host bears half of A (B); the other half (C) is divided equally
    among all other member governments (C/D); when fewer take part, the host bears the shortfall.

    D counts the full members on the session's first day other than the host; associate
    members and observers are not member governments for this purpose. Shares are rounded
    down to the currency's unit and the remainder, like the shortfall, falls to the host (the
    Charter is silent on rounding; this keeps every other member's share equal).
    """
    event = cost.event
    unit = Decimal(1) if cost.currency in WHOLE_UNIT_CURRENCIES else Decimal("0.01")
    host_half = (cost.total_cost / 2).quantize(unit, rounding=ROUND_DOWN)
    others_half = cost.total_cost - host_half
    others = MemberGovernment.objects.members_on(event.start_date).exclude(pk=cost.host_id)
    other_count = others.count()
    share = (others_half / other_count).quantize(unit, rounding=ROUND_DOWN) if other_count else Decimal(0)
    payers = list(
        others.filter(participations__event=event).select_related("country").order_by("country__display_order", "name")
    )
    return CostShares(
        cost=cost,
        host_half=host_half,
        others_half=others_half,
        other_members=other_count,
        share=share,
        payers=payers,
        shortfall=share * (other_count - len(payers)),
        rounding=others_half - share * other_count,
    )
