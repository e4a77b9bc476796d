"""The invariants the database keeps, whoever writes (named constraints)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assemblies.models import Body, Officer, Session
from members.models import Country, MemberGovernment

pytestmark = pytest.mark.django_db


def insert_session(**fields):
    values = {"body": Body.GENERAL_ASSEMBLY, "start_date": datetime.date(2030, 1, 1), **fields}
    with transaction.atomic():
        Session.objects.create(**values)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"number": None, "key": ""}, "session_has_a_key"),
        ({"number": 30, "key": "thirty"}, "session_numbered_key_is_its_number"),
        ({"number": None, "key": "30"}, "session_unnumbered_key_is_not_a_number"),
        # A numbered session's key is its number, so both unique indexes refuse a second 12th; PostgreSQL
        # names the one it checks first, and the order of the indexes changes after a pg_restore.
        ({"number": 12, "key": "12"}, ("session_unique_number_per_body", "session_unique_key_per_body")),
        ({"key": "x", "end_date": datetime.date(2029, 12, 31)}, "session_ends_after_it_starts"),
        ({"key": "x", "extraordinary": True}, "session_extraordinary_only_working_committee"),
        (
            {"key": "x", "recorded_present": 29, "recorded_written": 21, "recorded_voting": 49},
            "session_recorded_totals_add_up",
        ),
    ],
)
def test_a_session_that_breaks_an_invariant_is_refused(fields, constraint):
    with pytest.raises(IntegrityError) as error:
        insert_session(**fields)
    named = constraint if isinstance(constraint, tuple) else (constraint,)
    assert sum(name in str(error.value) for name in named) == 1


def test_a_session_number_is_used_once_per_body_only():
    insert_session(body=Body.WORKING_COMMITTEE, number=5, key="5")
    assert Session.objects.filter(number=5).count() == 2


def test_two_chairs_cannot_be_in_office_on_the_same_day():
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Officer.objects.create(
            role=Officer.Role.CHAIR,
            government=MemberGovernment.objects.get(slug="busan"),
            term_start=datetime.date(2021, 8, 10),
        )
    assert "officer_chair_terms_do_not_overlap" in str(error.value)


def test_one_auditor_per_country_per_election():
    session = Session.objects.get(body=Body.GENERAL_ASSEMBLY, number=13)
    korea = Country.objects.get(code="KR")
    Officer.objects.create(role=Officer.Role.AUDITOR, country=korea, elected_at=session, person_name="A")
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Officer.objects.create(role=Officer.Role.AUDITOR, country=korea, elected_at=session, person_name="B")
    assert "officer_one_auditor_per_country" in str(error.value)


def test_the_form_check_explains_the_overlap_before_the_database_refuses_it():
    chair = Officer(
        role=Officer.Role.CHAIR,
        government=MemberGovernment.objects.get(slug="busan"),
        term_start=datetime.date(2022, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        chair.full_clean()
    assert error.value.messages == ["Another chair is in office during this term: NEAR has one chair at a time."]
