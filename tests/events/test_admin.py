"""The events admin: six-language tabs, the governments picker, filters, all-or-nothing participation imports."""

import datetime
import os
import tempfile

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats.base_formats import CSV

from core.importexport import escape_formula
from events.admin import EventAdmin, ParticipationAdmin, ParticipationResource
from events.models import Event, Participation
from members.models import MemberGovernment

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/events/participation/import/"
CONFIRM_URL = "/admin/events/participation/process_import/"


def csv_upload(text):
    return SimpleUploadedFile("participation.csv", text.encode("utf-8"), content_type="text/csv")


def csv_format_index():
    formats = ParticipationAdmin(Participation, admin.site).get_import_formats()
    return str(next(index for index, fmt in enumerate(formats) if fmt is CSV))


def preview(admin_client, text):
    return admin_client.post(IMPORT_URL, {"format": csv_format_index(), "import_file": csv_upload(text)})


def form_data(admin_client, event):
    """The change form of ``event`` as the browser would post it back, with empty inlines."""
    request = admin_client.get(f"/admin/events/event/{event.pk}/change/").wsgi_request
    form = EventAdmin(Event, admin.site).get_form(request, event)(instance=event)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    for prefix in ("participations", "country_figures", "attachments"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_the_event_form_has_six_language_tabs(admin_client):
    event = Event.objects.get(slug="12th-general-assembly-2018")
    page = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    for code in ("en", "mn", "zh_hans", "ko", "ja", "ru"):
        assert f'name="title_{code}"' in page
        assert f'name="summary_{code}"' in page
    assert 'name="add_governments"' in page


def test_the_picker_adds_the_chosen_governments_to_the_event(admin_client, make_event):
    event = make_event(title_en="Picker test", title_mn="Шалгалт")
    chosen = MemberGovernment.objects.filter(slug__in=["hyogo", "sakha", "ulaanbaatar"])
    data = form_data(admin_client, event)
    data["add_governments"] = [str(member.pk) for member in chosen]
    response = admin_client.post(f"/admin/events/event/{event.pk}/change/", data, follow=True)
    assert response.status_code == 200
    assert set(event.participations.values_list("member__slug", flat=True)) == {"hyogo", "sakha", "ulaanbaatar"}
    assert "3 governments added to the list." in response.content.decode()


def test_saving_warns_when_the_list_disagrees_with_the_recorded_totals(admin_client, make_event):
    event = make_event(recorded_governments=1)
    data = form_data(admin_client, event)
    data["add_governments"] = [
        str(pk) for pk in MemberGovernment.objects.filter(slug__in=["hyogo", "akita"]).values_list("pk", flat=True)
    ]
    response = admin_client.post(f"/admin/events/event/{event.pk}/change/", data, follow=True)
    assert "More governments are listed than the record says took part." in response.content.decode()


@pytest.mark.parametrize(
    "query, count",
    [
        ("kind__exact=visit", 28),
        ("year=2018", 48),
        ("year=2021", 1),
        ("kind__exact=committee_meeting&year=2018", 5),
    ],
)
def test_the_event_list_filters_by_kind_and_year(admin_client, query, count):
    response = admin_client.get(f"/admin/events/event/?{query}")
    assert response.status_code == 200
    assert response.context["cl"].result_count == count


def test_the_event_list_filters_by_committee(admin_client):
    committee = Event.objects.get(slug="2018-02-12-visit-primorsky-krai").committee
    response = admin_client.get(f"/admin/events/event/?committee__id__exact={committee.pk}")
    assert response.context["cl"].result_count == 3


def test_an_import_with_bad_rows_lists_each_with_its_number_and_writes_nothing(admin_client):
    before = Participation.objects.count()
    response = preview(
        admin_client,
        "event,member,delegates\n"
        "working-level-workshop-2018,hyogo,2\n"
        "no-such-event,akita,1\n"
        "working-level-workshop-2018,atlantis,1\n"
        "working-level-workshop-2018,sakha,-3\n",
    )
    assert response.status_code == 200
    result = response.context["result"]
    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert sorted(errors) == [2, 3, 4]
    assert errors[2]["event"] == ["No event has the slug \u201cno-such-event\u201d."]
    assert errors[3]["member"] == ["No member government has the slug \u201catlantis\u201d."]
    assert errors[4]["delegates"] == ["Ensure this value is greater than or equal to 0."]
    assert "confirm_form" not in response.context
    assert Participation.objects.count() == before


def test_a_clean_import_is_previewed_then_written_on_confirm(admin_client):
    response = preview(
        admin_client,
        "event,member,delegates\nworking-level-workshop-2018,hyogo,2\nworking-level-workshop-2018,daejeon,4\n",
    )
    confirm = response.context["confirm_form"]
    response = admin_client.post(CONFIRM_URL, {**confirm.initial}, follow=True)
    assert response.status_code == 200
    rows = dict(
        Participation.objects.filter(event__slug="working-level-workshop-2018").values_list("member__slug", "delegates")
    )
    assert (rows["hyogo"], rows["daejeon"]) == (2, 4)


def test_a_file_changed_between_preview_and_confirm_is_still_all_or_nothing(admin_client):
    response = preview(admin_client, "event,member,delegates\nworking-level-workshop-2018,hyogo,2\n")
    confirm = response.context["confirm_form"]
    path = os.path.join(tempfile.gettempdir(), confirm.initial["import_file_name"])
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            "event,member,delegates\nworking-level-workshop-2018,hyogo,2\nworking-level-workshop-2018,sakha,-1\n"
        )
    before = Participation.objects.count()
    response = admin_client.post(CONFIRM_URL, {**confirm.initial}, follow=True)
    assert "Nothing was imported: rows 2 have errors." in response.content.decode()
    assert Participation.objects.count() == before
    assert not Participation.objects.filter(event__slug="working-level-workshop-2018", member__slug="hyogo").exists()


def test_import_needs_permission(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x" * 16, is_staff=True)
    client.force_login(clerk)
    assert client.get(IMPORT_URL).status_code == 403


@pytest.mark.parametrize("value", ["=1+1", "+1+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\tx", "\rx", "\0x", "-"])
def test_export_escapes_what_a_spreadsheet_would_run(value):
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["+1", "-1", "-120", "+3.5"])
def test_export_keeps_a_plain_signed_number_as_data(value):
    """A spreadsheet reads "-1" as the number -1, not as something to run: no apostrophe."""
    assert escape_formula(value) == value


def test_the_participation_export_escapes_a_slug_starting_with_a_minus(make_event):
    event = make_event(slug="-2030-meeting", start_date=datetime.date(2030, 1, 1))
    Participation.objects.create(event=event, member=MemberGovernment.objects.get(slug="hyogo"), delegates=2)
    dataset = ParticipationResource().export(Participation.objects.filter(event=event))
    assert dataset.dict == [{"event": "'-2030-meeting", "member": "hyogo", "delegates": "2"}]


def test_the_event_change_form_costs_the_same_queries_for_one_row_or_eighty(
    admin_client, make_event, django_assert_num_queries
):
    from events.models import CountryFigure
    from members.models import Country

    few, many = make_event(), make_event()
    governments = list(MemberGovernment.objects.order_by("pk")[:80])
    Participation.objects.create(event=few, member=governments[0])
    Participation.objects.bulk_create(Participation(event=many, member=g, delegates=2) for g in governments)
    CountryFigure.objects.bulk_create(
        CountryFigure(event=many, country=c, governments=3) for c in Country.objects.all()
    )
    admin_client.get(f"/admin/events/event/{few.pk}/change/")  # warm-up: content types, permissions
    # The session (saved on every request), the user, the event, its hosts and committee, the picker,
    # one query per inline and one per autocomplete or select the inline rows share.
    with django_assert_num_queries(15):
        admin_client.get(f"/admin/events/event/{few.pk}/change/")
    with django_assert_num_queries(15):
        response = admin_client.get(f"/admin/events/event/{many.pk}/change/")
    html = response.content.decode()
    # Every row still shows its government, selected, and its country among all the choices.
    for n, government in enumerate(governments):
        assert f'<option value="{government.pk}" selected>{government.name}</option>' in html, n
    japan = Country.objects.get(code="JP")
    # In each of the 7 figure rows, in the empty row the "Add another" button copies, and in the event's own field.
    assert html.count(f">{japan.name}</option>") == Country.objects.count() + 2
    assert f'<option value="{japan.pk}" selected>{japan.name}</option>' in html
