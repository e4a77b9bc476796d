"""Per-client limits on the public endpoints that cost real work to answer (django-ratelimit).

``@rate_limited("pdf")`` on a view counts each request that reaches it per client address
and group; past the group's limit (``settings.NEAR_RATE_LIMITS``, e.g. ``"10/m"``: ten a
minute, overridable from the environment) the client gets a translated 429 page with
``Retry-After`` until its window ends. One group shares one budget: every PDF counts
against ``"pdf"``, whichever instrument or language. A new endpoint (search, a documents
export) takes an existing group or adds its own to ``NEAR_RATE_LIMITS`` in the settings.

- What counts: requests that reach the view. A page-cache hit (core.caching) never does, nor
  does a ``304 Not Modified`` answered by a feed's ``condition`` decorator when the limit sits
  inside it: both cost about one query.
- All clients together: a group in ``NEAR_RATE_LIMITS_ALL_CLIENTS`` (the PDFs) also has one
  budget for everybody, so that many clients at once cannot keep every core rendering; past
  it, the 429 page says the portal is busy with these files. And a group in
  ``NEAR_RATE_LIMITS_AT_ONCE`` (the PDFs: one) is served that many at a time per process; one
  more is refused at once (429, ``Retry-After: 5``) rather than queued, so the other threads
  of a gunicorn process stay free for the pages while it renders.
- Who is exempt: active staff (a handful of accounts, locked out by django-axes after failed
  sign-ins, who render PDFs and reports for their work). Liaison officers are counted like
  anybody else, by address.
- The address: ``REMOTE_ADDR``, unless that is a trusted proxy (``NEAR_TRUSTED_PROXIES``,
  by default this host: gunicorn listens on 127.0.0.1 behind nginx or Caddy), in which case
  the rightmost address of ``NEAR_CLIENT_IP_HEADER`` (``X-Forwarded-For``) that is not a
  trusted proxy. A client can prepend anything to that header, never append, so the
  rightmost untrusted entry is the one the proxy saw. IPv6 clients count per /64
  (``RATELIMIT_IPV6_MASK``), which one subscriber holds whole.

The counters live in PostgreSQL (core.counter_cache), shared by every gunicorn process.
"""

import functools
import ipaddress
import threading

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django_ratelimit.core import get_usage

# Caches every process shares and that increment atomically, as django-ratelimit needs.
SHARED_ATOMIC_CACHES = frozenset(
    {
        "core.counter_cache.CounterCache",
        "django.core.cache.backends.memcached.PyMemcacheCache",
        "django.core.cache.backends.memcached.PyLibMCCache",
        "django.core.cache.backends.redis.RedisCache",
        "django_redis.cache.RedisCache",
    }
)


def _networks(entries):
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str:
    """The address a rate limit counts for ``request`` (django-ratelimit's ``RATELIMIT_IP_META_KEY``)."""
    networks = _networks(settings.NEAR_TRUSTED_PROXIES)
    remote = request.META.get("REMOTE_ADDR", "")
    # An empty REMOTE_ADDR is a Unix socket: a proxy on this host.
    peer = _address(remote) if remote else ipaddress.ip_address("127.0.0.1")
    if peer is None:
        return "0.0.0.0"  # not an address at all: every such request shares one budget
    header = "HTTP_" + settings.NEAR_CLIENT_IP_HEADER.upper().replace("-", "_")
    if not _trusted(peer, networks) or not request.META.get(header):
        return str(peer)
    for hop in reversed(request.META[header].split(",")):
        address = _address(hop)
        if address is None:
            break  # a malformed entry: what lies left of it cannot be trusted
        peer = address
        if not _trusted(address, networks):
            break
    return str(peer)


# What the 429 page of a busy process tells a client to wait: about one PDF's rendering.
BUSY_RETRY_SECONDS = 5

_slots: dict[tuple[str, int], threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


def process_slots(group: str) -> threading.BoundedSemaphore | None:
    """This process's slots for ``group`` (``NEAR_RATE_LIMITS_AT_ONCE``), or None when it has no such limit."""
    size = settings.NEAR_RATE_LIMITS_AT_ONCE.get(group) if settings.RATELIMIT_ENABLE else None
    if not size:
        return None
    with _slots_lock:
        return _slots.setdefault((group, size), threading.BoundedSemaphore(size))


def is_exempt(request) -> bool:
    """Active staff are not limited (nor counted)."""
    user = getattr(request, "user", None)
    return user is not None and user.is_active and user.is_staff


def too_many_requests(request, seconds: int, *, all_clients: bool = False):
    """The translated 429 page, saying when to try again; ``Retry-After`` says it to programs."""
    response = render(request, "429.html", {"seconds": seconds, "all_clients": all_clients}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def rate_limited(group: str):
    """Limit a view to ``settings.NEAR_RATE_LIMITS[group]`` requests per client address (see the module).

    A group in ``settings.NEAR_RATE_LIMITS_ALL_CLIENTS`` also has a budget for all clients
    together, counted only for requests the client's own limit let through.
    """
    if group not in settings.NEAR_RATE_LIMITS:
        raise ImproperlyConfigured(f"No rate limit named {group!r} in NEAR_RATE_LIMITS (near_portal/settings.py).")

    def per_client(_group, _request):
        return settings.NEAR_RATE_LIMITS[group]

    def all_clients(_group, _request):
        return settings.NEAR_RATE_LIMITS_ALL_CLIENTS.get(group)

    def decorate(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if is_exempt(request):
                return view(request, *args, **kwargs)
            slots = process_slots(group)
            if slots is not None and not slots.acquire(blocking=False):
                return too_many_requests(request, BUSY_RETRY_SECONDS, all_clients=True)
            try:
                return counted(request, *args, **kwargs)
            finally:
                if slots is not None:
                    slots.release()

        def counted(request, *args, **kwargs):
            usage = get_usage(request, group=f"near:{group}", key="ip", rate=per_client, increment=True)
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, max(usage["time_left"], 1))
            usage = get_usage(
                request, group=f"near:{group}:all", key=lambda _group, _request: "all", rate=all_clients, increment=True
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, max(usage["time_left"], 1), all_clients=True)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def check_rate_limit_cache(app_configs, **kwargs):
    """The cache of the counters (``RATELIMIT_USE_CACHE``) is shared by every process and increments atomically.

    In place of django-ratelimit's own check, which warns about every cache but memcached's
    and Redis's (the portal uses the library without installing it as an app).
    """
    name = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    backend = settings.CACHES.get(name, {}).get("BACKEND")
    if backend in SHARED_ATOMIC_CACHES:
        return []
    return [
        checks.Error(
            f"The rate limits' cache {name!r} ({backend}) is not one every process shares with atomic increments.",
            hint="Use core.counter_cache.CounterCache (PostgreSQL), memcached or Redis.",
            id="core.E001",
        )
    ]
