"""Reusable reads of member governments."""

import datetime

from django.db import models
from django.db.models import OuterRef, Q, Subquery

from core.languages import localized_fields

# The first day on which the record states the standing of the governments whose admission it
# does not date (72 members, the observers). The Annual Report 2018 (seed 003) is the earliest
# dated document that names them: its member list (lines 1190-1313) and its account of the
# year, where they act as members from its first months (the meeting of the Mongolian member
# governments' governors in March 2018, line 533; 40 member governments at the working-level
# meeting of June 2018, line 350). The older brochure (seed 001) names 71 members but is
# undated, and the association's founders are 29 governments of China, Japan, Korea and Russia
# (seed 004 line 829) of whom the record names only Hyogo and Sakha (seed 003 lines 83, 487).
# Before this day an undated event is not known to be in effect, so it counts nowhere.
UNDATED_STANDING_FROM = datetime.date(2018, 1, 1)


def undated_in_effect(on: datetime.date) -> bool:
    """Whether events the record does not date count on ``on`` (see ``UNDATED_STANDING_FROM``)."""
    return on >= UNDATED_STANDING_FROM


class MemberGovernmentQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def current(self):
        """Governments not recorded as former members, by the stored type (the admin's choices).

        Pages use ``attached_on(date)``, which reads the history for the day they show.
        """
        return self.exclude(membership_type="former")

    def attached_on(self, on):
        """Governments attached to NEAR on ``on``: members, associate members and observers, by their history.

        Annotated with ``type_on`` like ``with_type_on``; a government whose standing on that day
        the record does not give is left out.
        """
        return self.with_type_on(on).filter(type_on__in=["member", "associate", "observer"])

    def with_type_on(self, on):
        """Annotate ``type_on``: the membership type the history gives on date ``on``.

        Undated events count only from ``UNDATED_STANDING_FROM`` (the first day the record
        states them) and, from then on, as earlier than every dated one; a government with no
        event in effect on ``on`` gets NULL (not attached, or its standing is not recorded).
        """
        membership_event = self.model._meta.get_field("membership_events").related_model
        in_effect = Q(date__lte=on) | Q(date__isnull=True) if undated_in_effect(on) else Q(date__lte=on)
        latest = (
            membership_event.objects.filter(member=OuterRef("pk"))
            .filter(in_effect)
            .order_by(models.F("date").desc(nulls_last=True), "-pk")
            .values("membership_type")[:1]
        )
        return self.annotate(type_on=Subquery(latest))

    def members_on(self, on):
        """Governments that were full members on date ``on``, by their membership history."""
        return self.with_type_on(on).filter(type_on="member")

    def search(self, text):
        """Governments whose name in any of the six languages contains ``text``."""
        text = text.strip()
        if not text:
            return self
        condition = Q(slug__icontains=text)
        for field in localized_fields("name"):
            condition |= Q(**{f"{field}__icontains": text})
        return self.filter(condition)
