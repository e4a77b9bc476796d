"""A session's minutes generated from the record, as HTML and as PDF, and their publication as a document.

The minutes say what the record holds and nothing more: the agenda; the attendance by
government where it is recorded, else the totals the record gives; each motion's tally as
closed in the portal or as recorded (a historical motion with only its outcome says so, no
ballot is invented); the quorum and majority of the clause that applies
(``assemblies.voting``); the outcome; the resolutions adopted, with their symbols and what
they changed. Ballots are never read here: a closed poll's tally is the one ``close_poll``
stored on the motion.

Publishing (``publish_minutes``) stores the minutes as a document of kind "minutes" of the
session (``NEAR/GA/12/MIN/1``), with the PDF in each of the six languages as its language
versions, and keeps a ``MinutesPublication`` with the HTML of each language. Publishing
again after the record changed makes the next version; a publication that would say nothing
new is refused.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from assemblies import voting
from assemblies.effects import agenda_with_effects
from assemblies.models import AgendaItem, Attendance, Body, Motion, Session
from assemblies.polls import voting_member_ids
from core.languages import LANGUAGE_CODES
from core.pdf import laid_out
from documents.library import store_language_version
from documents.models import SESSION_BODIES, Document, Kind, MinutesPublication
from members.models import MemberGovernment

STYLESHEET = "documents/minutes_pdf.css"


@dataclass(frozen=True)
class MotionMinutes:
    """A motion as the minutes report it: its stored result and the symbol of the resolution it carried."""

    motion: Motion
    resolution_symbol: str = ""

    @property
    def has_tally(self) -> bool:
        return self.motion.yes_count is not None


@dataclass(frozen=True)
class ItemMinutes:
    """An agenda item with the rule that applies to it, or why none does (a report, no rule recorded)."""

    item: AgendaItem
    rule: voting.VotingRule | None
    no_rule: str  # or a lazy translation
    motions: list[MotionMinutes]


@dataclass(frozen=True)
class AttendanceMinutes:
    """Who attended, by government where the record says so."""

    present: list[Attendance] = field(default_factory=list)
    written: list[Attendance] = field(default_factory=list)
    absent: list[MemberGovernment] = field(default_factory=list)

    @property
    def by_government(self) -> bool:
        return bool(self.present or self.written or self.absent)

    @property
    def voting(self) -> int:
        return len(self.present) + len(self.written)


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes of one session show, read from the record in a fixed number of queries."""

    session: Session
    symbol: str
    items: list[ItemMinutes]
    attendance: AttendanceMinutes

    @property
    def resolutions(self) -> list[tuple[ItemMinutes, MotionMinutes]]:
        """The motions adopted, in agenda order: the session's resolutions."""
        return [
            (entry, motion)
            for entry in self.items
            for motion in entry.motions
            if motion.motion.outcome == Motion.Outcome.ADOPTED
        ]


def minutes_document(session: Session) -> Document | None:
    """The document the session's generated minutes are published as, once they are."""
    return (
        Document.objects.filter(session=session, kind=Kind.MINUTES, minutes_publications__isnull=False)
        .order_by("number")
        .first()
    )


def minutes_symbol(session: Session) -> str:
    """The symbol of the session's minutes: the published document's, else the one publishing would give."""
    document = minutes_document(session)
    if document is not None:
        return document.symbol
    return Document(
        kind=Kind.MINUTES, body=SESSION_BODIES[session.body], number=next_minutes_number(session), session=session
    ).built_symbol()


def next_minutes_number(session: Session) -> int:
    """The next number in the session's minutes series (MIN/1 unless minutes were already uploaded)."""
    highest = Document.objects.filter(session=session, kind=Kind.MINUTES).aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def minutes_of(session: Session) -> Minutes:
    """The minutes of ``session`` from the record (the session read with its host and chair)."""
    items = list(agenda_with_effects(session))
    symbols = dict(
        Document.objects.filter(
            resolution__motion__agenda_item__session=session, resolution__annulment__isnull=True
        ).values_list("resolution__motion_id", "symbol")
    )
    entries = []
    held = session.body == Body.WORKING_COMMITTEE and Session.objects.assembly_held_in(session.start_date.year)
    for item in items:
        try:
            rule, no_rule = (
                voting.voting_rule(
                    body=session.body, kind=item.decision_kind, on=session.start_date, assembly_held_in_year=held
                ),
                "",
            )
        except ValidationError as error:
            # The lazy message, so that each language's rendering translates it.
            rule, no_rule = None, getattr(error, "message", None) or error.messages[0]
        motions = [MotionMinutes(motion=m, resolution_symbol=symbols.get(m.pk, "")) for m in item.motions.all()]
        entries.append(ItemMinutes(item=item, rule=rule, no_rule=no_rule, motions=motions))
    return Minutes(session=session, symbol=minutes_symbol(session), items=entries, attendance=attendance_of(session))


def attendance_of(session: Session) -> AttendanceMinutes:
    """The attendance recorded by government; the governments holding voting rights with no line count as absent.

    A session whose attendance is recorded for no government has none by government (the
    minutes then give the record's totals): it does not make every member absent.
    """
    rows = list(session.attendances.select_related("member__country"))
    if not rows:
        return AttendanceMinutes()
    by_status = {status: [row for row in rows if row.status == status] for status in Attendance.Status.values}
    recorded = {row.member_id for row in rows}
    # As the poll counts them (assemblies.polls.count_poll): on the roll without a line is absent.
    missing = voting_member_ids(session) - recorded
    absent = [row.member for row in by_status[Attendance.Status.ABSENT]]
    if missing:
        absent += list(MemberGovernment.objects.filter(pk__in=missing).select_related("country"))
    # The order of the member list: by country, then the list number the record gives.
    absent.sort(key=lambda member: (member.country.display_order, member.list_position or 0, member.name_en))
    return AttendanceMinutes(
        present=by_status[Attendance.Status.PRESENT], written=by_status[Attendance.Status.WRITTEN], absent=absent
    )


# --- Rendering -----------------------------------------------------------------------------


def render_body(minutes: Minutes, language: str, *, for_pdf: bool = False) -> str:
    """The minutes' content in ``language`` (an HTML fragment: the public page's, the admin preview's and the PDF's)."""
    with translation.override(language):
        return render_to_string("documents/minutes/_body.html", {"minutes": minutes, "for_pdf": for_pdf})


def render_pdf(minutes: Minutes, language: str, *, publication: MinutesPublication | None = None) -> bytes:
    """The minutes as a PDF in ``language``; a published one says its version and date."""
    with translation.override(language):
        html = render_to_string(
            "documents/minutes/pdf.html",
            {
                "minutes": minutes,
                "body": render_body(minutes, language, for_pdf=True),
                "publication": publication,
                "language": language,
            },
        )
    return laid_out(html, STYLESHEET).write_pdf()


def digest_of(bodies: dict[str, str]) -> str:
    """SHA-256 of the minutes' HTML in every language, in the portal's order of languages."""
    sha = hashlib.sha256()
    for code in LANGUAGE_CODES:
        sha.update(code.encode())
        sha.update(b"\0")
        sha.update(bodies[code].encode())
        sha.update(b"\0")
    return sha.hexdigest()


# --- Publishing ------------------------------------------------------------------------------


def latest_publication(session: Session) -> MinutesPublication | None:
    """The latest publication of the session's generated minutes, with its document."""
    return (
        MinutesPublication.objects.filter(document__session=session, document__kind=Kind.MINUTES)
        .select_related("document")
        .order_by("-version")
        .first()
    )


@transaction.atomic
def publish_minutes(*, session: Session, published_by) -> MinutesPublication:
    """Publish the minutes of ``session``: a document of kind "minutes" with its PDF in each of the six languages.

    The first publication creates the document (``NEAR/GA/12/MIN/1``); each later one, once
    the record has changed, is the next version: the language versions' files are replaced
    (the earlier ones stay in storage, named in the earlier publication and in the files'
    history). Publishing minutes identical to the latest version is refused.
    """
    session = Session.objects.select_for_update(of=("self",)).select_related("host", "chair").get(pk=session.pk)
    minutes = minutes_of(session)
    if not minutes.items:
        raise ValidationError(_("No agenda item is recorded for this session: there are no minutes to publish."))
    bodies = {code: render_body(minutes, code) for code in LANGUAGE_CODES}
    digest = digest_of(bodies)
    document = minutes_document(session)
    previous = None
    if document is not None:
        document = Document.objects.select_for_update().get(pk=document.pk)
        previous = document.minutes_publications.order_by("-version").first()
    if previous is not None and previous.digest == digest:
        raise ValidationError(
            _("The minutes have not changed since version %(version)s: nothing was published.")
            % {"version": previous.version}
        )
    if document is None:
        document = Document(
            kind=Kind.MINUTES,
            body=SESSION_BODIES[session.body],
            number=next_minutes_number(session),
            session=session,
            date=session.last_day,
            date_precision=session.date_precision,
        )
    for code in LANGUAGE_CODES:
        with translation.override(code):
            setattr(document, build_localized_fieldname("title", code), minutes_title(session))
    document.full_clean()
    document.save()
    publication = MinutesPublication(
        document=document,
        version=(previous.version + 1) if previous else 1,
        published_at=timezone.now(),
        published_by=published_by,
        digest=digest,
        html=bodies,
    )
    minutes = Minutes(session=session, symbol=document.symbol, items=minutes.items, attendance=minutes.attendance)
    files = {}
    for code in LANGUAGE_CODES:
        pdf = render_pdf(minutes, code, publication=publication)
        name = f"{document.symbol.replace('/', '-')}-v{publication.version}-{code}.pdf"
        stored = store_language_version(document=document, language=code, filename=name, content=pdf)
        files[code] = {"name": stored.file.name, "sha256": hashlib.sha256(pdf).hexdigest()}
    publication.files = files
    publication.full_clean()
    publication.save()
    return publication


def session_minutes_links(request, session: Session) -> dict:
    """What a session's page links: the published minutes (one query), else for staff who may read documents the preview."""
    published = MinutesPublication.objects.filter(document__session=session, document__kind=Kind.MINUTES).exists()
    if published:
        name = "assembly-minutes" if session.body == Body.GENERAL_ASSEMBLY else "working-committee-minutes"
        return {"url": reverse(f"documents:{name}", kwargs={"key": session.key})}
    if request.user.is_staff and request.user.has_perm("documents.view_document"):
        return {"preview_url": reverse("admin:documents_document_minutes", args=[session.pk])}
    return {}


def minutes_title(session: Session) -> str:
    """ "Minutes of the 12th General Assembly" in the active language."""
    return _("Minutes of the %(session)s") % {"session": session.title}


def minutes_title_in(session: Session, language: str) -> str:
    with translation.override(language):
        return minutes_title(session)
