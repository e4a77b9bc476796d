"""An event's figures: participants, governments, countries, works, and where each comes from.

The association's records often give only totals ("15 governments, 28 delegates") or totals
by country ("CN 8, JP 3, ..."), sometimes with a few governments named. A figure the record
states is shown as recorded. A figure it does not state is counted from the rows that hold
it: from the per-government list when that list is complete, or from the figures by country.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Figure:
    """One number and where it comes from."""

    RECORDED = "recorded"  # as the record states it
    COUNTED = "counted"  # counted from the rows below it

    value: int
    origin: str
    more_than: bool = False


@dataclass(frozen=True)
class EventFigures:
    participants: Figure | None
    governments: Figure | None
    countries: Figure | None
    works: Figure | None

    def __bool__(self):
        return any((self.participants, self.governments, self.countries, self.works))


def _recorded(value, more_than=False):
    return Figure(value, Figure.RECORDED, more_than) if value is not None else None


def _counted(value):
    return Figure(value, Figure.COUNTED) if value else None


def event_figures(event) -> EventFigures:
    """The figures to show for ``event`` (uses prefetched ``participations`` and ``country_figures``)."""
    rows = list(event.participations.all()) if event.participation_complete else []
    by_country = list(event.country_figures.all())
    country_governments = [line.governments for line in by_country if line.governments is not None]
    country_works = [line.works for line in by_country if line.works is not None]

    delegates = [row.delegates for row in rows]
    counted_participants = sum(delegates) if rows and None not in delegates else None
    if rows:
        counted_governments = len(rows)
        counted_countries = len({row.member.country_id for row in rows})
    else:
        counted_governments = sum(country_governments) if country_governments else None
        counted_countries = len(by_country)

    return EventFigures(
        participants=_recorded(event.recorded_participants, event.participants_more_than)
        or _counted(counted_participants),
        governments=_recorded(event.recorded_governments) or _counted(counted_governments),
        countries=_recorded(event.recorded_countries) or _counted(counted_countries),
        works=_recorded(event.recorded_works) or _counted(sum(country_works) if country_works else None),
    )


def country_columns(event) -> dict:
    """Which columns the figures by country fill: {"governments": bool, "works": bool}."""
    lines = list(event.country_figures.all())
    return {
        "governments": any(line.governments is not None for line in lines),
        "works": any(line.works is not None for line in lines),
    }


def figure_problems(event) -> list[str]:
    """Where the recorded totals, the figures by country and the list of governments disagree."""
    problems = []
    rows = list(event.participations.all())
    by_country = list(event.country_figures.all())
    governments_by_country = {line.country_id: line.governments for line in by_country}

    def differs(recorded, counted):
        return recorded is not None and counted is not None and recorded != counted

    if by_country and None not in governments_by_country.values():
        if differs(event.recorded_governments, sum(governments_by_country.values())):
            problems.append(_("The governments by country do not add up to the recorded number of governments."))
    if by_country and differs(event.recorded_countries, len(by_country)):
        problems.append(_("The figures by country name a different number of countries than recorded."))
    works = [line.works for line in by_country if line.works is not None]
    if works and differs(event.recorded_works, sum(works)):
        problems.append(_("The works by country do not add up to the recorded number of works."))
    if event.recorded_governments is not None and len(rows) > event.recorded_governments:
        problems.append(_("More governments are listed than the record says took part."))
    if event.participation_complete:
        if differs(event.recorded_governments, len(rows)):
            problems.append(_("The list is marked complete but does not hold the recorded number of governments."))
        if differs(event.recorded_countries, len({row.member.country_id for row in rows})):
            problems.append(
                _("The list is marked complete but its governments come from a different number of countries.")
            )
    for country_id, governments in governments_by_country.items():
        named = sum(1 for row in rows if row.member.country_id == country_id)
        if governments is not None and named > governments:
            problems.append(_("More governments of one country are listed than its figure says."))
            break
    return problems
