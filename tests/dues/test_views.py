"""Finance views of the dues: six languages, staff only, bad input answered 400/404, fixed queries, PDF."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from core import roles
from dues.ledger import FINANCE_OFFICER_GROUP
from dues.models import DuesBudget, MeetingCost, Settlement
from events.models import Event, Participation
from members.models import MemberGovernment
from tests.dues.factories import D, assess, make_member, pay, pay_won

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "mn", "zh-hans", "ko", "ja", "ru"]


def translated(lang, text, **values):
    """``text`` as the catalogue of ``lang`` gives it; other languages than English must differ."""
    with translation.override(lang):
        result = gettext(text) % values if values else gettext(text)
    if lang != "en":
        assert result != (text % values if values else text), f"{lang} catalogue lacks {text!r}"
    return result


@pytest.fixture
def viewer(client, django_user_model):
    """A staff member who may view the dues records (and so the finance pages), not change them."""
    user = django_user_model.objects.create_user("dues-viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_assessment"))
    client.force_login(user)
    return client


@pytest.fixture
def ledgers():
    """Three governments in 2021-2022: one paid up, one restricted, one paying in won."""
    paid_up = MemberGovernment.objects.get(slug="hyogo")
    late = make_member("late-payer", country="MN")
    won = MemberGovernment.objects.get(slug="gyeongsangbuk")
    assess(paid_up, 2021, 2022)
    assess(late, 2021, 2022)
    assess(won, 2022)
    pay(paid_up, D(2021, 4, 1), "2000.00", reference="HY-2021-1")
    pay_won(won, D(2022, 3, 15), "1300000", "1305.50", reference="GB-2022-1")
    return {"paid_up": paid_up, "late": late, "won": won}


def test_finance_pages_need_a_login_and_the_view_permission(client, django_user_model):
    response = client.get("/en/finance/dues/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    user = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(user)
    assert client.get("/en/finance/dues/restricted/").status_code == 302


def test_the_finance_link_is_in_the_menu_only_for_those_who_may_see_it(client, viewer):
    assert '<a href="/en/finance/dues/">Finance</a>' in viewer.get("/en/members/").content.decode()
    viewer.logout()
    assert "/en/finance/dues/" not in viewer.get("/en/members/").content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dashboard_shows_the_year_by_country_and_member_in_each_language(viewer, ledgers, lang):
    response = viewer.get(f"/{lang}/finance/dues/?year=2022&on=2022-06-01")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert translated(lang, "Dues of fiscal year %(year)s", year=2022) in html
    totals = response.context["report"].totals
    assert (totals.members, totals.assessed, totals.collected, totals.outstanding) == (
        3,
        Decimal("3000.00"),
        Decimal("1995.79"),
        Decimal("1004.21"),
    )
    assert [item.country.code for item in response.context["report"].by_country] == ["JP", "KR", "MN"]
    assert response.context["restricted_count"] == 1


def test_dashboard_with_the_real_data_explains_why_nothing_is_assessed(viewer):
    html = viewer.get("/en/finance/dues/?year=2019&on=2019-06-01").content.decode()
    assert "No assessment is recorded for fiscal year 2019." in html
    assert (
        "No decision makes this fiscal year payable, so nothing is assessed: the first payment and then the "
        "implementation of the payment system were deferred (see the decisions below)."
    ) in html
    assert "Rate: USD 1,000.00 per member government and year, from fiscal year 2017" in html
    assert "Implementation of the dues payment system deferred" in html
    assert "First payment of dues deferred to the 12th Working Committee (2019)" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_restricted_page_lists_the_members_two_years_in_arrears(viewer, ledgers, lang):
    response = viewer.get(f"/{lang}/finance/dues/restricted/?on=2022-05-01")
    assert response.status_code == 200
    assert [member.slug for member, _books in response.context["rows"]] == ["late-payer"]
    assert translated(lang, "Members restricted under the Dues Regulation") in response.content.decode()
    assert viewer.get(f"/{lang}/finance/dues/restricted/?on=2022-04-30").context["rows"] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_shows_each_year_and_payment_in_each_language(viewer, ledgers, lang):
    response = viewer.get(f"/{lang}/finance/dues/members/gyeongsangbuk/?on=2022-06-01")
    assert response.status_code == 200
    html = response.content.decode()
    name = {"en": "Gyeongsangbuk-do", "ko": "경상북도"}.get(lang)
    if name:
        assert name in html
    assert "GB-2022-1" in html
    assert translated(lang, "in arrears") in html
    books = response.context["books"]
    assert [(y.fiscal_year, y.paid, y.balance) for y in books.years] == [(2022, Decimal("995.79"), Decimal("4.21"))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_pdf_is_an_a4_document_in_that_language_with_cjk_fonts_where_needed(viewer, ledgers, lang):
    response = viewer.get(f"/{lang}/finance/dues/members/late-payer/statement.pdf?on=2022-06-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Test late-payer" in text
    heading = translated(lang, "Fiscal years in arrears")
    assert re.sub(r"\s", "", heading) in re.sub(r"\s", "", text)
    assert reader.metadata.title == translated(lang, "Dues statement: %(name)s", name="Test late-payer")
    page = reader.pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    cjk = {"zh-hans": "Noto-Sans-CJK-SC", "ja": "Noto-Sans-CJK-JP", "ko": "Noto-Sans-CJK-KR"}.get(lang)
    if cjk:
        assert any(cjk in font for font in fonts), fonts


@pytest.mark.parametrize(
    "url",
    [
        "/en/finance/dues/?on=2022-13-01",
        "/en/finance/dues/?on=yesterday",
        "/en/finance/dues/?year=2016",
        "/en/finance/dues/?year=abc",
        "/en/finance/dues/restricted/?on=2022-02-30",
        "/en/finance/dues/members/hyogo/?on=0",
        "/en/finance/dues/members/hyogo/statement.pdf?on=x",
        "/en/finance/dues/budget/99999/",
        "/en/finance/dues/budget/2101/",
        "/en/finance/dues/restricted/?on=9999-12-31",
    ],
)
def test_bad_dates_and_years_answer_a_translated_400(viewer, url):
    response = viewer.get(url)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_a_bad_date_is_explained_in_the_pages_language(viewer):
    response = viewer.get("/ko/finance/dues/?on=2022-13-01")
    assert response.status_code == 400
    expected = translated("ko", "%(value)s is not a day of the calendar.", value="2022-13-01")
    assert expected in response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")


@pytest.mark.parametrize(
    "url",
    [
        "/en/finance/dues/members/nowhere/",
        "/en/finance/dues/members/nowhere/statement.pdf",
        "/en/finance/meeting-costs/999/",
    ],
)
def test_unknown_members_and_sessions_answer_404(viewer, url):
    assert viewer.get(url).status_code == 404


def test_dashboard_and_restricted_list_use_the_same_number_of_queries_for_3_or_30_members(
    viewer, ledgers, django_assert_num_queries
):
    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert viewer.get(url).status_code == 200
        return len(queries)

    small = (count("/en/finance/dues/?year=2022&on=2022-06-01"), count("/en/finance/dues/restricted/?on=2022-06-01"))
    for number in range(27):
        member = make_member(f"bulk-{number}", country="RU")
        assess(member, 2021, 2022)
        pay(member, D(2022, 2, 1), "700.00")
    with django_assert_num_queries(small[0]):
        response = viewer.get("/en/finance/dues/?year=2022&on=2022-06-01")
    assert response.context["report"].totals.members == 30
    with django_assert_num_queries(small[1]):
        response = viewer.get("/en/finance/dues/restricted/?on=2022-06-01")
    assert len(response.context["rows"]) == 28
    # Session, user, two permission reads, the data, and the session save (saved on every request).
    assert small == (13, 11)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_budget_page_shows_lines_spending_and_the_audit(viewer, ledgers, lang):
    budget = DuesBudget.objects.create(fiscal_year=2022, business_plan_en="Youth forum and website.")
    line = budget.lines.create(position=1, title_en="Youth forum", amount_usd=Decimal("2000.00"))
    line.expenditures.create(
        budget=budget, spent_on=D(2022, 8, 1), amount_usd=Decimal("1200.00"), description="Venue", voucher="V-22-1"
    )
    budget.expenditures.create(
        spent_on=D(2022, 9, 1),
        amount_usd=Decimal("80.00"),
        description="Courier",
        voucher="V-22-2",
        chair_permitted_on=D(2022, 8, 30),
    )
    Settlement.objects.create(
        fiscal_year=2022, prepared_on=D(2023, 5, 30), audited_on=D(2023, 7, 1), audit_result_en="In order."
    )
    response = viewer.get(f"/{lang}/finance/dues/budget/2022/")
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.budgeted_total, report.spent_total, report.lines[0].remaining) == (
        Decimal("2000.00"),
        Decimal("1280.00"),
        Decimal("800.00"),
    )
    assert report.dues.totals.collected == Decimal("1995.79")
    assert translated(lang, "Settlement and audit") in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_meeting_cost_page_shows_the_shares(viewer, lang):
    event = Event.objects.create(
        kind="working_committee", title_en="Working Committee 2022", slug="wc-2022", start_date=D(2022, 9, 1)
    )
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")
    event.hosts.add(host)
    Participation.objects.create(event=event, member=MemberGovernment.objects.get(slug="hyogo"))
    cost = MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("7800.00"), currency="USD")
    response = viewer.get(f"/{lang}/finance/meeting-costs/{cost.pk}/")
    assert response.status_code == 200
    shares = response.context["shares"]
    assert (shares.share, shares.host_total) == (Decimal("50.00"), Decimal("7750.00"))
    assert translated(lang, "Shortfall borne by the host") in response.content.decode()
    assert "Working Committee 2022" in viewer.get(f"/{lang}/finance/meeting-costs/").content.decode()


def test_finance_officer_group_name_is_the_one_the_roles_create():
    assert FINANCE_OFFICER_GROUP == roles.FINANCE == "Finance officer"
    group = Group.objects.get(name=FINANCE_OFFICER_GROUP)
    assert group.permissions.filter(codename="add_payment").exists()


def test_meeting_cost_list_uses_the_same_number_of_queries_for_one_or_five_sessions(viewer, django_assert_num_queries):
    host = MemberGovernment.objects.get(slug="gyeongsangbuk")

    def add_session(number):
        event = Event.objects.create(
            kind="working_committee", title_en=f"Session {number}", slug=f"wc-{number}", start_date=D(2022, 1, number)
        )
        MeetingCost.objects.create(event=event, host=host, total_cost=Decimal("1000.00"))

    add_session(1)
    with django_assert_num_queries(8) as captured:
        viewer.get("/en/finance/meeting-costs/")
    for number in range(2, 6):
        add_session(number)
    with django_assert_num_queries(len(captured)):
        response = viewer.get("/en/finance/meeting-costs/")
    assert len(response.context["costs"]) == 5


def test_the_dashboard_costs_the_same_queries_for_a_long_ledger_and_keeps_its_figures(
    viewer, ledgers, django_assert_num_queries
):
    with django_assert_num_queries(13):
        before = viewer.get("/en/finance/dues/?year=2022&on=2022-06-01").context["report"]
    hyogo = ledgers["paid_up"]
    assess(hyogo, *range(2023, 2047))  # assessed ahead, as a long history would be
    for n in range(40):
        pay(hyogo, D(2017 + n % 5, 1 + n % 12, 1), "10.00", reference=f"HY-LONG-{n}")
    with django_assert_num_queries(13):
        after = viewer.get("/en/finance/dues/?year=2022&on=2022-06-01").context["report"]
    row = next(row for row in after.rows if row.member == hyogo)
    assert (row.year.assessed, row.year.paid, row.year.balance) == (Decimal("1000.00"),) * 2 + (Decimal("0.00"),)
    assert after.totals.collected == before.totals.collected
    assert [r.restricted for r in after.rows] == [r.restricted for r in before.rows]


def payment_references(html):
    return re.findall(r"<td>(PAGE-\d+)</td>", html)


@pytest.mark.parametrize(
    "lang, shown",
    [
        ("en", "Payments 1 to 20 of 25, latest first; the PDF lists them all."),
        ("ru", "Платежи с 1 по 20 из 25, сначала последние; в PDF все."),
        ("ko", "납부 25건 중 1~20번째, 최근 순; PDF에는 모두 실려 있습니다."),
    ],
)
def test_statement_shows_the_payments_a_page_at_a_time_latest_first(viewer, django_assert_num_queries, lang, shown):
    member = make_member("many-payments", country="MN")
    assess(member, *range(2017, 2023))
    for n in range(25):
        pay(member, D(2017, 1, 1) + datetime.timedelta(days=60 * n), "100.00", reference=f"PAGE-{n:02}")
    pay(member, D(2022, 7, 1), "100.00", reference="PAGE-99")  # after the statement's date: not in it
    address = f"/{lang}/finance/dues/members/many-payments/?on=2022-06-01"
    with django_assert_num_queries(STATEMENT_QUERIES):
        first = viewer.get(address).content.decode()
    assert payment_references(first) == [f"PAGE-{n:02}" for n in range(24, 4, -1)]
    assert shown in first
    assert translated(lang, "Total credited by all payments") in first
    with translation.override(lang):
        total = Template('{{ total|floatformat:"2g" }}').render(Context({"total": Decimal("2500.00")}))
    assert total == {"en": "2,500.00", "ru": "2\xa0500,00", "ko": "2,500.00"}[lang]
    assert f'<td class="num">{total}</td>' in first  # every payment to the date, whichever page
    assert translated(lang, "Earlier payments") in first
    with django_assert_num_queries(STATEMENT_QUERIES):
        second = viewer.get(address + "&page=2").content.decode()
    assert payment_references(second) == [f"PAGE-{n:02}" for n in range(4, -1, -1)]
    assert translated(lang, "Later payments") in second
    # The statement's figures are those of every payment, whichever page is shown.
    for html in (first, second):
        assert translated(lang, "Page %(number)s of %(total)s", number=1 if html is first else 2, total=2) in html
    response = viewer.get(address + "&page=3")
    assert response.status_code == 404
    assert translated(lang, "Page not found") in response.content.decode()


# The statement page, whatever the number of payments: the session, the user, their two sets of
# permissions, the member with its country, its assessments, their waivers, its payments by the
# date, its membership events; the session saved again (a savepoint, the update, its release).
STATEMENT_QUERIES = 12


def test_the_statement_pdf_lists_every_payment_in_date_order(viewer):
    member = make_member("many-payments", country="MN")
    assess(member, *range(2017, 2023))
    for n in range(25):
        pay(member, D(2017, 1, 1) + datetime.timedelta(days=60 * n), "100.00", reference=f"PAGE-{n:02}")
    response = viewer.get("/en/finance/dues/members/many-payments/statement.pdf?on=2022-06-01")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert re.findall(r"PAGE-\d+", text) == [f"PAGE-{n:02}" for n in range(25)]


def test_a_short_statement_has_no_pages_of_payments(viewer, ledgers, django_assert_num_queries):
    with django_assert_num_queries(STATEMENT_QUERIES):
        html = viewer.get("/en/finance/dues/members/hyogo/?on=2022-06-01").content.decode()
    assert '<th scope="row" colspan="3">Total credited</th>' in html
    assert "Pages of payments" not in html and "latest first" not in html
