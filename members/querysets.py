"""Reusable reads of member governments."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order


def localized_fields(field):
    """``name`` -> ["name_en", "name_mn", "name_zh_hans", ...]: the field in the six languages."""
    return [build_localized_fieldname(field, code) for code, _label in settings.LANGUAGES]


def active_language_fields(*fields):
    """The columns of translated ``fields`` that a page in the active language reads.

    ``name`` in Russian -> ["name_ru", "name_en", "name_zh_hans"]: the language itself and the
    fallbacks modeltranslation tries when it is empty. For ``only()`` on lists, whose rows
    would otherwise carry every field in six languages.
    """
    languages = resolution_order(get_language() or settings.LANGUAGE_CODE)
    return [build_localized_fieldname(field, code) for field in fields for code in languages]


def other_language_fields(*fields):
    """The columns of translated ``fields`` that a page in the active language never reads (for ``defer()``)."""
    read = set(active_language_fields(*fields))
    return [column for field in fields for column in localized_fields(field) if column not in read]

from members.dues_querysets import DuesMemberQuerySetMixin, restricted_member_ids


class MemberGovernmentQuerySet(DuesMemberQuerySetMixin, models.QuerySet):
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
        from members.models import MembershipEvent

        latest = (
            MembershipEvent.objects.filter(member=OuterRef("pk"))
            .filter(Q(date__lte=on) | Q(date__isnull=True))
            .order_by(models.F("date").desc(nulls_last=True), "-pk")
            .values("membership_type")[:1]
        )
        return self.annotate(type_on=Subquery(latest))

    def members_on(self, on):
        """Governments that were full members on date ``on``, by their membership history."""
        return self.with_type_on(on).filter(type_on="member")

    def voting_members(self, on):
        """Members holding voting rights on date ``on``.

        Charter art. 9(1): one vote per member government; associate members have none
        (art. 5-2); a member restricted under the Dues Regulation art. 6 (two or more fiscal
        years unpaid) has none either (``dues_restricted``; for one member
        ``members.dues.has_voting_rights``).
        """
        return self.members_on(on).exclude(pk__in=restricted_member_ids(on))

    def search(self, text):
        """Governments whose name in any of the six languages contains ``text``."""
        text = text.strip()
        if not text:
            return self
        condition = Q(slug__icontains=text)
        for field in localized_fields("name"):
            condition |= Q(**{f"{field}__icontains": text})
        return self.filter(condition)
