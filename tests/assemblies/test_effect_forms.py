"""The page "Parameters of this effect": a form per kind writes exactly the JSON that
assemblies.effect_parameters reads, refuses what the parser refuses, and changes nothing once the
poll is closed or for staff who may only read."""

import re

import pytest
from django.urls import reverse

from assemblies.models import Body, DecisionKind, Motion, ResolutionEffect
from committees.models import Committee, CoordinatorTerm
from core import roles
from dues import ledger
from instruments.models import Amendment, Instrument
from members.models import MemberGovernment
from tests.assemblies.factories import make_motion
from tests.assemblies.test_effects import NEW_ART_10_1, OPENS, amendment_of_article_10, run_poll, session_2023
from tests.instruments.helpers import provisions_on

pytestmark = pytest.mark.django_db

Kind = ResolutionEffect.Kind
TWO_CHANGES = {
    "instrument": "charter",
    "summary": {"en": "Art. 17 repealed, art. 10-2 added.", "zh-hans": "删除第十七条，增加第十条之二。"},
    "changes": [
        {"article": "17", "action": "repeal"},
        {
            "article": "10-2",
            "action": "create",
            "title": {"en": "Online sessions", "zh-hans": "线上会议"},
            "provisions": [
                {
                    "number": "1",
                    "text": {"zh-hans": "事务委员会可以在线举行。", "en": "The Working Committee may meet online."},
                },
                {"number": "2", "text": {"zh-hans": "表决以书面方式进行。", "en": "Votes are cast in writing."}},
            ],
        },
    ],
}


@pytest.fixture
def editor(client, staff_in_role):
    client.force_login(staff_in_role(roles.EDITOR))
    return client


def effect_of(kind, parameters=None, member=None, body=Body.GENERAL_ASSEMBLY, decision_kind=DecisionKind.OTHER):
    """An effect of an open poll of a 2023 session, saved as the inline saves it (parameters checked)."""
    number = 15 if body == Body.GENERAL_ASSEMBLY else 14
    motion = make_motion(session_2023(body, number), decision_kind)
    effect = ResolutionEffect(motion=motion, kind=kind, parameters=parameters or {}, member=member)
    if parameters:
        effect.full_clean()
    effect.save()
    return effect


def page(effect):
    return reverse("admin:assemblies_motion_effect_parameters", args=[effect.pk])


def stored(effect):
    return ResolutionEffect.objects.get(pk=effect.pk).parameters


def amendment_post(instrument="charter", summary_en="", rows=()):
    """The POST of an amendment effect's form: ``rows`` are the article changes' fields (without prefix)."""
    data = {
        "instrument": str(Instrument.objects.get(slug=instrument).pk),
        "summary_en": summary_en,
        "changes-TOTAL_FORMS": str(len(rows)),
        "changes-INITIAL_FORMS": "0",
        "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"changes-{index}-{name}": value for name, value in row.items()})
    return data


def as_sent(response) -> dict:
    """What the browser sends back when the person saves the page without touching it."""
    forms = [response.context["form"]]
    if changes := response.context["changes"]:
        forms += [changes.management_form, *changes.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.field.prepare_value(field.value())
            if value not in (None, False):
                data[field.html_name] = "on" if value is True else value
    return data


# --- The way in ---------------------------------------------------------------------------------------


def test_the_motion_admin_links_each_effect_with_parameters_to_its_form(editor):
    effect = effect_of(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, MemberGovernment.objects.get(slug="jilin"))
    admission = ResolutionEffect.objects.create(
        motion=effect.motion, position=2, kind=Kind.ADMISSION, member=MemberGovernment.objects.get(slug="tianjin")
    )
    body = editor.get(reverse("admin:assemblies_motion_change", args=[effect.motion.pk])).content.decode()
    assert (
        f'<a class="button" href="/admin/assemblies/motion/effects/{effect.pk}/parameters/">Parameters of this effect</a>'
        in body
    )
    assert f"/effects/{admission.pk}/parameters/" not in body
    assert editor.get(page(admission)).status_code == 404


# --- Coordinator change -------------------------------------------------------------------------------


def test_the_coordinator_form_writes_the_committee_and_the_outgoing_government(editor):
    effect = effect_of(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, MemberGovernment.objects.get(slug="jilin"))
    form = editor.get(page(effect)).context["form"]
    assert (form["committee"].value(), form["outgoing"].value()) == ("tourism", None)
    response = editor.post(page(effect), {"committee": "tourism", "outgoing": "henan"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:assemblies_motion_change", args=[effect.motion.pk])
    assert stored(effect) == {"committee": "tourism", "outgoing": "henan"}


def test_without_an_outgoing_government_the_form_writes_a_co_coordination(editor):
    effect = effect_of(
        Kind.COORDINATOR_CHANGE,
        {"committee": "tourism", "outgoing": "henan"},
        MemberGovernment.objects.get(slug="jilin"),
    )
    editor.post(page(effect), {"committee": "environment", "outgoing": ""})
    assert stored(effect) == {"committee": "environment"}


def test_an_unknown_committee_is_refused_in_the_persons_language_and_nothing_is_written(editor):
    effect = effect_of(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, MemberGovernment.objects.get(slug="jilin"))
    response = editor.post(page(effect), {"committee": "space-travel", "outgoing": "henan"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert "Выберите корректный вариант. Вашего варианта нет среди допустимых значений." in response.content.decode()
    assert stored(effect) == {"committee": "tourism"}


def test_the_parsers_refusal_shows_on_the_form_translated(editor):
    jilin = MemberGovernment.objects.get(slug="jilin")
    effect = effect_of(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, jilin)
    response = editor.post(page(effect), {"committee": "tourism", "outgoing": "jilin"}, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.context["form"].non_field_errors() == [
        "退任するコーディネーターと新しいコーディネーターが同じ自治体です。"
    ]
    assert "退任するコーディネーターと新しいコーディネーターが同じ自治体です。" in response.content.decode()
    assert stored(effect) == {"committee": "tourism"}


# --- Decision on dues ---------------------------------------------------------------------------------


def test_the_dues_form_writes_a_rate_with_its_amount_and_first_fiscal_year(editor):
    effect = effect_of(Kind.DUES_DECISION, decision_kind=DecisionKind.DUES)
    response = editor.post(
        page(effect),
        {
            "kind": "rate",
            "title_en": "Dues of USD 1,200 a year",
            "title_zh_hans": "会费每年1200美元",
            "summary_en": "",
            "amount_usd": "1200",
            "from_fiscal_year": "2024",
            "first_fiscal_year": "2030",  # a field of another kind: not written
        },
    )
    assert response.status_code == 302
    assert stored(effect) == {
        "kind": "rate",
        "title": {"en": "Dues of USD 1,200 a year", "zh-hans": "会费每年1200美元"},
        "amount_usd": "1200.00",
        "from_fiscal_year": 2024,
    }


def test_the_dues_form_writes_the_fiscal_years_assessed(editor):
    effect = effect_of(Kind.DUES_DECISION, decision_kind=DecisionKind.DUES_REGULATION)
    editor.post(
        page(effect),
        {
            "kind": "assessment",
            "title_en": "Dues payable from fiscal year 2024",
            "summary_ru": "Взносы с 2024 года.",
            "slug": "dues-from-2024",
            "first_fiscal_year": "2024",
            "last_fiscal_year": "2025",
            "includes_associate_members": "on",
            "amount_usd": "5.00",
        },
    )
    assert stored(effect) == {
        "kind": "assessment",
        "title": {"en": "Dues payable from fiscal year 2024"},
        "summary": {"ru": "Взносы с 2024 года."},
        "slug": "dues-from-2024",
        "first_fiscal_year": 2024,
        "last_fiscal_year": 2025,
        "includes_associate_members": True,
    }


def test_a_negative_amount_is_refused_in_the_persons_language_and_nothing_is_written(editor):
    parameters = {"kind": "rate", "title": "Dues of USD 1,200", "amount_usd": "1200.00", "from_fiscal_year": 2024}
    effect = effect_of(Kind.DUES_DECISION, parameters, decision_kind=DecisionKind.DUES)
    form = editor.get(page(effect)).context["form"]
    assert (form["kind"].value(), form["title_en"].value(), form["amount_usd"].value()) == (
        "rate",
        "Dues of USD 1,200",
        "1200.00",
    )
    response = editor.post(
        page(effect),
        {"kind": "rate", "title_en": "Dues", "amount_usd": "-5", "from_fiscal_year": "2024"},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.context["form"].non_field_errors() == [
        "«amount_usd» должен быть суммой в долларах США больше нуля, например «1000.00»."
    ]
    assert stored(effect) == parameters


def test_a_dues_decision_without_a_title_is_refused(editor):
    effect = effect_of(Kind.DUES_DECISION, decision_kind=DecisionKind.DUES)
    response = editor.post(page(effect), {"kind": "deferral", "summary_en": "Deferred."})
    assert response.context["form"].non_field_errors() == ["Parameters: the parameter “title” is missing."]
    assert stored(effect) == {}


# --- Amendment ----------------------------------------------------------------------------------------


def test_the_amendment_form_writes_the_instrument_summary_and_new_wording(editor):
    effect = effect_of(Kind.CHARTER_AMENDMENT, decision_kind=DecisionKind.CHARTER_AMENDMENT)
    response = editor.post(
        page(effect),
        amendment_post(
            summary_en="Art. 10(1) reworded.",
            rows=[
                {
                    "article": "10",
                    "action": "amend",
                    "numbers": "1",
                    "text_zh_hans": NEW_ART_10_1["zh-hans"],
                    "text_en": NEW_ART_10_1["en"],
                },
                {"article": "", "action": "amend"},
            ],
        ),
    )
    assert response.status_code == 302
    assert stored(effect) == {
        "instrument": "charter",
        "summary": {"en": "Art. 10(1) reworded."},
        "changes": [{"article": "10", "action": "amend", "provisions": [{"number": "1", "text": NEW_ART_10_1}]}],
    }


def test_the_amendment_form_shows_the_saved_parameters_and_saving_them_unchanged_keeps_them(editor):
    effect = effect_of(Kind.CHARTER_AMENDMENT, TWO_CHANGES, decision_kind=DecisionKind.CHARTER_AMENDMENT)
    response = editor.get(page(effect))
    created = response.context["changes"].forms[1]
    assert (created["article"].value(), created["action"].value(), created["numbers"].value()) == (
        "10-2",
        "create",
        "1 2",
    )
    assert created["text_zh_hans"].value() == "事务委员会可以在线举行。\n表决以书面方式进行。"
    assert len(response.context["changes"].forms) == 5  # the two changes and three empty rows
    assert editor.post(page(effect), as_sent(response)).status_code == 302
    assert stored(effect) == TWO_CHANGES


def test_a_provision_without_its_chinese_text_is_refused_in_the_persons_language(editor):
    effect = effect_of(Kind.CHARTER_AMENDMENT, amendment_of_article_10(), decision_kind=DecisionKind.CHARTER_AMENDMENT)
    response = editor.post(
        page(effect),
        amendment_post(
            rows=[
                {"article": "10", "action": "amend", "numbers": "1", "text_en": NEW_ART_10_1["en"]},
            ]
        ),
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code == 200
    assert response.context["changes"].forms[0].non_field_errors() == ["해당 조의 중국어 원문을 입력하십시오."]
    assert "해당 조의 중국어 원문을 입력하십시오." in response.content.decode()
    assert stored(effect) == amendment_of_article_10()


def test_a_regulation_amendment_offers_only_the_regulations(editor):
    effect = effect_of(
        Kind.REGULATION_AMENDMENT, body=Body.WORKING_COMMITTEE, decision_kind=DecisionKind.WORKING_COMMITTEE_MATTER
    )
    choices = [str(label) for _value, label in editor.get(page(effect)).context["form"].fields["instrument"].choices][
        1:
    ]
    assert choices == [str(i) for i in Instrument.objects.filter(kind=Instrument.Kind.REGULATION)]
    response = editor.post(
        page(effect),
        amendment_post(
            instrument="charter",
            rows=[
                {"article": "10", "action": "amend", "text_zh_hans": NEW_ART_10_1["zh-hans"]},
            ],
        ),
    )
    assert list(response.context["form"].errors) == ["instrument"]
    assert stored(effect) == {}


def test_parameters_with_details_the_form_does_not_show_are_left_to_the_json(editor):
    parameters = amendment_of_article_10()
    parameters["changes"][0]["provisions"][0]["note"] = {"en": "As amended in 2023."}
    effect = effect_of(Kind.CHARTER_AMENDMENT, parameters, decision_kind=DecisionKind.CHARTER_AMENDMENT)
    body = editor.get(page(effect)).content.decode()
    assert "These parameters hold details the form does not show" in body
    assert 'name="_save"' not in body
    assert editor.post(page(effect), amendment_post(rows=[])).status_code == 403
    assert stored(effect) == parameters


# --- Who may change what ------------------------------------------------------------------------------


def test_the_parameters_of_a_closed_poll_are_read_only(editor):
    jilin = MemberGovernment.objects.get(slug="jilin")
    effect = effect_of(
        Kind.COORDINATOR_CHANGE,
        {"committee": "tourism", "outgoing": "henan"},
        jilin,
        body=Body.WORKING_COMMITTEE,
        decision_kind=DecisionKind.COORDINATOR_CHANGE,
    )
    run_poll(effect.motion, present=60, yes=40)
    assert Motion.objects.get(pk=effect.motion.pk).status == Motion.Status.CLOSED
    response = editor.get(page(effect))
    body = response.content.decode()
    assert 'name="_save"' not in body and "The poll on this motion is closed: its effects can no longer change." in body
    assert response.context["form"].fields["committee"].disabled is True
    assert editor.post(page(effect), {"committee": "environment"}).status_code == 403
    assert stored(effect)["committee"] == "tourism"


def test_an_auditor_reads_the_parameters_but_may_not_change_them(client, staff_in_role):
    client.force_login(staff_in_role(roles.AUDITOR))
    effect = effect_of(Kind.COORDINATOR_CHANGE, {"committee": "tourism"}, MemberGovernment.objects.get(slug="jilin"))
    response = client.get(page(effect))
    assert response.status_code == 200 and 'name="_save"' not in response.content.decode()
    assert client.post(page(effect), {"committee": "tourism", "outgoing": "henan"}).status_code == 403
    assert stored(effect) == {"committee": "tourism"}


def test_staff_without_a_role_cannot_open_the_parameters(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("clerk", is_staff=True))
    effect = effect_of(Kind.DUES_DECISION, decision_kind=DecisionKind.DUES)
    assert client.get(page(effect)).status_code == 403


# --- Round trip: written by the form, applied when the poll closes ------------------------------------


def test_an_amendment_written_by_the_form_puts_the_new_text_in_force_when_the_poll_closes(editor):
    effect = effect_of(Kind.CHARTER_AMENDMENT, decision_kind=DecisionKind.CHARTER_AMENDMENT)
    editor.post(
        page(effect),
        amendment_post(
            summary_en="Art. 10(1) reworded.",
            rows=[
                {
                    "article": "10",
                    "action": "amend",
                    "numbers": "1",
                    "text_zh_hans": NEW_ART_10_1["zh-hans"],
                    "text_en": NEW_ART_10_1["en"],
                },
            ],
        ),
    )
    run_poll(effect.motion, present=60, yes=40, no=20)
    amendment = Amendment.objects.get(instrument__slug="charter", effective_on=OPENS)
    assert (ResolutionEffect.objects.get(pk=effect.pk).target, amendment.summary_en) == (
        amendment,
        "Art. 10(1) reworded.",
    )
    assert provisions_on("charter", "art-10", "2023-10-01") == {"1": ("text", NEW_ART_10_1["zh-hans"])}
    assert provisions_on("charter", "art-10", "2023-10-01", "en") == {"1": ("text", NEW_ART_10_1["en"])}


def test_a_coordinator_change_written_by_the_form_replaces_the_coordinator_when_the_poll_closes(editor):
    jilin = MemberGovernment.objects.get(slug="jilin")
    effect = effect_of(
        Kind.COORDINATOR_CHANGE,
        member=jilin,
        body=Body.WORKING_COMMITTEE,
        decision_kind=DecisionKind.COORDINATOR_CHANGE,
    )
    editor.post(page(effect), {"committee": "tourism", "outgoing": "henan"})
    run_poll(effect.motion, present=60, yes=31, no=29)
    tourism = Committee.objects.get(slug="tourism")
    assert CoordinatorTerm.objects.get(committee=tourism, member__slug="henan").ended_on == OPENS
    assert [m.slug for m in tourism.coordinators_on(OPENS)] == ["ningxia", "jilin"]


def test_a_rate_written_by_the_form_is_the_rate_from_its_fiscal_year(editor):
    effect = effect_of(Kind.DUES_DECISION, decision_kind=DecisionKind.DUES)
    editor.post(
        page(effect),
        {"kind": "rate", "title_en": "Dues of USD 1,200 a year", "amount_usd": "1200", "from_fiscal_year": "2024"},
    )
    run_poll(effect.motion, present=60, yes=40, no=20)
    assert ResolutionEffect.objects.get(pk=effect.pk).target.title_en == "Dues of USD 1,200 a year"
    assert (ledger.rate_for(2024).amount_usd, ledger.rate_for(2023).amount_usd) == (1200, 1000)
    assert ledger.rate_for(2024).from_fiscal_year == 2024


def test_each_figure_of_the_dues_form_names_the_kind_it_belongs_to(editor):
    html = editor.get(page(effect_of(Kind.DUES_DECISION))).content.decode()
    assert 'src="/static/assemblies/effect_parameters.js"' in html
    for name, kind in [
        ("amount_usd", "rate"),
        ("from_fiscal_year", "rate"),
        ("first_fiscal_year", "assessment"),
        ("last_fiscal_year", "assessment"),
        ("includes_associate_members", "assessment"),
    ]:
        assert re.search(rf'<input [^>]*data-for-kind="{kind}"[^>]*id="id_{name}"', html), name
    assert "data-for-kind" not in html.split('id="id_kind"')[0]
