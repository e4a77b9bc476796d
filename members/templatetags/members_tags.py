"""Template helpers of the members app."""

from django import template

from members.membership import format_partial_date

register = template.Library()


@register.filter
def partial_date(value, precision):
    """``{{ event.date|partial_date:event.date_precision }}``: 2006, September 2000 or 10 August 2021."""
    return format_partial_date(value, precision)
