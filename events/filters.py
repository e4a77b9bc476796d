"""The filters of the public events list, read from the query string and checked."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from committees.models import Committee
from core.params import BadParameter
from events.models import Event
from members.models import MemberGovernment

YEAR = re.compile(r"[1-9][0-9]{3}")


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    year: int | None = None
    committee: Committee | None = None
    government: MemberGovernment | None = None

    def apply(self, events):
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.year is not None:
            events = events.in_year(self.year)
        if self.committee is not None:
            events = events.for_committee(self.committee)
        if self.government is not None:
            events = events.involving(self.government)
        return events

    @property
    def active(self):
        return bool(self.kind or self.year or self.committee or self.government)


def read_filters(params) -> EventFilters:
    """The filters in ``params`` (request.GET); raise BadParameter for a value that is not one."""
    kind = params.get("kind", "")
    if kind and kind not in Event.Kind.values:
        raise BadParameter(_("“%(value)s” is not a kind of event.") % {"value": kind[:50]})

    year = params.get("year", "")
    if year and not YEAR.fullmatch(year):
        raise BadParameter(_("The year must be written with four digits, for example 2018."))

    committee = None
    if slug := params.get("committee", ""):
        committee = Committee.objects.filter(slug=slug[:80]).first()
        if committee is None:
            raise BadParameter(_("No committee has the address “%(value)s”.") % {"value": slug[:50]})

    government = None
    if slug := params.get("government", ""):
        government = MemberGovernment.objects.filter(slug=slug[:80]).first()
        if government is None:
            raise BadParameter(_("No member government has the address “%(value)s”.") % {"value": slug[:50]})

    return EventFilters(kind=kind, year=int(year) if year else None, committee=committee, government=government)
