"""Shared fixtures: the real PostgreSQL (embedded unless DATABASE_URL is set), the real data, staff in each role."""

import hashlib
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Point the test database at the embedded PostgreSQL, starting it if needed."""
    if not os.environ.get("DATABASE_URL"):
        from near_portal import embedded_db

        settings.DATABASES["default"]["HOST"] = embedded_db.start()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database holds the association's real data, as `make run` loads it.

    With ``--reuse-db`` (``make test-fast``) a database that already holds these very
    fixtures is used as it is: the data is loaded again only when a fixture file changed.
    """
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(FIXTURES.glob("*.json")))).hexdigest()
    marker = Path(settings.BASE_DIR) / "var" / "test-db-fixtures.sha256"
    from members.models import MemberGovernment

    with django_db_blocker.unblock():
        reused = request.config.getoption("reuse_db") and not request.config.getoption("create_db")
        if reused and marker.is_file() and marker.read_text() == digest and MemberGovernment.objects.exists():
            return
        call_command("load_near_data", verbosity=0)
    marker.parent.mkdir(exist_ok=True)
    marker.write_text(digest)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: inside a test's transaction the content version never moves."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Rate limits count nothing and refuse nothing, but in tests/core/test_ratelimits.py.

    Within one test (one transaction) the counters would add up, a page asked for in six
    languages passing the PDFs' 10 a minute, and each counted request adds a query to the
    page's pinned count (one or two, as the client's window has begun or not).
    """
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a page requested in another language must not leak into the next test."""
    with translation.override("en"):
        yield


@pytest.fixture
def staff_in_role(django_user_model):
    """A factory: a staff account that belongs to one of the roles' groups (core.roles)."""

    def make(role):
        user = django_user_model.objects.create_user(username=role.lower().replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def charter(db):
    """The Charter as loaded from the real data."""
    from instruments.models import Instrument

    return Instrument.objects.get(slug="charter")


@pytest.fixture
def secretariat_user(django_user_model):
    """A staff account of the secretariat (no password: tests log it in directly)."""
    return django_user_model.objects.create_user("secretariat", is_staff=True, is_superuser=True)


def load_real_data_if_emptied():
    """The real data again, if a transactional test emptied the database (it flushes every table)."""
    from django.contrib.contenttypes.models import ContentType

    from members.models import MemberGovernment

    ContentType.objects.clear_cache()
    if not MemberGovernment.objects.exists():
        call_command("load_near_data", verbosity=0)


@pytest.fixture(scope="module")
def real_data_restored(django_db_blocker):
    """For a module of transactional tests: the real data is back for the tests after it."""
    yield
    with django_db_blocker.unblock():
        load_real_data_if_emptied()


@pytest.fixture
def real_data(transactional_db):
    """The real data in a transactional test, reloaded if an earlier one emptied the database."""
    load_real_data_if_emptied()
