"""The real member data loaded from fixtures/ matches the seeds."""

import datetime

import pytest
from django.db.models import Count

from members.models import MemberGovernment

pytestmark = pytest.mark.django_db


def test_member_counts_per_country_and_type_match_the_seeds():
    rows = MemberGovernment.objects.values_list("country__code", "membership_type").annotate(n=Count("pk"))
    counts = {(country, kind): n for country, kind, n in rows.order_by()}
    assert counts == {
        ("CN", "member"): 12,
        ("JP", "member"): 11,
        ("KR", "member"): 16,
        ("MN", "member"): 22,
        ("RU", "member"): 16,
        ("KP", "member"): 2,
        ("VN", "associate"): 1,
        ("CN", "observer"): 1,
        ("JP", "observer"): 1,
    }


def test_liaoning_is_the_79th_member_from_the_13th_general_assembly():
    assert MemberGovernment.objects.members_on(datetime.date(2021, 8, 9)).count() == 78
    assert MemberGovernment.objects.members_on(datetime.date(2021, 8, 10)).count() == 79
