"""In a real browser (Debian's Chromium through Playwright): the language switch, the admin
sign-in, modeltranslation's tabs, and no Content-Security-Policy violation on any page."""

import os
from pathlib import Path

import pytest
from django.contrib import admin

from assemblies.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("real_data_live")]

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "a long browser test password"
LANGUAGE_NAMES = {
    "en": "English",
    "mn": "Монгол",
    "zh-hans": "简体中文",
    "ko": "한국어",
    "ja": "日本語",
    "ru": "Русский",
}
# Records every CSP violation the page reports, for the tests to read back.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} ${e.sample || ""}`);
});
"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is not installed at /usr/bin/chromium (make installs the 'chromium' package); "
            "browser tests skipped"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in this thread; the tests' own database
    # work (fixtures, the flush after each test) is still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    page.console_violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.console_violations.append(message.text),
    )
    yield page
    context.close()


@pytest.fixture
def clerk(django_user_model, fast_password_hashing):
    """A superuser who signs in with a password."""
    return django_user_model.objects.create_user("clerk", password=PASSWORD, is_staff=True, is_superuser=True)


def csp_violations(page):
    return page.evaluate("window.__cspViolations") + page.console_violations


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def test_switching_language_on_a_member_page_lands_on_the_same_member(page, live_server):
    from members.models import MemberGovernment

    hyogo = MemberGovernment.objects.get(slug="hyogo")
    page.goto(f"{live_server.url}/en/members/hyogo/")
    # From each language to the next, ending in English again.
    for language in ["mn", "zh-hans", "ko", "ja", "ru", "en"]:
        page.locator("nav.languages").get_by_role("link", name=LANGUAGE_NAMES[language]).click()
        page.wait_for_url(f"{live_server.url}/{language}/members/hyogo/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").inner_text() == getattr(hyogo, f"name_{language.replace('-', '_')}")
    assert csp_violations(page) == []


def test_staff_sign_in_and_switch_the_admin_tabs_between_the_six_languages(page, live_server, clerk):
    from members.models import MemberGovernment

    sign_in(page, live_server, "clerk")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#site-name").inner_text() == "NEAR secretariat"  # near_portal/admin.py
    assert page.locator("#user-tools strong").text_content() == "clerk"

    hyogo = MemberGovernment.objects.get(slug="hyogo")
    page.goto(f"{live_server.url}/admin/members/membergovernment/{hyogo.pk}/change/")
    tabs = page.locator(".ui-tabs-nav").first
    assert tabs.locator("a").all_text_contents() == ["en", "mn", "zh-hans", "ko", "ja", "ru"]
    assert page.locator("#id_name_en").is_visible() and not page.locator("#id_name_ja").is_visible()
    tabs.locator("a", has_text="ja").click()
    assert page.locator("#id_name_ja").is_visible() and not page.locator("#id_name_en").is_visible()
    assert page.locator("#id_name_ja").input_value() == hyogo.name_ja
    assert csp_violations(page) == []


def admin_pages(live_server):
    """For every model in the admin: its list, add form, first object's form and history."""
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label_lower):
        base = f"{live_server.url}/admin/{model._meta.app_label}/{model._meta.model_name}/"
        yield base
        yield base + "add/"
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield f"{base}{first.pk}/change/"
            yield f"{base}{first.pk}/history/"


def test_no_admin_or_public_page_breaks_the_content_security_policy(page, live_server, clerk):
    sign_in(page, live_server, "clerk")
    public_paths = ("/en/", "/ja/members/", "/ru/members/primorsky/", "/ko/no-such-page/")
    public = [f"{live_server.url}{path}" for path in public_paths]
    # Pages of the admin besides the models' own: the minutes' preview of the 12th General Assembly.
    twelfth = Session.objects.get(body="general_assembly", number=12)
    extra = [f"{live_server.url}/admin/documents/document/minutes/{twelfth.pk}/?language=zh-hans"]
    seen = {}
    for url in [*public, *admin_pages(live_server), *extra]:
        page.goto(url)
        seen[url] = csp_violations(page)
    assert {url: found for url, found in seen.items() if found} == {}
    assert len(seen) >= 20


def test_the_dues_parameters_show_only_the_figures_of_the_chosen_kind(page, live_server, clerk):
    from django.urls import reverse

    from assemblies.models import DecisionKind, ResolutionEffect
    from tests.assemblies.factories import make_motion
    from tests.assemblies.test_effects import session_2023

    effect = ResolutionEffect.objects.create(
        motion=make_motion(session_2023(), DecisionKind.OTHER), kind=ResolutionEffect.Kind.DUES_DECISION
    )
    sign_in(page, live_server, "clerk")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(live_server.url + reverse("admin:assemblies_motion_effect_parameters", args=[effect.pk]))
    figures = ["amount_usd", "from_fiscal_year", "first_fiscal_year", "last_fiscal_year", "includes_associate_members"]

    def shown():
        return [name for name in figures if page.locator(f"#id_{name}").is_visible()]

    page.select_option("#id_kind", "rate")
    assert shown() == ["amount_usd", "from_fiscal_year"]
    page.select_option("#id_kind", "assessment")
    assert shown() == ["first_fiscal_year", "last_fiscal_year", "includes_associate_members"]
    page.select_option("#id_kind", "deferral")
    assert shown() == []
    assert page.locator("#id_title_en").is_visible()
    assert csp_violations(page) == []
