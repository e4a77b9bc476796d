"""Reusable reads of member governments."""

from django.db import models
from django.db.models import OuterRef, Q, Subquery

from core.languages import localized_fields


class MemberGovernmentQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def current(self):
        """Governments attached to NEAR today: members, associate members and observers."""
        return self.exclude(membership_type="former")

    def full_members(self):
        """Governments whose current membership type is 'member' (Charter art. 4)."""
        return self.filter(membership_type="member")

    def with_type_on(self, on):
        """Annotate ``type_on``: the membership type the history gives on date ``on``.

        Undated events count as earlier than any date (they come from older records); a
        government with no event on or before ``on`` gets NULL (not yet attached).
        """
        membership_event = self.model._meta.get_field("membership_events").related_model
        latest = (
            membership_event.objects.filter(member=OuterRef("pk"))
            .filter(Q(date__lte=on) | Q(date__isnull=True))
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
