"""The database keeps coordinator terms and committees consistent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committees.models import CoordinatorTerm

pytestmark = pytest.mark.django_db

D = datetime.date


def test_overlapping_terms_of_the_same_government_are_rejected_by_the_database(make_committee, make_term, member):
    committee = make_committee()
    make_term(committee, member("hyogo"), D(2010, 1, 1), D(2014, 1, 1))
    with pytest.raises(IntegrityError, match="coordinator_term_no_overlap_per_member"), transaction.atomic():
        make_term(committee, member("hyogo"), D(2013, 6, 1), None)


def test_an_open_ended_term_overlaps_every_later_term_of_the_same_government(make_committee, make_term, member):
    committee = make_committee()
    make_term(committee, member("hyogo"), None, None)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_term(committee, member("hyogo"), D(2020, 1, 1), None)


def test_a_term_may_start_the_day_the_previous_one_ended(make_committee, make_term, member):
    committee = make_committee()
    make_term(committee, member("hyogo"), D(2010, 1, 1), D(2012, 1, 1))
    make_term(committee, member("hyogo"), D(2012, 1, 1), None)
    assert CoordinatorTerm.objects.filter(committee=committee).count() == 2


def test_co_coordinators_may_hold_overlapping_terms(make_committee, make_term, member):
    committee = make_committee()
    make_term(committee, member("henan"), D(2010, 1, 1), None)
    make_term(committee, member("ningxia"), D(2011, 1, 1), None)
    assert CoordinatorTerm.objects.filter(committee=committee).count() == 2


def test_a_term_ending_before_it_starts_is_rejected_by_the_database(make_committee, make_term, member):
    with pytest.raises(IntegrityError, match="coordinator_term_ends_after_it_starts"), transaction.atomic():
        make_term(make_committee(), member("hyogo"), D(2012, 1, 1), D(2011, 1, 1))


def test_a_term_ending_the_day_it_starts_is_rejected(make_committee, make_term, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_term(make_committee(), member("hyogo"), D(2012, 1, 1), D(2012, 1, 1))


def test_validation_explains_an_overlap_in_words(make_committee, make_term, member):
    committee = make_committee()
    make_term(committee, member("hyogo"), D(2010, 1, 1), None)
    term = CoordinatorTerm(committee=committee, member=member("hyogo"), started_on=D(2015, 1, 1), start_precision="day")
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert error.value.messages == ["This government already coordinates the committee during these dates."]


def test_a_date_without_its_precision_is_rejected(make_committee, member):
    term = CoordinatorTerm(committee=make_committee(), member=member("hyogo"), started_on=D(2015, 1, 1))
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert error.value.messages == ["Give the precision of the start exactly when the start date is given."]


def test_an_active_committee_cannot_have_a_successor(make_committee):
    with pytest.raises(IntegrityError, match="committee_successor_only_when_renamed_or_merged"), transaction.atomic():
        make_committee(successor=make_committee())
