"""The liaison officers' pages (under the language prefix, never cached): sign-in, the
invitation link, their government's page, its contacts, its dues statement and the publication
of its cooperation plans. Each page
shows only the signed-in officer's own government."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from assemblies import polls
from assemblies.models import Ballot, Motion
from committees.models import CoordinatorTerm
from core.caching import query_parameters
from core.ratelimits import rate_limited
from dues.ledger import has_voting_rights, is_restricted, ledger
from dues.querysets import with_dues_records
from dues.views import statement_pdf_response
from events.models import Event
from liaison.accounts import accept_invitation, account_for_token, officer_account
from liaison.forms import ContactForm, DelegateForm, PlanStatusForm, WrittenBallotForm
from liaison.registration import open_for_registration, register_delegate
from members.membership import type_on
from members.models import MemberGovernment, MembershipType
from plans.models import CooperationPlan, Status
from plans.publishing import set_plan_status


def officer_required(view):
    """Signed-in liaison officers with an active account only; ``request.officer`` is that account."""

    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        account = officer_account(request.user)
        if account is None:
            if request.user.is_authenticated:
                raise PermissionDenied
            return redirect_to_login(request.get_full_path(), reverse("liaison:sign-in"))
        request.officer = account
        return view(request, *args, **kwargs)

    return wrapper


class SignInView(auth_views.LoginView):
    """Django's sign-in (django-axes locks out repeated failures) for the officers."""

    template_name = "liaison/sign_in.html"
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return reverse("liaison:my-government")


# The sign-in reads ?next= (where to go afterwards), as Django's LoginView does.
sign_in = query_parameters("next")(never_cache(SignInView.as_view()))
sign_out = query_parameters()(auth_views.LogoutView.as_view(next_page=reverse_lazy("liaison:sign-in")))


@query_parameters()
@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def accept(request, token):
    """The invitation link: the officer chooses a password (the portal's password rules) and is signed in."""
    account = account_for_token(token)
    if account is None:
        # 410 Gone: the link was good once (expired, used, replaced or revoked) or never was.
        return render(request, "liaison/invitation_invalid.html", status=410)
    form = SetPasswordForm(account.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept_invitation(account=account, password=form.cleaned_data["new_password1"])
        login(request, account.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your password is set. Welcome to your government's space."))
        return redirect("liaison:my-government")
    return render(request, "liaison/accept.html", {"form": form, "account": account})


def voting_rights(member, on: datetime.date) -> dict:
    """Whether ``member`` votes on ``on`` and the reason, by Charter art. 9(1) and Dues Regulation art. 6."""
    books = ledger(member, on=on)
    restricted = is_restricted(member, on=on)
    full_member = type_on(member, on) == MembershipType.MEMBER
    return {
        "on": on,
        "books": books,
        "restricted": restricted,
        "full_member": full_member,
        "voting": has_voting_rights(member, on=on, restricted=restricted),
    }


def own_member(request):
    return with_dues_records(MemberGovernment.objects.select_related("country")).get(pk=request.officer.member.pk)


def open_motions(member):
    """Open motions the government may vote on in writing, each with its current ballot (``own``, a list of 0 or 1)."""
    return (
        polls.written_vote_motions()
        .filter(status=Motion.Status.OPEN)
        .prefetch_related(
            Prefetch("ballots", queryset=Ballot.objects.current().filter(member=member), to_attr="own"),
        )
    )


@query_parameters()
@officer_required
def my_government(request):
    """The officer's government: membership, committees, events, voting rights today, dues, contacts."""
    member = own_member(request)
    today = timezone.localdate()
    member_events, member_events_more = Event.objects.recent_involving(member)
    return render(
        request,
        "liaison/my_government.html",
        {
            "member": member,
            "account": request.officer,
            "history": member.membership_events.all(),
            "coordinator_terms": CoordinatorTerm.objects.for_member(member),
            "committees_joined": member.committees_joined.order_by("name"),
            "member_events": member_events,
            "member_events_more": member_events_more,
            "contacts": member.contacts.all(),
            "open_events": open_for_registration(now=timezone.now()),
            "open_motions": open_motions(member),
            "cooperation_plans": CooperationPlan.objects.for_government(member).only("pk", "year", "title", "status"),
            **voting_rights(member, today),
        },
    )


@query_parameters()
@officer_required
def contact_edit(request, pk=None):
    """Change (or add) a liaison contact of the officer's own government; the history records the officer."""
    member = request.officer.member
    contact = get_object_or_404(member.contacts, pk=pk) if pk is not None else None
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.instance.member = member
        form.save()
        messages.success(request, _("The contact %(name)s is saved.") % {"name": form.instance.name})
        return redirect("liaison:my-government")
    return render(request, "liaison/contact_form.html", {"form": form, "contact": contact, "member": member})


@query_parameters()
@officer_required
@rate_limited("pdf")
def statement_pdf(request):
    """The officer's own government's dues statement today, as the secretariat's PDF."""
    member = own_member(request)
    return statement_pdf_response(request, {"member": member, **voting_rights(member, timezone.localdate())})


@query_parameters()
@officer_required
def event_registration(request, pk):
    """Register the delegation of the officer's government to an event whose registration is open."""
    member = request.officer.member
    event = get_object_or_404(open_for_registration(now=timezone.now()), pk=pk)
    form = DelegateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            register_delegate(account=request.officer, event=event, now=timezone.now(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": form.cleaned_data["name"]})
            return redirect("liaison:event-registration", pk=event.pk)
    return render(
        request,
        "liaison/event_registration.html",
        {
            "event": event,
            "member": member,
            "form": form,
            "delegates": event.delegate_registrations.filter(member=member),
        },
    )


def recorded_by_name(ballot: Ballot) -> str:
    """Who recorded ``ballot``: the liaison officer by name, otherwise the secretariat."""
    account = getattr(ballot.recorded_by, "officer_account", None) if ballot.recorded_by_id else None
    return account.contact.name if account is not None else _("the NEAR secretariat")


def own_ballots(motion: Motion, member: MemberGovernment) -> list[Ballot]:
    """The government's ballots on ``motion``, the latest first, with who recorded them."""
    return list(
        motion.ballots.filter(member=member)
        .select_related("recorded_by__officer_account__contact")
        .order_by("-cast_at", "-pk")
    )


@query_parameters()
@officer_required
def written_ballot(request, pk):
    """Cast, change and see the officer's government's written ballot on a motion (only its own)."""
    member = request.officer.member
    motion = get_object_or_404(polls.written_vote_motions(), pk=pk)
    session = motion.agenda_item.session
    history = own_ballots(motion, member)
    current = next((ballot for ballot in history if ballot.superseded_at is None), None)
    rights = voting_rights(member, session.roll_date)
    eligible = member.pk in polls.voting_member_ids(session)
    open_poll = motion.status == Motion.Status.OPEN
    changing = current is not None and current.choice != Ballot.WITHDRAWN
    form = WrittenBallotForm(request.POST or None, changing=changing)
    if request.method == "POST" and form.is_valid():
        try:
            ballot = polls.cast_written_ballot(
                motion=motion,
                member=member,
                choice=form.cleaned_data["choice"],
                recorded_by=request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your government's ballot is recorded: reference %(reference)s.") % {"reference": ballot.reference},
            )
            return redirect("liaison:ballot-receipt", pk=ballot.pk)
    return render(
        request,
        "liaison/written_ballot.html",
        {
            "motion": motion,
            "session": session,
            "member": member,
            "form": form,
            "current": current,
            "history": [(ballot, recorded_by_name(ballot)) for ballot in history],
            "eligible": eligible,
            "open_poll": open_poll,
            "changing": changing,
            "roll_date": session.roll_date,
            "rights": rights,
        },
    )


@query_parameters()
@officer_required
def ballot_receipt(request, pk):
    """The receipt of one of the government's ballots: what was cast, when, by whom, its reference."""
    member = request.officer.member
    ballot = get_object_or_404(
        Ballot.objects.filter(member=member).select_related(
            "motion__agenda_item__session", "recorded_by__officer_account__contact", "supersedes", "superseded_by"
        ),
        pk=pk,
    )
    return render(
        request,
        "liaison/ballot_receipt.html",
        {"ballot": ballot, "member": member, "recorded_by": recorded_by_name(ballot), "motion": ballot.motion},
    )


@query_parameters()
@require_POST
@officer_required
def plan_status(request, year):
    """Publish or withdraw the officer's own government's plan for ``year``; the history records the officer."""
    plan = get_object_or_404(CooperationPlan.objects.filter(government=request.officer.member), year=year)
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the plan is published or a draft."))
        return redirect("liaison:my-government")
    set_plan_status(plan=plan, status=form.cleaned_data["status"], acting_user=request.user)
    if form.cleaned_data["status"] == Status.PUBLISHED:
        messages.success(
            request, _("The plan for %(year)s is published on the government's public page.") % {"year": year}
        )
    else:
        messages.success(
            request, _("The plan for %(year)s is withdrawn: the public site no longer shows it.") % {"year": year}
        )
    return redirect("liaison:my-government")
