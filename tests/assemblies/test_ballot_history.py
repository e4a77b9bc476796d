"""Ballots are append-only (Hardening II point 2): a change or a withdrawal is a new row that
supersedes the current one, with who, when and why; the tally reads only the current rows."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from assemblies import polls
from assemblies.models import Ballot, DecisionKind, RollEntry
from tests.assemblies.factories import attend, make_motion, make_session, vote, voters
from tests.assemblies.test_assemblies_admin import grid_post

pytestmark = pytest.mark.django_db

YES, NO, ABSTAIN, WITHDRAWN = Ballot.Choice.YES, Ballot.Choice.NO, Ballot.Choice.ABSTAIN, Ballot.WITHDRAWN


@pytest.fixture
def open_poll():
    """An ordinary motion of a test session, 50 governments present, the first one voting yes."""
    session = make_session()
    motion = make_motion(session, DecisionKind.OTHER)
    roll = voters(session)
    attend(session, roll[:50])
    first = polls.cast_ballot(motion=motion, member=roll[0], choice=YES)
    return motion, roll, first


def test_a_change_is_a_new_row_and_the_old_one_keeps_its_vote_and_cast_at(open_poll, secretariat_user):
    motion, roll, first = open_poll
    cast_at = first.cast_at

    second = polls.change_ballot(
        motion=motion, member=roll[0], choice=NO, recorded_by=secretariat_user, reason="The delegate misspoke."
    )

    first.refresh_from_db()
    assert (first.choice, first.cast_at, first.superseded_at is not None) == (YES, cast_at, True)
    assert (second.choice, second.supersedes, second.recorded_by, second.reason) == (
        NO,
        first,
        secretariat_user,
        "The delegate misspoke.",
    )
    assert second.superseded_at is None and second.cast_at >= first.superseded_at
    assert list(motion.ballots.filter(member=roll[0]).order_by("cast_at").values_list("choice", flat=True)) == [
        YES,
        NO,
    ]
    count = polls.count_poll(motion)
    assert (count.tally.yes, count.tally.no, count.tally.abstain) == (0, 1, 0)


def test_a_withdrawal_counts_no_vote_and_keeps_the_withdrawn_ballot(open_poll, secretariat_user):
    motion, roll, first = open_poll
    withdrawal = polls.change_ballot(
        motion=motion, member=roll[0], choice=WITHDRAWN, recorded_by=secretariat_user, reason="Cast by mistake."
    )
    assert (withdrawal.choice, withdrawal.vote_display, withdrawal.supersedes) == ("", "withdrawn", first)
    count = polls.count_poll(motion)
    assert (count.tally.yes, count.tally.no, count.tally.abstain, count.tally.present) == (0, 0, 0, 50)
    assert motion.ballots.count() == 2
    # The government may vote again: the new ballot supersedes the withdrawal.
    again = polls.cast_ballot(motion=motion, member=roll[0], choice=ABSTAIN, reason="Voting after all.")
    assert again.supersedes == withdrawal
    assert polls.count_poll(motion).tally.abstain == 1


def test_closing_counts_only_the_current_ballots_and_snapshots_the_roll(open_poll, secretariat_user):
    motion, roll, _first = open_poll
    vote(motion, roll[1:30], YES)
    polls.record_ballots(
        motion=motion,
        rows={m.pk: polls.BallotRow(choice=NO) for m in roll[:5]},
        recorded_by=secretariat_user,
        reason="Entered in the wrong column.",
    )
    polls.record_ballots(motion=motion, rows={roll[29].pk: None}, recorded_by=secretariat_user, reason="Left early.")
    closed = polls.close_poll(motion=motion, closed_by=secretariat_user, on=motion.agenda_item.session.start_date)
    # 30 yes were entered; 5 changed to no and 1 withdrawn: 24 yes, 5 no of 50 present.
    assert (closed.yes_count, closed.no_count, closed.abstain_count, closed.present_count) == (24, 5, 0, 50)
    assert closed.outcome == "rejected"  # 26 needed
    assert motion.ballots.count() == 36
    assert motion.ballots.current().count() == 30
    assert RollEntry.objects.filter(motion=motion).count() == 78


def test_a_change_or_withdrawal_without_a_reason_is_refused_and_writes_nothing(open_poll):
    motion, roll, first = open_poll
    for choice in (NO, WITHDRAWN):
        with pytest.raises(ValidationError) as error:
            polls.change_ballot(motion=motion, member=roll[0], choice=choice, reason="  ")
        assert error.value.messages == [f"Changing or withdrawing the ballot of {roll[0]} needs a reason."]
    assert list(motion.ballots.values_list("pk", "choice", "superseded_at")) == [(first.pk, YES, None)]


def test_the_same_vote_again_writes_nothing(open_poll):
    motion, roll, first = open_poll
    assert polls.change_ballot(motion=motion, member=roll[0], choice=YES) == first
    assert motion.ballots.count() == 1


def test_the_database_refuses_a_second_current_ballot(open_poll):
    motion, roll, _first = open_poll
    polls.change_ballot(motion=motion, member=roll[0], choice=NO, reason="Corrected.")
    # Beside a superseded row and the current one, a third row straight in the database:
    # superseded it may be, current it may not.
    insert = (
        "INSERT INTO assemblies_ballot (motion_id, member_id, choice, method, cast_at, reason, superseded_at)"
        " VALUES (%s, %s, 'abstain', 'in_room', now(), '', {})"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(insert.format("now()"), [motion.pk, roll[0].pk])
    with pytest.raises(IntegrityError) as error, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(insert.format("NULL"), [motion.pk, roll[0].pk])
    assert "ballot_one_current_per_member_per_motion" in str(error.value)
    assert motion.ballots.current().get().choice == NO


def test_the_database_refuses_to_change_or_delete_a_ballot_in_place(open_poll):
    motion, _roll, first = open_poll
    statements = [
        ("UPDATE assemblies_ballot SET choice = 'no' WHERE id = %s", "never changed in place"),
        ("UPDATE assemblies_ballot SET reason = 'x', superseded_at = now() WHERE id = %s", "never changed in place"),
        ("DELETE FROM assemblies_ballot WHERE id = %s", "never deleted"),
    ]
    for sql, words in statements:
        with pytest.raises(IntegrityError) as error, transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [first.pk])
        assert words in str(error.value)
    with pytest.raises(ValidationError):
        first.choice = NO
        first.save()
    with pytest.raises(ValidationError):
        first.delete()
    assert motion.ballots.get().choice == YES


def test_a_superseded_ballot_is_superseded_once(open_poll, secretariat_user):
    motion, roll, first = open_poll
    polls.change_ballot(motion=motion, member=roll[0], choice=NO, reason="Changed.")
    first.refresh_from_db()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE assemblies_ballot SET superseded_at = now() WHERE id = %s", [first.pk])


# --- The admin ---------------------------------------------------------------------------------


@pytest.fixture
def staff(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


def test_the_grid_changes_a_ballot_through_the_service_and_keeps_the_old_row(staff, open_poll, secretariat_user):
    motion, roll, first = open_poll
    url = reverse("admin:assemblies_motion_ballots", args=[motion.pk])
    lines = [form.initial["member"] for form in staff.get(url).context["formset"]]
    data = grid_post(lines, "choice", {roll[0].pk: "no", roll[1].pk: "yes"})

    refused = staff.post(url, data, follow=True)
    assert f"Changing or withdrawing the ballot of {roll[0]} needs a reason." in refused.content.decode()
    # One transaction: the other line of the same save is not written either.
    assert list(motion.ballots.values_list("member_id", "choice")) == [(roll[0].pk, YES)]

    assert staff.post(url, {**data, "reason": "The chair corrected the count."}).status_code == 302
    rows = list(motion.ballots.filter(member=roll[0]).order_by("cast_at"))
    assert [(b.choice, b.superseded_at is None, b.reason, b.recorded_by) for b in rows] == [
        (YES, False, "", None),
        (NO, True, "The chair corrected the count.", secretariat_user),
    ]
    assert rows[0].cast_at == first.cast_at


def test_the_grid_withdraws_a_ballot_with_a_reason(staff, open_poll):
    motion, roll, _first = open_poll
    url = reverse("admin:assemblies_motion_ballots", args=[motion.pk])
    lines = [form.initial["member"] for form in staff.get(url).context["formset"]]
    data = {**grid_post(lines, "choice", {}), "reason": "Withdrawn at the delegate's request."}
    assert staff.post(url, data).status_code == 302
    assert list(motion.ballots.order_by("cast_at").values_list("choice", "reason")) == [
        (YES, ""),
        (WITHDRAWN, "Withdrawn at the delegate's request."),
    ]
    assert polls.count_poll(motion).tally.yes == 0


def test_the_motion_page_shows_each_ballots_history_read_only(staff, open_poll, secretariat_user):
    motion, roll, first = open_poll
    polls.change_ballot(motion=motion, member=roll[0], choice=NO, recorded_by=secretariat_user, reason="Misheard.")
    page = staff.get(reverse("admin:assemblies_motion_change", args=[motion.pk]))
    html = page.content.decode()
    assert "Ballot history: superseded ballots" in html
    current, history = [fs for fs in page.context["inline_admin_formsets"] if fs.opts.model is Ballot]
    assert [b.choice for b in current.formset.queryset] == [NO]
    assert [(b.pk, b.choice) for b in history.formset.queryset] == [(first.pk, YES)]
    assert "Misheard." in html and "secretariat" in html
    assert not history.has_change_permission and not history.has_add_permission and not history.has_delete_permission


def test_the_tally_page_shows_who_voted_and_how_and_who_has_not(staff, open_poll, secretariat_user):
    motion, roll, _first = open_poll
    vote(motion, roll[1:3], NO)
    polls.change_ballot(motion=motion, member=roll[2], choice=WITHDRAWN, reason="Withdrawn.")
    page = staff.get(reverse("admin:assemblies_motion_tally", args=[motion.pk]))
    assert page.status_code == 200
    voted = sorted((g.pk, b.choice) for g, _status, b in page.context["voted"])
    assert voted == sorted([(roll[0].pk, YES), (roll[1].pk, NO)])
    assert len(page.context["waiting"]) == 76
    html = page.content.decode()
    assert "2 governments have voted" in html and "76 governments have not voted yet" in html
    assert '<dd data-count="yes">1</dd>' in html and '<dd data-count="no">1</dd>' in html


def test_the_auditor_reads_the_tally_but_staff_without_a_role_do_not(client, open_poll, django_user_model):
    from django.contrib.auth.models import Group

    motion, _roll, _first = open_poll
    auditor = django_user_model.objects.create_user("auditor", is_staff=True)
    auditor.groups.add(Group.objects.get(name="Auditor"))
    nobody = django_user_model.objects.create_user("nobody", is_staff=True)
    url = reverse("admin:assemblies_motion_tally", args=[motion.pk])
    client.force_login(auditor)
    assert client.get(url).status_code == 200
    client.force_login(nobody)
    assert client.get(url).status_code == 403
