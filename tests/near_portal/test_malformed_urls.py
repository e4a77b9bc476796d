"""Malformed public URLs answer 400 or 404 with a page in the visitor's language, never 500.

The URL patterns come from Django's resolver, so every public page an app adds is covered:
Hypothesis fills each pattern with values that match its converters but name nothing
(a well-formed slug of no government, year 0000, 9999-99-99), values that do not match,
bad language prefixes, and query strings of arbitrary text.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.params import BadParameter, parse_date

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Staff-only URLs are not public; their own tests cover them.
PRIVATE_NAMESPACES = {"admin"}
QUERY_KEYS = [
    "q",
    "type",
    "page",
    "year",
    "date",
    "on",
    "from",
    "to",
    "month",
    "country",
    "committee",
    "status",
    "sort",
    "order",
    "format",
    "lang",
    "next",
    "language",
]
ERROR_TITLES = {400: "Bad request", 404: "Page not found", 413: "File too large"}


def json_error(url: str) -> str:
    """The one error open data gives: why the ?on= date of ``url`` was refused (committees.json)."""
    value = parse_qs(urlsplit(url).query, keep_blank_values=True)["on"][-1]
    with pytest.raises(BadParameter) as refused:
        parse_date(value)
    return str(refused.value)


@dataclass(frozen=True)
class Route:
    """A public URL pattern: literal pieces and converters (or one regex), under a language prefix or not."""

    pieces: tuple  # str for literal text, a converter for a placeholder
    localized: bool

    def __str__(self):
        text = "".join(p if isinstance(p, str) else f"<{type(p).__name__}>" for p in self.pieces)
        return ("{lang}/" if self.localized else "") + text


def route_pieces(pattern):
    if isinstance(pattern, RoutePattern):
        pieces, route = [], pattern._route
        for part in _split_route(route):
            pieces.append(pattern.converters[part[1:-1].split(":")[-1]] if part.startswith("<") else part)
        return pieces
    return [pattern.regex]  # re_path: generate from its regex


def _split_route(route):
    parts, rest = [], route
    while "<" in rest:
        before, _, after = rest.partition("<")
        inside, _, rest = after.partition(">")
        parts += [before, f"<{inside}>"]
    return [p for p in [*parts, rest] if p]


def discover(patterns=None, prefix=(), localized=False):
    """Every URL pattern reachable from the root URLconf outside the private namespaces."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in PRIVATE_NAMESPACES:
                continue
            is_locale = isinstance(entry.pattern, LocalePrefixPattern)
            inner = prefix if is_locale else (*prefix, *route_pieces(entry.pattern))
            routes += discover(entry.url_patterns, inner, localized or is_locale)
        elif isinstance(entry, URLPattern):
            routes.append(Route((*prefix, *route_pieces(entry.pattern)), localized))
    return routes


PUBLIC_ROUTES = sorted(set(discover()), key=str)

# Values that broke real sites: NUL (PostgreSQL text cannot hold it), numbers too large for
# any column, impossible dates, traversal, markup, non-ASCII digits.
NASTY_VALUES = [
    "\x00",
    "0",
    "-1",
    "0000",
    "9999",
    "99999999999999999999",
    "2021-02-30",
    "2021-13-01",
    "1e309",
    "NaN",
    "..",
    "%",
    "%00",
    "../../etc/passwd",
    "<script>",
    "' OR 1=1 --",
    "兵庫",
    "Ⅻ",
    "١٢",
]
junk = st.text(min_size=0, max_size=40)
nasty = st.sampled_from(NASTY_VALUES)


def piece_values(piece):
    if isinstance(piece, str):
        return st.just(piece)
    regex = getattr(piece, "regex", None)
    if regex is None:  # a compiled regex of re_path
        return st.from_regex(piece, fullmatch=False).map(lambda s: quote(s.lstrip("^"), safe="/"))
    well_formed = st.from_regex(regex, fullmatch=True)
    return st.one_of(well_formed, junk, nasty).map(lambda s: quote(s, safe=""))


language_prefixes = st.one_of(
    st.sampled_from(LANGUAGE_CODES),
    st.sampled_from(["xx", "EN", "zh_hans", "zh-hant", "zh", "en-us", "ru-RU", "mn-Cyrl", "", "."]),
    junk.map(lambda s: quote(s, safe="")),
)
# The same bad value in every parameter a view is likely to read, plus arbitrary ones.
query_strings = st.one_of(
    st.just(""),
    st.one_of(nasty, junk).map(lambda value: urlencode({key: value for key in QUERY_KEYS})),
    st.dictionaries(junk, st.one_of(junk, nasty), max_size=4).map(urlencode),
)


def assert_translated_error_page(response, url, language):
    """Not a 500; a 400/404/413 is the error page in ``language`` (any of the six when None).

    Open data answers in JSON: its error is the reason in the language of the response.
    """
    assert response.status_code < 500, url
    if response.status_code in ERROR_TITLES and response["Content-Type"].startswith("application/json"):
        assert response["Content-Language"] in ({language} if language else set(LANGUAGE_CODES)), url
        assert set(response.json()) == {"error"}, url
        with translation.override(response["Content-Language"]):
            assert response.json()["error"] == json_error(url), url
    elif response.status_code in ERROR_TITLES:
        html = response.content.decode()
        page_language = html.split('<html lang="', 1)[1].split('"', 1)[0]
        assert page_language in ({language} if language else set(LANGUAGE_CODES)), url
        with translation.override(page_language):
            assert f"<h1>{translation.gettext(ERROR_TITLES[response.status_code])}</h1>" in html, url


def fill(route, value, language="en"):
    """The route with every placeholder set to ``value`` (percent-encoded)."""
    pieces = [p for p in route.pieces if not hasattr(p, "pattern")]  # a re_path's regex: left out
    path = "".join(p if isinstance(p, str) else quote(value, safe="") for p in pieces)
    return "/" + (f"{language}/" if route.localized else "") + path


@pytest.mark.django_db
@pytest.mark.parametrize("route", PUBLIC_ROUTES, ids=str)
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_malformed_public_urls_answer_400_or_404_with_a_translated_page_never_500(route, data):
    path = "".join(data.draw(piece_values(piece)) for piece in route.pieces)
    prefix = data.draw(language_prefixes) if route.localized else None
    visitor_language = data.draw(st.sampled_from(LANGUAGE_CODES))
    url = "/" + (f"{prefix}/" if route.localized else "") + path
    query = data.draw(query_strings)
    if query:
        url += "?" + query

    response = Client(raise_request_exception=False).get(url, HTTP_ACCEPT_LANGUAGE=visitor_language)

    assert_translated_error_page(response, url, prefix if prefix in LANGUAGE_CODES else None)


@pytest.mark.django_db
@pytest.mark.parametrize("value", NASTY_VALUES, ids=ascii)
def test_known_bad_values_in_every_placeholder_and_parameter_never_give_a_500(client, value):
    for route in PUBLIC_ROUTES:
        for language in LANGUAGE_CODES if route.localized else ["en"]:
            url = fill(route, value, language) + "?" + urlencode({key: value for key in QUERY_KEYS})
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert_translated_error_page(response, url, language)


def test_the_routes_are_discovered_from_the_resolver():
    names = {str(route) for route in PUBLIC_ROUTES}
    # A page of every app, the open data and the annual report included.
    assert {
        "{lang}/",
        "{lang}/members/",
        "{lang}/members/<SlugConverter>/",
        "healthz",
        "open-data/members.json",
        "open-data/members.csv",
        "open-data/committees.json",
        "{lang}/committees/<SlugConverter>/",
        "{lang}/events/<SlugConverter>/",
        "{lang}/events.ics",
        "{lang}/assemblies/<SlugConverter>/",
        "{lang}/charter/history/<SlugConverter>/",
        "{lang}/finance/dues/members/<SlugConverter>/",
        "{lang}/reports/<IntConverter>/<SlugConverter>.pdf",
    } <= names
    assert not any(name.startswith("admin/") for name in names)
