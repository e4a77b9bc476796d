"""Settings of the NEAR secretariat portal, read from the environment.

Defaults are safe for production: debug is off unless DJANGO_DEBUG says otherwise, and then
DJANGO_SECRET_KEY is required. `make run` and `make test` set DJANGO_DEBUG=1 for local work.
"""

import base64
import hashlib
import ipaddress
import re
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from environ import Env

from near_portal import embedded_db
from near_portal.command_line import SecretKeyMissing

BASE_DIR = Path(__file__).resolve().parent.parent
env = Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
if DEBUG:
    # A development key only; production must set DJANGO_SECRET_KEY.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-in-production")
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
    if not SECRET_KEY:
        raise SecretKeyMissing("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    # django.contrib.admin, whose admin.site holds rules for every model admin (near_portal/admin_site.py).
    "near_portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # PostgreSQL features: the exclusion constraint on coordinator terms (committees).
    "django.contrib.postgres",
    "import_export",
    "simple_history",
    "axes",
    # The association's apps, in the order of their dependencies (each imports only those above).
    "core",
    "members",
    "committees",
    "events",
    "dues",
    "instruments",
    "assemblies",
    "documents",
    # Member governments' yearly cooperation plans: after the record they refer to (members, committees).
    "plans",
    # The member governments' own space (liaison officers' accounts): after the record it serves.
    "liaison",
    # The site search: reads every app above (its SQL functions and indexes are its own migrations).
    "search",
    "near_portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL character in the address: 400 (PostgreSQL text cannot hold one).
    "near_portal.middleware.RejectNullCharactersMiddleware",
    # Public pages served from the cache, per language (core/caching.py): after the
    # session (who is signed in) and the language, before the rest, which an anonymous
    # visitor's cached page does not need; a stored page keeps the headers they added.
    "core.caching.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Who made each change, for the audit trail (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must come last.
    "axes.middleware.AxesMiddleware",
]
if not DEBUG:
    # Static files served by the app itself from collectstatic's output (compressed, cached
    # for a year once hashed); locally runserver and the test server serve them.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "near_portal.urls"
WSGI_APPLICATION = "near_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "near_portal.context_processors.languages",
            ],
        },
    },
]

# DATABASE_URL when set (production); otherwise the embedded PostgreSQL under var/.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    DATABASES = {"default": embedded_db.django_database()}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
# Reconnect after a database restart instead of failing the first request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The apps that hold the association's record: roles (core/roles.py), the audit
# trail and the public page cache apply to every model they contain.
# near_portal holds the annual report: its messages, secretariat chart and published editions.
# liaison holds the officers' accounts: who was invited, by whom, and revoked when.
# plans holds the member governments' cooperation plans, which their public pages show.
NEAR_RECORD_APPS = [
    "members",
    "committees",
    "events",
    "dues",
    "instruments",
    "assemblies",
    "documents",
    "plans",
    "liaison",
    "near_portal",
]
# Of those, the apps only the finance officer edits (the others read them): the dues.
NEAR_FINANCE_APPS = ["dues"]
# The admin's history pages only show the record: a "revert" would save an old version through
# the plain form, past the rules that guard payments, polls and amendments.
SIMPLE_HISTORY_REVERT_DISABLED = True

# axes checks the lock-out before any other backend tries the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------
# English is the fallback; the others are the member countries' languages. Labels are each
# language's own name (Django calls mn "Mongolian"; the switcher shows "Монгол").
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("mn", "Монгол"),
    ("zh-hans", "简体中文"),
    ("ko", "한국어"),
    ("ja", "日本語"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Django's Mongolian formats are thin; ours live in near_portal/formats/mn/.
FORMAT_MODULE_PATH = ["near_portal.formats"]

# The secretariat sits in Pohang; dates of record are Korean dates.
TIME_ZONE = "Asia/Seoul"
USE_TZ = True

# Content fields: English first, then the source language of most seed texts (Chinese).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "zh-hans")}
# The tabbed admin loads jQuery UI from a CDN by default; serve our copy instead. The
# setting's name has no MODELTRANSLATION_ prefix (modeltranslation/settings.py reads JQUERY_UI_URL).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media files ---------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production, collectstatic writes hashed, gzip- and brotli-compressed copies that
    # whitenoise serves with far-future caching; locally the files are served as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Uploads (core/uploads.py) -----------------------------------------------------
# FILE_UPLOAD_MAX_MEMORY_SIZE only decides when an upload spills to disk; these are the limits.
# The whole request body may not exceed UPLOAD_MAX_REQUEST_SIZE, nor one file UPLOAD_MAX_FILE_SIZE;
# each upload field then applies its own, smaller limit and allowed types (FileValidator).
UPLOAD_MAX_REQUEST_SIZE = env.int("DJANGO_UPLOAD_MAX_REQUEST_SIZE", default=30 * 1024 * 1024)
UPLOAD_MAX_FILE_SIZE = env.int("DJANGO_UPLOAD_MAX_FILE_SIZE", default=25 * 1024 * 1024)
# Uploaded files are not world-readable (liaison contacts, staff-only attachments): the owner
# writes, the web server's group reads, nobody else.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
FILE_UPLOAD_HANDLERS = [
    "core.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Django's defaults, stated: form fields per request and non-file body size.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Exports (core/importexport.py escapes formulae in every resource) -----------------
# Characters openpyxl cannot write (control characters) become U+FFFD instead of failing.
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True

# --- Cache --------------------------------------------------------------------------------
# One cache per process; public pages are keyed by the content version kept in PostgreSQL,
# so a save in one process invalidates the pages cached by every other (core/caching.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "near-portal",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # django-ratelimit's counters: shared by every process and incremented atomically, in
    # PostgreSQL (core/counter_cache.py, table core_rate_counter of core migration 0002).
    "ratelimit": {"BACKEND": "core.counter_cache.CounterCache", "LOCATION": "core_rate_counter"},
}
# Seconds a public page stays cached at most (a safety net: saves invalidate at once);
# 0 turns the page cache off. Off by default with DJANGO_DEBUG so template edits show at once.
PUBLIC_PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=0 if DEBUG else 600)

# --- Security ---------------------------------------------------------------------------
THIRD_PARTY_STYLE_ATTRIBUTES = ["border-top: 0", "padding: 0;", "font-weight: bold;"]


def csp_hash(value: str) -> str:
    """The CSP source expression allowing exactly this inline text."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(value.encode()).digest()).decode()}'"


# Content-Security-Policy (django-csp 4): no inline script or style anywhere, the admin
# included; a template that truly needs an inline script adds nonce="{{ request.csp_nonce }}"
# and the nonce joins the header (script-src lists NONCE).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Third-party admin templates (django-simple-history's history list, django-import-
        # export's export form) carry a few fixed style attributes; allow exactly those by hash.
        "style-src-attr": ["'unsafe-hashes'", *(csp_hash(value) for value in THIRD_PARTY_STYLE_ATTRIBUTES)],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Staff sessions end after an hour without activity: every request pushes the expiry on.
SESSION_COOKIE_AGE = int(timedelta(hours=1).total_seconds())
SESSION_SAVE_EVERY_REQUEST = True
# Database sessions; a lost database connection while saving one gives the 503 page, not a 400.
SESSION_ENGINE = "near_portal.sessions"

# HTTPS only in production (DJANGO_DEBUG off); `make run` and the tests stay on plain HTTP.
# Behind the TLS proxy, gunicorn trusts X-Forwarded-Proto from 127.0.0.1 (its
# forwarded_allow_ips default), so Django sees the request as secure.
SECURE_SSL_REDIRECT = not DEBUG
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# A year of HSTS for the whole domain, eligible for the browsers' preload list.
SECURE_HSTS_SECONDS = 0 if DEBUG else int(timedelta(days=365).total_seconds())
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
# The __Host- prefix binds a cookie to this exact host over HTTPS (no Domain, Path=/);
# browsers refuse such cookies over plain HTTP, so local work keeps Django's names.
if not DEBUG:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-django_language"

# django-axes: after 5 failed sign-ins for one username from one IP address, that pair is
# locked out for 15 minutes (axes' default never unlocks); HTTP 429 with a translated page.
# Locking the pair rather than the address alone keeps one mistyping colleague from
# locking the whole office, which shares one address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "near_portal.security.lockout_response"

# --- Rate limits (core/ratelimits.py, django-ratelimit) -------------------------------------
# Requests per client address that reach each group's views ("10/m": ten a minute; count,
# "/", an optional multiple and s, m, h or d). Active staff are not limited. Each is
# overridable from the environment: DJANGO_RATE_LIMIT_PDF=20/m, DJANGO_RATE_LIMIT_OPEN_DATA, ...
RATE_LIMIT_DEFAULTS = {
    "pdf": "10/m",  # the Charter's and Regulations' PDFs, dues statements: 1-4 s of CPU each
    "report": "20/m",  # published annual-report PDFs (a file of a few MB each)
    "open-data": "30/m",  # /open-data/ JSON and CSV, read from the record on each request
    "feed": "60/m",  # calendar feeds (?year= included); clients poll hourly
    # Pages whose query reaches far (?on= any day, the events' and documents' filters, the
    # directory's search), 100-250 ms each uncached; a page-cache hit is never counted.
    "page": "60/m",
}


def rate_setting(group: str, default: str) -> str:
    name = "DJANGO_RATE_LIMIT_" + group.upper().replace("-", "_")
    value = env.str(name, default=default).strip()
    if not re.fullmatch(r"[1-9][0-9]*/[0-9]*[smhd]", value):
        raise ImproperlyConfigured(f"{name}={value!r} is not a rate such as 10/m (a count, /, s, m, h or d).")
    return value


NEAR_RATE_LIMITS = {group: rate_setting(group, default) for group, default in RATE_LIMIT_DEFAULTS.items()}
# Requests of all clients together, for the groups the machine must bound whatever the number
# of clients: 24 clients at 10 PDFs a minute each would keep both cores rendering. 20 PDFs a
# minute is a third of two cores; page-cache hits (the same PDF again) are not counted.
# DJANGO_RATE_LIMIT_PDF_ALL_CLIENTS=40/m changes it.
RATE_LIMIT_ALL_CLIENTS_DEFAULTS = {"pdf": "20/m"}
NEAR_RATE_LIMITS_ALL_CLIENTS = {
    group: rate_setting(f"{group}-all-clients", default) for group, default in RATE_LIMIT_ALL_CLIENTS_DEFAULTS.items()
}
# Requests of a group each process serves at once (a PDF holds a core for 1-4 s): one more
# is refused at once with the 429 page, so gunicorn's other threads stay free for the pages.
NEAR_RATE_LIMITS_AT_ONCE = {"pdf": env.int("DJANGO_RATE_LIMIT_PDF_AT_ONCE", default=1)}
# Off only for a benchmark's load generator, one client asking thousands of times (docs/benchmarks.md).
RATELIMIT_ENABLE = env.bool("DJANGO_RATE_LIMITS", default=True)
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "core.ratelimits.client_address"
# Addresses (or networks) of the proxies in front of gunicorn whose NEAR_CLIENT_IP_HEADER is
# believed: by default this host only (make serve listens on 127.0.0.1 behind nginx or Caddy).
NEAR_TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
for _proxy in NEAR_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"DJANGO_TRUSTED_PROXIES: {_proxy!r} is not an address or a network such as 10.0.0.0/8."
        ) from None
NEAR_CLIENT_IP_HEADER = env.str("DJANGO_CLIENT_IP_HEADER", default="X-Forwarded-For")
# django-ratelimit is used as a library, not an installed app: its system check warns about
# every cache but memcached's and Redis's; core.ratelimits checks instead that the cache is
# one that every process shares and that increments atomically (core.counter_cache is).

LOGIN_URL = "admin:login"

# --- E-mail (liaison officers' invitations) ------------------------------------------------
# Printed on the console in local work; sent by SMTP in production.
if DEBUG:
    EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
else:
    EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("DJANGO_EMAIL_HOST_PASSWORD", default="")
# STARTTLS on the submission port; set DJANGO_EMAIL_USE_TLS=0 only for a relay on localhost.
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="NEAR Secretariat <secretariat@localhost>")
# An invitation link to a liaison officer's account works once, for this many seconds.
LIAISON_INVITATION_MAX_AGE = env.int(
    "DJANGO_LIAISON_INVITATION_SECONDS", default=int(timedelta(days=7).total_seconds())
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_without_traceback": {"()": "near_portal.log.ClientErrorsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    # A refused request (403, 404) is one line in the log; 5xx keep their traceback.
    "loggers": {"django.request": {"filters": ["client_errors_without_traceback"]}},
}

# --- Spreadsheets (django-import-export) ---------------------------------------------------
# Every import runs row by row inside one transaction (formats: core/importexport.py).
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Django 6 behaviour now: URL fields without a scheme mean https.
FORMS_URLFIELD_ASSUME_HTTPS = True
