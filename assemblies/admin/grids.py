"""The secretariat's working pages for a session's votes: attendance grid, ballot grid, closing and annulling a poll.

Each page is a thin view over ``assemblies.polls``: it reads, shows, and hands what staff
entered to one of its transactional functions, which gives the friendly errors.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assemblies import polls
from assemblies.models import Attendance, Ballot, Motion, Session
from members.models import MemberGovernment, MembershipType


class AttendanceRowForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=gettext_lazy("attendance"),
        required=False,
        choices=[("", gettext_lazy("not recorded")), *Attendance.Status.choices],
    )
    delegates = forms.CharField(label=gettext_lazy("delegates"), required=False, max_length=300)
    delegate_count = forms.IntegerField(label=gettext_lazy("number of delegates"), required=False, min_value=0)


class BallotRowForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(
        label=gettext_lazy("vote"),
        required=False,
        choices=[("", gettext_lazy("no vote")), *Ballot.Choice.choices],
        widget=forms.Select(attrs={"data-ballot": ""}),
    )


class BallotReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("reason for the changes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Needed when a ballot already recorded is changed or withdrawn: the earlier ballot stays in its history."
        ),
    )


class CloseForm(forms.Form):
    closed_on = forms.DateField(
        label=gettext_lazy("closed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("A day of the session."),
    )


class AnnulForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("reason"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)


def _require_change_permission(model_admin, request):
    """The working pages write what the model's change permission covers."""
    if not model_admin.has_change_permission(request):
        raise PermissionDenied


def _context(model_admin, request, title, obj, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "original": obj,
        **extra,
    }


def attendance_governments(session: Session):
    """Every government attached to NEAR on the session's roll date, and any already recorded."""
    attached = [MembershipType.MEMBER, MembershipType.ASSOCIATE, MembershipType.OBSERVER]
    return (
        MemberGovernment.objects.with_type_on(session.roll_date)
        .filter(Q(type_on__in=attached) | Q(pk__in=session.attendances.values("member_id")))
        .select_related("country")
        .order_by("country__display_order", "list_position", "name")
    )


def attendance_grid(model_admin, request, object_id):
    """All governments on one page: present, written resolution, absent; delegates."""
    _require_change_permission(model_admin, request)
    session = get_object_or_404(Session, pk=object_id)
    governments = list(attendance_governments(session))
    shown = {g.pk for g in governments}  # a line for another government is ignored
    recorded = {a.member_id: a for a in session.attendances.all()}
    voters = polls.voting_member_ids(session)
    Formset = forms.formset_factory(AttendanceRowForm, extra=0)
    initial = [
        {
            "member": g.pk,
            "status": getattr(recorded.get(g.pk), "status", ""),
            "delegates": getattr(recorded.get(g.pk), "delegates", ""),
            "delegate_count": getattr(recorded.get(g.pk), "delegate_count", None),
        }
        for g in governments
    ]
    formset = Formset(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        rows = {
            form.cleaned_data["member"]: (
                polls.AttendanceRow(
                    status=form.cleaned_data["status"],
                    delegates=form.cleaned_data["delegates"],
                    delegate_count=form.cleaned_data["delegate_count"],
                )
                if form.cleaned_data["status"]
                else None
            )
            for form in formset
            if form.has_changed() and form.cleaned_data["member"] in shown
        }
        try:
            polls.record_attendance(session=session, rows=rows)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The attendance is saved."))
            return redirect(request.path)
    types = dict(MembershipType.choices)
    lines = [(g, form, g.pk in voters, types.get(g.type_on, "—")) for g, form in zip(governments, formset, strict=True)]
    return TemplateResponse(
        request,
        "admin/assemblies/attendance_grid.html",
        _context(
            model_admin,
            request,
            _("Attendance: %(session)s") % {"session": session.title},
            session,
            formset=formset,
            lines=lines,
            voter_count=len(voters),
        ),
    )


def _open_poll(request, object_id) -> tuple[Motion, polls.PollCount | None]:
    """The motion and the count of its open poll; no count when the motion's own page is the place
    to go instead (a closed poll's tally is there, as it was recorded; a roll that cannot be
    counted is said in a message)."""
    motion = get_object_or_404(Motion.objects.select_related("agenda_item__session"), pk=object_id)
    if motion.is_locked:
        return motion, None
    try:
        return motion, polls.count_poll(motion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return motion, None


def _roll_governments(count: polls.PollCount) -> list[MemberGovernment]:
    """The governments on the poll's roll, in the association's list order."""
    return list(
        MemberGovernment.objects.filter(pk__in=count.roll)
        .select_related("country")
        .order_by("country__display_order", "list_position", "name")
    )


def ballot_grid(model_admin, request, object_id):
    """One line per government holding voting rights, with a live tally against the threshold."""
    _require_change_permission(model_admin, request)
    motion, count = _open_poll(request, object_id)
    if count is None:
        return redirect(reverse("admin:assemblies_motion_change", args=[motion.pk]))
    session = motion.agenda_item.session
    governments = _roll_governments(count)
    ballots = {b.member_id: b for b in polls.current_ballots(motion)}
    Formset = forms.formset_factory(BallotRowForm, extra=0)
    initial = [{"member": g.pk, "choice": getattr(ballots.get(g.pk), "choice", "")} for g in governments]
    formset = Formset(request.POST or None, initial=initial)
    reason_form = BallotReasonForm(request.POST or None)
    if request.method == "POST" and formset.is_valid() and reason_form.is_valid():
        written = Attendance.Status.WRITTEN
        rows = {
            form.cleaned_data["member"]: (
                polls.BallotRow(
                    choice=form.cleaned_data["choice"],
                    method=Ballot.Method.WRITTEN
                    if count.roll[form.cleaned_data["member"]] == written
                    else Ballot.Method.IN_ROOM,
                )
                if form.cleaned_data["choice"]
                else None
            )
            for form in formset
            if form.has_changed() and form.cleaned_data["member"] in count.roll
        }
        try:
            polls.record_ballots(
                motion=motion, rows=rows, recorded_by=request.user, reason=reason_form.cleaned_data["reason"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The ballots are saved."))
            return redirect(request.path)
    statuses = dict(Attendance.Status.choices)
    lines = [
        (g, form, count.roll[g.pk], statuses[count.roll[g.pk]]) for g, form in zip(governments, formset, strict=True)
    ]
    return TemplateResponse(
        request,
        "admin/assemblies/ballot_grid.html",
        _context(
            model_admin,
            request,
            _("Ballots: %(motion)s") % {"motion": motion},
            motion,
            session=session,
            formset=formset,
            reason_form=reason_form,
            lines=lines,
            count=count,
        ),
    )


def poll_tally(model_admin, request, object_id):
    """Read-only: how each government on the roll voted (in the room or in writing), and who has not voted yet."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    motion, count = _open_poll(request, object_id)
    if count is None:
        return redirect(reverse("admin:assemblies_motion_change", args=[motion.pk]))
    governments = _roll_governments(count)
    ballots = {b.member_id: b for b in polls.current_ballots(motion).select_related("recorded_by")}
    statuses = dict(Attendance.Status.choices)
    voted, waiting = [], []
    for government in governments:
        ballot = ballots.get(government.pk)
        line = (government, statuses[count.roll[government.pk]], ballot)
        (voted if ballot is not None and ballot.choice != Ballot.WITHDRAWN else waiting).append(line)
    written = sum(1 for _government, _status, ballot in voted if ballot.method == Ballot.Method.WRITTEN)
    return TemplateResponse(
        request,
        "admin/assemblies/poll_tally.html",
        _context(
            model_admin,
            request,
            _("Tally: %(motion)s") % {"motion": motion},
            motion,
            session=motion.agenda_item.session,
            count=count,
            voted=voted,
            waiting=waiting,
            written_ballots=written,
        ),
    )


def default_closing_date(session: Session):
    today = timezone.localdate()
    return today if session.start_date <= today <= session.last_day else session.last_day


def close_poll_view(model_admin, request, object_id):
    """Confirm closing one poll: the count, the rule, the outcome and the effects it will apply."""
    _require_change_permission(model_admin, request)
    motion = get_object_or_404(Motion.objects.select_related("agenda_item__session"), pk=object_id)
    change_url = reverse("admin:assemblies_motion_change", args=[motion.pk])
    if motion.is_locked:
        messages.error(request, _("The poll on this motion is closed: its ballots cannot change."))
        return redirect(change_url)
    session = motion.agenda_item.session
    form = CloseForm(request.POST or None, initial={"closed_on": default_closing_date(session)})
    if request.method == "POST" and form.is_valid():
        try:
            polls.close_poll(motion=motion, closed_by=request.user, on=form.cleaned_data["closed_on"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            motion.refresh_from_db()
            messages.success(request, _("The poll is closed: %(outcome)s.") % {"outcome": motion.get_outcome_display()})
            return redirect(change_url)
    try:
        count = polls.count_poll(motion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(change_url)
    return TemplateResponse(
        request,
        "admin/assemblies/close_poll.html",
        _context(
            model_admin,
            request,
            _("Close the poll"),
            motion,
            form=form,
            count=count,
            effects=motion.effects.select_related("member"),
            session=session,
        ),
    )


def annul_poll_view(model_admin, request, object_id):
    """Annul a closed poll, with a reason kept in the audit trail; its effects are reversed."""
    _require_change_permission(model_admin, request)
    motion = get_object_or_404(Motion, pk=object_id)
    change_url = reverse("admin:assemblies_motion_change", args=[motion.pk])
    form = AnnulForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            polls.annul_poll(motion=motion, annulled_by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The poll is annulled and open again."))
            return redirect(change_url)
    return TemplateResponse(
        request,
        "admin/assemblies/annul_poll.html",
        _context(
            model_admin,
            request,
            _("Annul the poll"),
            motion,
            form=form,
            effects=motion.effects.filter(applied_at__isnull=False),
        ),
    )
