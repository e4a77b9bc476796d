"""Template helpers of the events app."""

from django import template

from events import display
from members.models import DatePrecision

register = template.Library()


@register.filter
def event_dates(event):
    """``{{ event|event_dates }}``: the dates as precisely as the record states them."""
    return display.event_dates(event)


@register.filter
def event_place(event):
    """``{{ event|event_place }}``: city and country, or online."""
    return display.event_place(event)


@register.filter
def machine_date(event):
    """The start date for a ``<time datetime>`` attribute, no more precise than the record."""
    formats = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
    return event.start_date.strftime(formats.get(event.date_precision, "%Y-%m-%d"))
