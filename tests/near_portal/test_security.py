"""The security baseline: production settings pass Django's deployment checks; the
Content-Security-Policy allows no inline script or style; staff sessions end when idle."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-for-the-deployment-check-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "portal.near.example",
}


def run_with_production_settings(*args):
    env = {**os.environ, **PRODUCTION_ENV}
    return subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deployment_checks_without_warnings():
    result = run_with_production_settings("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (  # one sentence, no traceback (near_portal/command_line.py)
        "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off: for local work use "
        '`make manage ARGS="check"` or `export DJANGO_DEBUG=1` first.\n'
    )


def test_production_cookies_are_secure_and_host_bound():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'near_portal.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_REFERRER_POLICY, s.SECURE_CONTENT_TYPE_NOSNIFF)"
    )
    result = run_with_production_settings("-c", code)
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "__Host-django_language",
        "True",
        "True",
        "True",
        "True",
        "True",
        "31536000",
        "same-origin",
        "True",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/ja/members/", "/admin/login/", "/en/no-such-page/"])
def test_content_security_policy_allows_no_inline_script_or_style(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["script-src"].startswith("'self'")
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_pages_send_nosniff_and_referrer_policy(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_staff_session_ends_after_an_hour_without_activity(client, django_user_model):
    staff = django_user_model.objects.create_user(username="clerk", is_staff=True, is_superuser=True)
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.force_login(staff)
        assert client.get("/admin/").status_code == 200
    # Active every 50 minutes for three hours: the session stays open.
    for minutes in (50, 100, 150, 200):
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=minutes)):
            assert client.get("/admin/").status_code == 200
    # Then 61 minutes idle: back to the sign-in page.
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=261)):
        response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
