"""The secretariat runs a session's votes in the admin, end to end."""

import pytest
from django.urls import reverse

from assemblies.models import (
    Ballot,
    DecisionKind,
    Motion,
    Officer,
    PollAnnulment,
    Resolution,
    ResolutionEffect,
    Session,
)
from members.models import MemberGovernment
from tests.assemblies.factories import DAY_WITH_78_VOTERS, attend, make_motion, make_session, vote, voters
from tests.near_portal.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

# Change forms in a fixed number of queries whatever their inline rows (core.admin_inlines).
# The motion form: 14 since the ballots' history (superseded rows) has an inline of its own.
MOTION_FORM_QUERIES = 14
SESSION_FORM_QUERIES = 8


@pytest.fixture
def staff(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


def grid_post(lines, field, values):
    """The POST of a grid formset: one form per government, ``values`` by government id."""
    data = {"form-TOTAL_FORMS": str(len(lines)), "form-INITIAL_FORMS": str(len(lines))}
    for index, member_id in enumerate(lines):
        data[f"form-{index}-member"] = str(member_id)
        data[f"form-{index}-{field}"] = values.get(member_id, "")
    return data


def test_the_attendance_grid_lists_every_attached_government_and_saves_the_attendance(staff):
    session = make_session()
    page = staff.get(reverse("admin:assemblies_session_attendance", args=[session.pk]))
    assert page.status_code == 200
    lines = [form.initial["member"] for form in page.context["formset"]]
    # On the eve of 10 August 2021: 78 members, Ho Chi Minh City and three observers (Liaoning among them).
    assert len(lines) == 82
    assert "78 governments hold voting rights at this session" in page.content.decode()
    hcmc = MemberGovernment.objects.get(slug="ho-chi-minh-city").pk
    statuses = {lines[0]: "present", lines[1]: "written", hcmc: "present"}
    response = staff.post(page.request["PATH_INFO"], grid_post(lines, "status", statuses))
    assert response.status_code == 302
    assert dict(session.attendances.values_list("member_id", "status")) == statuses


def test_the_ballot_grid_shows_the_live_tally_and_saves_ballots(staff):
    session = make_session()
    motion = make_motion(session, DecisionKind.ADMISSION)
    roll = voters(session)
    attend(session, roll[:50])
    url = reverse("admin:assemblies_motion_ballots", args=[motion.pk])
    page = staff.get(url)
    body = page.content.decode()
    assert 'data-eligible="78" data-present="50"' in body
    assert 'data-threshold="two_thirds_present"' in body
    assert "<dt>Votes in favour needed</dt><dd data-needed>34</dd>" in body
    lines = [form.initial["member"] for form in page.context["formset"]]
    assert len(lines) == 78
    choices = {m.pk: "yes" for m in roll[:34]} | {m.pk: "no" for m in roll[34:40]}
    assert staff.post(url, grid_post(lines, "choice", choices)).status_code == 302
    assert motion.ballots.filter(choice=Ballot.Choice.YES).count() == 34
    assert '<dd data-count="yes">34</dd>' in staff.get(url).content.decode()


def test_the_ballot_grid_reports_a_vote_from_an_absent_government(staff):
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    roll = voters(session)
    page = staff.get(reverse("admin:assemblies_motion_ballots", args=[motion.pk]))
    lines = [form.initial["member"] for form in page.context["formset"]]
    response = staff.post(page.request["PATH_INFO"], grid_post(lines, "choice", {roll[0].pk: "yes"}), follow=True)
    assert f"{roll[0]} is not recorded as present in the room at this session." in response.content.decode()
    assert not motion.ballots.exists()


def test_closing_a_poll_asks_for_confirmation_then_records_the_resolution(staff, secretariat_user):
    session = make_session()
    motion = make_motion(session, DecisionKind.ADMISSION)
    ResolutionEffect.objects.create(
        motion=motion, kind="admission", member=MemberGovernment.objects.get(slug="yamaguchi")
    )
    roll = voters(session)
    attend(session, roll[:50])
    vote(motion, roll[:40], Ballot.Choice.YES)
    url = reverse("admin:assemblies_motion_close", args=[motion.pk])
    confirmation = staff.get(url).content.decode()
    assert "Outcome if the poll closed now" in confirmation
    assert "admission — Yamaguchi Prefecture" in confirmation
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN
    response = staff.post(url, {"closed_on": DAY_WITH_78_VOTERS.isoformat()})
    assert response.status_code == 302
    motion.refresh_from_db()
    assert (motion.status, motion.outcome, motion.closed_by) == (
        Motion.Status.CLOSED,
        Motion.Outcome.ADOPTED,
        secretariat_user,
    )
    resolution_page = staff.get(
        reverse("admin:assemblies_resolution_change", args=[motion.resolution.pk])
    ).content.decode()
    yamaguchi = MemberGovernment.objects.get(slug="yamaguchi")
    link = reverse("admin:members_membergovernment_change", args=[yamaguchi.pk])
    assert f'<a href="{link}">Yamaguchi Prefecture — admitted</a>' in resolution_page


def test_the_close_action_closes_the_selected_polls_after_confirmation(staff):
    session = make_session()
    first, second = make_motion(session, DecisionKind.OTHER), make_motion(session, DecisionKind.WORK_PLANS, position=2)
    roll = voters(session)
    attend(session, roll[:45])
    vote(first, roll[:30], Ballot.Choice.YES)
    changelist = reverse("admin:assemblies_motion_changelist")
    selection = {"action": "close_selected_polls", "_selected_action": [first.pk, second.pk]}
    confirmation = staff.post(changelist, selection)
    assert confirmation.status_code == 200
    assert "30 in favour, 0 against, 0 abstentions; 45 of 78 present → adopted" in confirmation.content.decode()
    assert Motion.objects.filter(status=Motion.Status.OPEN).filter(pk__in=[first.pk, second.pk]).count() == 2
    response = staff.post(changelist, {**selection, "confirm": "yes", "closed_on": DAY_WITH_78_VOTERS.isoformat()})
    assert response.status_code == 302
    assert dict(Motion.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "outcome")) == {
        first.pk: "adopted",
        second.pk: "rejected",
    }


def test_a_closed_poll_is_read_only_in_the_admin(staff):
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    attend(session, voters(session)[:45])
    staff.post(
        reverse("admin:assemblies_motion_close", args=[motion.pk]), {"closed_on": DAY_WITH_78_VOTERS.isoformat()}
    )
    change_url = reverse("admin:assemblies_motion_change", args=[motion.pk])
    page = staff.get(change_url).content.decode()
    assert 'name="_save"' not in page
    assert "Annul the poll" in page
    assert staff.post(change_url, {"text_en": "Changed"}).status_code == 403
    assert staff.get(reverse("admin:assemblies_motion_ballots", args=[motion.pk])).status_code == 302


def test_annulling_in_the_admin_needs_a_reason_and_reopens_the_poll(staff, secretariat_user):
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    attend(session, voters(session)[:45])
    staff.post(
        reverse("admin:assemblies_motion_close", args=[motion.pk]), {"closed_on": DAY_WITH_78_VOTERS.isoformat()}
    )
    url = reverse("admin:assemblies_motion_annul", args=[motion.pk])
    assert staff.post(url, {"reason": ""}).status_code == 200
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.CLOSED
    assert staff.post(url, {"reason": "The attendance of two governments was wrong."}).status_code == 302
    assert Motion.objects.get(pk=motion.pk).status == Motion.Status.OPEN
    assert PollAnnulment.objects.get(motion=motion).annulled_by == secretariat_user


@pytest.mark.parametrize("model", ["session", "agendaitem", "motion", "resolution", "officer", "pollannulment"])
def test_every_governance_admin_list_and_form_opens(staff, model):
    assert staff.get(reverse(f"admin:assemblies_{model}_changelist")).status_code == 200
    obj = {
        "session": Session.objects.get(body="general_assembly", number=12),
        "motion": Motion.objects.filter(status=Motion.Status.RECORDED).first(),
        "resolution": Resolution.objects.first(),
    }.get(model)
    if obj is not None:
        assert staff.get(reverse(f"admin:assemblies_{model}_change", args=[obj.pk])).status_code == 200


def test_the_resolution_admin_links_what_the_12th_general_assembly_changed(staff):
    resolution = Resolution.objects.get(motion__agenda_item__session__number=12, motion__agenda_item__position=2)
    page = staff.get(reverse("admin:assemblies_resolution_change", args=[resolution.pk])).content.decode()
    akita = MemberGovernment.objects.get(slug="akita")
    link = reverse("admin:members_membergovernment_change", args=[akita.pk])
    assert f'<a href="{link}">Akita Prefecture — admitted</a>' in page


def test_the_tabbed_admin_loads_jquery_ui_from_the_portal_not_a_cdn(staff):
    session = Session.objects.get(body="general_assembly", number=12)
    page = staff.get(reverse("admin:assemblies_session_change", args=[session.pk])).content.decode()
    assert "googleapis" not in page
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page


def test_staff_without_the_governance_permissions_cannot_use_the_vote_pages(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    assert client.get(reverse("admin:assemblies_session_attendance", args=[session.pk])).status_code == 403
    for name in ("ballots", "close", "annul"):
        assert client.get(reverse(f"admin:assemblies_motion_{name}", args=[motion.pk])).status_code == 403


def test_a_numbered_session_added_without_a_key_gets_its_number_as_key(staff):
    data = {
        "body": "working_committee",
        "number": "13",
        "key": "",
        "start_date": "2023-05-01",
        "date_precision": "day",
        "place_en": "Pohang",
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
    }
    response = staff.post(reverse("admin:assemblies_session_add"), data)
    assert response.status_code == 302
    assert Session.objects.get(body="working_committee", number=13).key == "13"
    data.update(number="", key="")
    page = staff.post(reverse("admin:assemblies_session_add"), data).content.decode()
    assert "A session without a number needs a key, such as 2019-extraordinary." in page


def test_a_forged_grid_line_for_another_government_is_ignored_not_an_error(staff):
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    observer = MemberGovernment.objects.get(slug="tianjin")
    forged = grid_post([observer.pk, 999999], "choice", {observer.pk: "yes", 999999: "yes"})
    assert staff.post(reverse("admin:assemblies_motion_ballots", args=[motion.pk]), forged).status_code == 302
    assert not motion.ballots.exists()
    forged = grid_post([999999], "status", {999999: "present"})
    assert staff.post(reverse("admin:assemblies_session_attendance", args=[session.pk]), forged).status_code == 302
    assert not session.attendances.exists()


def test_a_session_change_sent_back_with_errors_shows_the_form_and_the_saved_public_address(staff):
    session = make_session()
    change_url = reverse("admin:assemblies_session_change", args=[session.pk])
    data = admin_form_data(staff.get(change_url))
    data.update(number="", key="")  # no address left: the form must say so, not fail
    response = staff.post(change_url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "A session without a number needs a key, such as 2019-extraordinary." in page
    assert f'<a href="{session.get_absolute_url()}">Public page</a>' in page


def test_an_officer_change_without_a_role_is_refused_in_words(staff):
    officer = Officer.objects.filter(role=Officer.Role.CHAIR).first()
    change_url = reverse("admin:assemblies_officer_change", args=[officer.pk])
    data = admin_form_data(staff.get(change_url))
    data["role"] = ""
    response = staff.post(change_url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"role": ["This field is required."]}


def test_the_motion_and_session_change_forms_cost_the_same_queries_for_one_ballot_or_all(
    admin_client, django_assert_num_queries
):
    session = make_session()
    few = make_motion(session, DecisionKind.DUES)
    many = make_motion(session, DecisionKind.DUES, position=2)
    members = voters(session)
    attend(session, members)
    vote(few, members[:1], Ballot.Choice.YES)
    vote(many, members, Ballot.Choice.YES)
    admin_client.get(reverse("admin:assemblies_motion_change", args=[few.pk]))  # warm-up: content types
    admin_client.get(reverse("admin:assemblies_session_change", args=[session.pk]))
    # The same for 1 ballot or 78: the ballots, their governments and who recorded them are read in one query.
    for motion in (few, many):
        with django_assert_num_queries(MOTION_FORM_QUERIES):
            response = admin_client.get(reverse("admin:assemblies_motion_change", args=[motion.pk]))
    html = response.content.decode()
    assert all(member.name in html for member in members)
    with django_assert_num_queries(SESSION_FORM_QUERIES):  # its two agenda items read once, not one each
        admin_client.get(reverse("admin:assemblies_session_change", args=[session.pk]))


def copy_effects(effects, motion):
    """Effects on ``motion`` naming the records ``effects`` changed."""
    ResolutionEffect.objects.bulk_create(
        ResolutionEffect(
            motion=motion,
            position=position,
            kind=effect.kind,
            member=effect.member,
            content_type=effect.content_type,
            object_id=effect.object_id,
            applied_at=effect.applied_at,
        )
        for position, effect in enumerate(effects, start=1)
    )


def test_the_resolution_list_and_the_motion_form_read_what_effects_changed_once_per_kind_of_record(
    admin_client, django_assert_num_queries
):
    real = list(ResolutionEffect.objects.exclude(object_id=None).select_related("content_type").order_by("pk"))
    kinds = {effect.content_type.model for effect in real}
    assert kinds == {"amendment", "coordinatorterm", "duesdecision", "membershipevent", "officer"}
    changelist = reverse("admin:assemblies_resolution_changelist")
    admin_client.get(changelist)  # warm-up: content types
    # The real record's resolutions on one page, then 20 more, each naming every real changed record:
    # the session, the user, two counts (in a savepoint), the resolutions, their effects, one query
    # per kind of record, and the session saved again (in a savepoint). Each record's government,
    # committee or instrument comes with it (before: a query per effect for them, 27 in all).
    with django_assert_num_queries(16):
        admin_client.get(changelist)
    session = make_session()
    for position in range(1, 21):
        motion = make_motion(session, DecisionKind.ADMISSION, position=position)
        Resolution.objects.create(motion=motion, adopted_on=session.start_date, text_en="Test")
        copy_effects(real, motion)
    with django_assert_num_queries(16):
        page = admin_client.get(changelist).content.decode()
    akita = MemberGovernment.objects.get(slug="akita")
    admitted = (
        f'<a href="{reverse("admin:members_membergovernment_change", args=[akita.pk])}">Akita Prefecture — admitted</a>'
    )
    assert page.count(admitted) == 21  # the real resolution and the 20 copies
    # The motion form: the same queries for one effect or one of every kind, each with its record.
    single, every = make_motion(session, DecisionKind.ADMISSION, position=21), motion
    ResolutionEffect.objects.create(
        motion=single, position=1, kind=ResolutionEffect.Kind.DUES_DECISION, description="One"
    )
    admin_client.get(reverse("admin:assemblies_motion_change", args=[single.pk]))
    with django_assert_num_queries(MOTION_FORM_QUERIES):  # no changed record to read
        admin_client.get(reverse("admin:assemblies_motion_change", args=[single.pk]))
    with django_assert_num_queries(MOTION_FORM_QUERIES + 6):  # each of the five kinds, and the governments named
        admin_client.get(reverse("admin:assemblies_motion_change", args=[every.pk]))
