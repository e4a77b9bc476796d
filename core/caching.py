"""Public pages cached per language, invalidated whenever the record changes.

The cache key carries the language, the host, the path, the query parameters the page reads
and the *content version*: a
PostgreSQL sequence that every save or delete of a model in ``NEAR_RECORD_APPS`` moves on
(once the transaction commits, so no page is cached under the new version with the old
data). Every process reads the same sequence, so a save in the admin invalidates the pages
that every gunicorn worker holds in its own memory. Simple and correct: any save of the
record empties the whole page cache; saves are rare next to reads.

Writes that send no signal (``QuerySet.update()``, ``bulk_create``) must call
``content_changed()`` themselves; ``PUBLIC_PAGE_CACHE_SECONDS`` bounds the damage if one
forgets.

A public view declares the query parameters it reads, once, with ``@query_parameters("on")``
(``@query_parameters()`` for none). The view then sees only those, sorted by name (each
with its values in the order given), and only they vary the key: ``/en/charter/?anything=1``
is ``/en/charter/``, and ``?year=2018&kind=meeting`` is ``?kind=meeting&year=2018``. Because
the view never sees the others, no link it renders (the language switch repeats the query
string) can carry them into the copy every visitor gets. A view that declares nothing is keyed
on its whole address, as before; ``tests/core/test_caching.py`` wants every public view declared.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import connection, transaction
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

from core.audit import is_history_model
from core.languages import LANGUAGE_CODES

SEQUENCE = "core_content_version"


def content_version() -> int:
    """The current content version: changes whenever the record changes."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value FROM {SEQUENCE}")
        return cursor.fetchone()[0]


# A PDF takes 1-4 s of CPU: kept a day at most (it states its day of issue); a change of the
# record moves the content version.
RENDERED_SECONDS = 24 * 60 * 60


def rendered_once(*parts: str, render: Callable[[], bytes]) -> bytes:
    """``render()``, computed once per content version and ``parts`` (what the result depends on:
    its name, the language, the day...) and kept ``RENDERED_SECONDS``; every call when the
    public page cache is off (``PUBLIC_PAGE_CACHE_SECONDS = 0``)."""
    key = ":".join([parts[0], str(content_version()), *parts[1:]])
    content = cache.get(key)
    if content is None:
        content = render()
        if settings.PUBLIC_PAGE_CACHE_SECONDS:
            cache.set(key, content, RENDERED_SECONDS)
    return content


def content_changed() -> None:
    """Invalidate every cached public page once the current transaction commits."""
    transaction.on_commit(_next_version)


def _next_version() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [SEQUENCE])


def record_changed(sender, action=None, **kwargs) -> None:
    """Signal receiver (post_save, post_delete, m2m_changed) for every model of the record apps."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed is sent before and after; once is enough
    # A history record accompanies a save that already moved the version.
    if sender._meta.app_label in settings.NEAR_RECORD_APPS and not is_history_model(sender):
        content_changed()


def is_public_page(request) -> bool:
    """A page under a language prefix: the public site, the same for every anonymous visitor."""
    prefix = request.path_info.split("/", 2)[1]
    return prefix in LANGUAGE_CODES and prefix == get_language()


def query_parameters(*names: str):
    """Declares the query parameters a public view reads; every other one is dropped before it runs.

    ``@query_parameters("on")`` on a function view, ``query_parameters("page")(NewsFeed())``
    on a view object. The declaration survives ``functools.wraps`` decorators around it.
    """

    def declare(view):
        view.query_parameters = frozenset(names)
        return view

    return declare


def declared_parameters(request) -> frozenset | None:
    """The query parameters the view of ``request.path_info`` declares; None when it declares none (or no view answers)."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return getattr(match.func, "query_parameters", None)


def keep_only(request, names: frozenset) -> None:
    """Leave in ``request.GET`` and the query string only ``names``, sorted by name, each with all its values in order."""
    query = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    query._mutable = False
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()


class PublicPageCacheMiddleware:
    """Serves anonymous GET and HEAD requests for public pages from the cache (one entry per language).

    It sits right after the session and locale middleware: a hit skips the CSRF, auth,
    messages, clickjacking and audit middleware, whose headers the stored page already carries
    (the outer ones, security and CSP headers, are added to every hit). A visitor whose session
    holds a signed-in user always gets the page as it stands. A GET or HEAD of a public page
    whose view declares its query parameters reaches the view with those alone, signed in or
    not, cached or not, so the page is the same whichever way it is reached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not is_public_page(request):
            return self.get_response(request)
        names = declared_parameters(request)
        if names is not None:
            keep_only(request, names)
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not timeout:
            return self.get_response(request)
        if SESSION_KEY in request.session:  # signed in (read before the auth middleware runs)
            return self.get_response(request)
        key = self.cache_key(request)
        response = cache.get(key)
        if response is not None:
            response = self.conditional(request, response)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.can_store(request, response):
            cache.set(key, response, timeout)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def conditional(request, response):
        """A stored page with validators (the calendar feeds') answers a conditional request with 304.

        The view's own ``condition`` decorator does so on a miss; without this, every hit
        would send the whole page to a client that already holds it.
        """
        last_modified = response.get("Last-Modified")
        last_modified = parse_http_date_safe(last_modified) if last_modified else None
        if not (response.has_header("ETag") or last_modified):
            return response
        return get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )

    @staticmethod
    def cache_key(request) -> str:
        """The page's key: content version, language and the address (only the declared parameters once ``keep_only`` ran)."""
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"public-page:{content_version()}:{get_language()}:{digest}"

    @staticmethod
    def can_store(request, response) -> bool:
        """Only what every visitor may receive as it is: no cookie, no per-request token or nonce."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            # A CSRF token in the page needs its cookie, set by the CSRF middleware afterwards.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # A CSP nonce belongs to one response only.
            and getattr(request, "_csp_nonce", None) is None
        )
