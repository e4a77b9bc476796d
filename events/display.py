"""How an event's dates and place read, in the active language (pages and calendar feeds)."""

from django.utils import formats
from django.utils.translation import gettext as _

from members.membership import format_partial_date
from members.models import DatePrecision


def event_dates(event) -> str:
    """Dates as precisely as the record states them: "2018", "March 2018", "5 March 2018 – 7 March 2018"."""
    if event.date_precision != DatePrecision.DAY:
        return format_partial_date(event.start_date, event.date_precision)
    text = formats.date_format(event.start_date, "DATE_FORMAT")
    if event.end_date and event.end_date != event.start_date:
        text = _("%(start)s – %(end)s") % {"start": text, "end": formats.date_format(event.end_date, "DATE_FORMAT")}
    if event.start_time:
        times = formats.time_format(event.start_time, "TIME_FORMAT")
        if event.end_time:
            times = _("%(start)s–%(end)s") % {"start": times, "end": formats.time_format(event.end_time, "TIME_FORMAT")}
        text = _("%(dates)s, %(times)s (%(zone)s time)") % {"dates": text, "times": times, "zone": event.time_zone}
    return text


def event_place(event) -> str:
    """City and country, or online (and from where, when the record says)."""
    place = ", ".join(part for part in (event.city, event.country.name if event.country_id else "") if part)
    if event.online:
        return _("Online, from %(place)s") % {"place": place} if place else _("Online")
    return place
