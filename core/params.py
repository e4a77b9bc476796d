"""Query-string parameters of the public pages, read and checked in one place.

A value a page cannot read raises ``BadParameter``, Django's ``BadRequest``: the project's
``handler400`` (near_portal.views.bad_request) answers 400 with the message, translated into
the visitor's language, and nothing else happens.
"""

import datetime
import re

from django.core.exceptions import BadRequest
from django.utils import timezone
from django.utils.translation import gettext as _

# Dates a visitor may ask about: wide enough for NEAR's history (1996) and any plan.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2999, 12, 31)
# Exactly YYYY-MM-DD: fromisoformat alone would also take 20181029 and 2018-W44-1.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadParameter(BadRequest):
    """A query parameter a page cannot read; ``str(error)`` says why, in the active language."""


def parse_date(
    value: str, *, earliest: datetime.date = EARLIEST_DATE, latest: datetime.date = LATEST_DATE
) -> datetime.date:
    """``value`` written YYYY-MM-DD as a date between ``earliest`` and ``latest``; BadParameter otherwise."""
    value = value.strip()
    if not ISO_DATE.fullmatch(value):
        raise BadParameter(
            _("“%(value)s” is not a date. Write the day as YYYY-MM-DD, for example 2016-09-27.") % {"value": value[:40]}
        )
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(_("%(value)s is not a day of the calendar.") % {"value": value}) from None
    if day > latest:
        raise BadParameter(_("“%(value)s” lies after %(year)s.") % {"value": value, "year": latest.year})
    if day < earliest:
        raise BadParameter(_("“%(value)s” lies before %(year)s.") % {"value": value, "year": earliest.year})
    return day


def date_parameter(request, name: str = "on", **limits) -> datetime.date:
    """``?on=YYYY-MM-DD`` (or ``name``), by default today in the secretariat's time zone (Pohang)."""
    value = request.GET.get(name, "").strip()
    if not value:
        return timezone.localdate()
    return parse_date(value, **limits)


def counting_parameter(request, name: str, *, message: str) -> int:
    """``?<name>=N``, a whole number from 1 (of at most nine digits), by default 1; BadParameter(``message``) otherwise."""
    value = request.GET.get(name, "1")
    if not value.isascii() or not value.isdigit() or len(value) > 9 or int(value) < 1:
        raise BadParameter(message)
    return int(value)


def page_parameter(request, name: str = "page") -> int:
    """``?page=N``, a whole number from 1, by default 1."""
    return counting_parameter(request, name, message=_("The page number must be a whole number such as 2."))
