"""Figures of an event: as recorded when the record gives them, otherwise counted from the rows."""

import pytest

from events.figures import Figure, event_figures, figure_problems
from events.models import CountryFigure, Event
from events.participation import add_participants
from members.models import Country, MemberGovernment

pytestmark = pytest.mark.django_db


def governments(*slugs):
    return list(MemberGovernment.objects.filter(slug__in=slugs))


def test_recorded_totals_are_shown_as_recorded():
    figures = event_figures(Event.objects.get(slug="16th-disaster-prevention-committee-2018"))
    assert figures.participants == Figure(28, Figure.RECORDED)
    assert figures.governments == Figure(15, Figure.RECORDED)
    assert figures.countries == Figure(5, Figure.RECORDED)
    assert figures.works is None


def test_more_than_is_kept_with_the_recorded_number():
    figures = event_figures(Event.objects.get(slug="12th-general-assembly-2018"))
    assert figures.participants == Figure(150, Figure.RECORDED, more_than=True)


def test_a_complete_list_of_governments_gives_the_counts(make_event):
    event = make_event(participation_complete=True)
    add_participants(event=event, members=governments("hyogo", "akita", "sakha"), delegates=2)
    figures = event_figures(event)
    assert figures.governments == Figure(3, Figure.COUNTED)
    assert figures.countries == Figure(2, Figure.COUNTED)
    assert figures.participants == Figure(6, Figure.COUNTED)


def test_a_partial_list_of_governments_gives_no_counts(make_event):
    event = make_event(participation_complete=False, recorded_participants=12)
    add_participants(event=event, members=governments("arkhangai", "govisumber"))
    figures = event_figures(event)
    assert (figures.participants, figures.governments, figures.countries) == (Figure(12, Figure.RECORDED), None, None)


def test_delegates_are_summed_only_when_every_row_has_them(make_event):
    event = make_event(participation_complete=True)
    add_participants(event=event, members=governments("hyogo"), delegates=4)
    add_participants(event=event, members=governments("akita"))
    assert event_figures(event).participants is None


def test_figures_by_country_give_governments_and_countries_the_record_does_not_total(make_event):
    event = make_event()
    for code, count in (("CN", 2), ("KR", 3)):
        CountryFigure.objects.create(event=event, country=Country.objects.get(code=code), governments=count)
    figures = event_figures(event)
    assert (figures.governments, figures.countries) == (Figure(5, Figure.COUNTED), Figure(2, Figure.COUNTED))


def test_problems_name_every_disagreement(make_event):
    event = make_event(recorded_governments=4, recorded_countries=3, recorded_works=10, participation_complete=True)
    CountryFigure.objects.create(event=event, country=Country.objects.get(code="JP"), governments=1, works=7)
    add_participants(event=event, members=governments("hyogo", "akita"))
    assert figure_problems(event) == [
        "The governments by country do not add up to the recorded number of governments.",
        "The figures by country name a different number of countries than recorded.",
        "The works by country do not add up to the recorded number of works.",
        "The list is marked complete but does not hold the recorded number of governments.",
        "The list is marked complete but its governments come from a different number of countries.",
        "More governments of one country are listed than its figure says.",
    ]


def test_listing_more_governments_than_recorded_is_a_problem(make_event):
    event = make_event(recorded_governments=1)
    add_participants(event=event, members=governments("hyogo", "akita"))
    assert figure_problems(event) == ["More governments are listed than the record says took part."]
