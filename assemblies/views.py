"""Public pages of the General Assembly and the Working Committee: sessions, agenda, results, resolutions."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from assemblies import voting
from assemblies.effects import agenda_with_effects
from assemblies.models import AgendaItem, Attendance, Body, Officer, Session
from core.caching import query_parameters
from core.params import page_parameter

# The links a session's page gives to its minutes: {"url": the published minutes, "preview_url":
# the staff's preview before}. The documents app, after this one in the dependency order,
# generates and publishes minutes and sets this in its ready(); without it the page has none.
minutes_links: Callable[[object, Session], dict] | None = None

# Sessions on a page of a body's list: more than the record holds today (6 and 3), so the real
# list is one page; a longer history adds pages instead of rows.
SESSIONS_PER_PAGE = 10


@dataclass(frozen=True)
class ItemView:
    """An agenda item as the page shows it, with the rule that applies to it."""

    item: AgendaItem
    rule: voting.VotingRule | None


@query_parameters("page")
def session_list(request, body):
    """The sessions of one body, the latest first, a page at a time; the General Assembly's page also lists the officers."""
    try:
        sessions = Paginator(Session.objects.for_public_list(body), SESSIONS_PER_PAGE).page(page_parameter(request))
    except EmptyPage:
        raise Http404(_("There is no such page of sessions.")) from None
    sessions.object_list = Session.objects.count_resolutions(sessions.object_list)
    officers = []
    if body == Body.GENERAL_ASSEMBLY:
        officers = Officer.objects.filter(role__in=[Officer.Role.CHAIR, Officer.Role.SECRETARY_GENERAL]).select_related(
            "government", "elected_at"
        )
    return render(
        request,
        "assemblies/session_list.html",
        {"body": body, "body_label": Body(body).label, "sessions": sessions, "officers": officers},
    )


@query_parameters()
def session_detail(request, body, key):
    """One session: agenda, attendance, each motion's result with its tally, quorum and threshold, and what it changed."""
    session = get_object_or_404(Session.objects.select_related("host", "chair", "event"), body=body, key=key)
    items = agenda_with_effects(session)
    return render(
        request,
        "assemblies/session_detail.html",
        {
            "session": session,
            "body_label": Body(body).label,
            "items": rules_for(session, list(items)),
            "attendance": attendance_summary(session),
            "event_url": event_url(session),
            "minutes": minutes_links(request, session) if minutes_links else {},
        },
    )


def rules_for(session: Session, items: list[AgendaItem]) -> list[ItemView]:
    """Each item with the quorum and majority the Charter sets for it (None for reports, or before the rules of 2016)."""
    held = session.body == Body.WORKING_COMMITTEE and Session.objects.assembly_held_in(session.start_date.year)
    views = []
    for item in items:
        try:
            rule = voting.voting_rule(
                body=session.body, kind=item.decision_kind, on=session.start_date, assembly_held_in_year=held
            )
        except ValidationError:
            rule = None
        views.append(ItemView(item=item, rule=rule))
    return views


def attendance_summary(session: Session) -> dict:
    """Counts by attendance status, from the attendance recorded in the portal (one query)."""
    counts = session.attendances.aggregate(
        present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
        written=Count("pk", filter=Q(status=Attendance.Status.WRITTEN)),
        absent=Count("pk", filter=Q(status=Attendance.Status.ABSENT)),
    )
    counts["voting"] = counts["present"] + counts["written"]
    counts["recorded"] = any(counts.values())
    return counts


def event_url(session: Session) -> str:
    """The page of the session's event, once the events app publishes one."""
    if session.event is None:
        return ""
    try:
        return session.event.get_absolute_url()
    except NoReverseMatch:
        return ""
