"""Settings shared by every environment. Secrets and hosts come from the environment modules."""

from __future__ import annotations

from pathlib import Path

from django.conf import locale
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("TABARA_VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "tabara.core",
    "tabara.geo",
    "tabara.accounts",
    "tabara.audit",
    "tabara.intake",
    "tabara.screening",
    "tabara.cases",
    "tabara.referrals",
    "tabara.notifications",
    "tabara.prevalence",
    "tabara.awareness",
    "tabara.operations",
    "tabara.privacy",
    "tabara.search",
    "tabara.linkage",
    "tabara.networks",
    "tabara.attachments",
    "tabara.dashboards",
    "tabara.recruitment",
    "tabara.opendata",
]

# Background work (alert delivery, estimations, newsletters) runs through Django's tasks
# framework (the django-tasks backport) on its database backend: no extra server needed.
# `manage.py db_worker` runs the queue; `make run` starts one.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An identifier in more records than this (a bus company's number, a big hotel) is a hub:
# it alerts nobody and is listed for analysts instead (docs/networks.md).
TABARA_NETWORK_HUB_CAP = env_int("TABARA_NETWORK_HUB_CAP", 20)

# Outbound SMS through Africa's Talking (tabara/notifications/africastalking.py).
USE_AFRICASTALKING = env_bool("TABARA_USE_AFRICASTALKING", default=False)
AFRICASTALKING = {
    # Empty: the live host, or the sandbox host for the "sandbox" application.
    "base_url": env_str("TABARA_AFRICASTALKING_BASE_URL"),
    "username": env_str("TABARA_AFRICASTALKING_USERNAME", "sandbox"),
    "api_key": env_str("TABARA_AFRICASTALKING_API_KEY"),
    "sender_id": env_str("TABARA_AFRICASTALKING_SENDER_ID"),
    "timeout": env_int("TABARA_AFRICASTALKING_TIMEOUT", 10),
}
DEFAULT_FROM_EMAIL = env_str("TABARA_FROM_EMAIL", "Tabara <no-reply@tabara.invalid>")

MIDDLEWARE = [
    "tabara.core.middleware.PublicCookieStripMiddleware",
    # HTML leaves compressed (docs/security.md, "Compression and BREACH").
    "django.middleware.gzip.GZipMiddleware",
    "tabara.core.middleware.ErrorPageMiddleware",
    "tabara.core.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tabara.core.middleware.PublicSessionGuardMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
CSRF_FAILURE_VIEW = "tabara.core.errors.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tabara" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tabara.core.context_processors.languages",
                "tabara.accounts.context_processors.staff_nav",
                "tabara.notifications.context_processors.unread_notifications",
            ],
        },
    },
]
# Every form's optional fields say "(optional)" in their label (tabara/core/labels.py).
FORM_RENDERER = "tabara.core.labels.Renderer"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Kinyarwanda is not among Django's bundled languages: describe it so that
# get_language_info(), the switcher and the locale middleware know it.
locale.LANG_INFO["rw"] = {
    "bidi": False,
    "code": "rw",
    "name": "Kinyarwanda",
    "name_local": "Ikinyarwanda",
}
LANGUAGE_CODE = "rw"
LANGUAGES = [
    ("rw", _("Kinyarwanda")),
    ("en", _("English")),
    ("fr", _("French")),
]
# Kinyarwanda's date formats (Django has none): tabara/core/formats/rw/formats.py.
FORMAT_MODULE_PATH = ["tabara.core.formats"]
LOCALE_PATHS = [Path(env_str("TABARA_LOCALE_DIR", str(BASE_DIR / "tabara" / "locale")))]
USE_I18N = True
USE_TZ = True
# Rwanda's time (UTC+2, no daylight saving): every page, email and SMS shows times in it;
# the database stores UTC. tabara/core/times.py formats times for texts outside templates.
TIME_ZONE = "Africa/Kigali"

# The agencies' statistics are read from an analytic snapshot (DuckDB), rebuilt by the worker
# (`manage.py dashboards_refresh --loop`); tabara/dashboards/snapshot.py.
DASHBOARDS_SNAPSHOT = VAR_DIR / "dashboards" / "snapshot.duckdb"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"

# Failed sign-ins are throttled per account by tabara/accounts/throttle.py, with a message
# that says so; django-otp's own silent per-device throttle would refuse a right code.
OTP_TOTP_THROTTLE_FACTOR = 0
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Staff pages need an Origin header for Django's CSRF check ("no-referrer" makes Chromium
# send "Origin: null"); public pages override this with no-referrer (core/public.py).
SECURE_REFERRER_POLICY = "same-origin"

# Rate-limit counters live in a store every worker and host shares: the database cache
# (created by a migration of tabara.core), or Redis in production when TABARA_REDIS_URL is
# set. Their keys are keyed hashes that rotate (tabara/core/ratelimit.py): no address is
# stored. django-ratelimit warns that the database cache's increment is not atomic: two
# racing requests can count once, so a burst may pass a few more POSTs than the budget; the
# budgets below are not that tight (docs/security.md, "Rate limits").
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tabara_cache",
    },
}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "tabara.core.ratelimit.pseudonymous_address"
# Trusted reverse proxies in front of the app (production reads TABARA_PROXY_HOPS).
TABARA_PROXY_HOPS = 0
# POSTs per address and minute, by form. Generous: a mobile carrier puts many people behind
# one address. A script replaying one form, or one text, meets PUBLIC_FORM_RATE_LIMITS.
PUBLIC_RATE_LIMITS = {
    "default": "60/m",
    "report-submit": "120/m",
    "receipt-guess": "60/m",
    "followup-thread": "30/m",
    "self-check": "60/m",
    "screening-api": "60/m",
    # Awareness pages: comments and sign-ups are the spam targets; one-time test codes and
    # signed links are unguessable, so their limits only slow down a broken script.
    "awareness-read": "60/m",
    "awareness-comment": "30/m",
    "awareness-subscribe": "30/m",
    "awareness-link": "20/m",
    "awareness-test": "60/m",
    "agency-lookup": "60/m",
    "offer-check": "60/m",
    "statistics": "60/m",
}
PUBLIC_FORM_RATE_LIMITS = {"token": "3/10m", "content": "3/10m"}
# The same text sent again is counted only where what is typed is stored or mailed; two
# people giving the same answers to the self-check are not a flood.
PUBLIC_CONTENT_LIMITED_GROUPS = {
    "report-submit",
    "followup-thread",
    "awareness-comment",
    "awareness-subscribe",
}

# Receipt codes are hashed with Argon2id and a site-wide salt so that a receipt
# can be looked up by its hash; see docs/security.md for the chosen cost.
RECEIPT_HASH_TIME_COST = env_int("TABARA_RECEIPT_HASH_TIME_COST", 1)
RECEIPT_HASH_MEMORY_KIB = env_int("TABARA_RECEIPT_HASH_MEMORY_KIB", 4096)
FOLLOWUP_IDLE_SECONDS = 30 * 60
# USSD and SMS gateway callbacks: sessions idle this long are dropped (operators end them
# after 120-180 s); an optional allow-list of gateway addresses adds to the URL secret.
USSD_SESSION_IDLE_SECONDS = 5 * 60
# An ended session keeps its last reply this long, so a gateway retry gets the same screen.
USSD_REPLY_KEEP_SECONDS = 15 * 60
# Without an end-of-session notice, a session is taken as still live this long after a hop.
USSD_LIVE_SECONDS = 180
TABARA_GATEWAY_ALLOWED_IPS = env_list("TABARA_GATEWAY_ALLOWED_IPS")
REPORT_PAGE_BUDGET_BYTES = 14 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # Every line, tracebacks included, with the gateway secret redacted.
        "plain": {
            "()": "tabara.core.logfilters.RedactingFormatter",
            "format": "{asctime} {levelname} {name} {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # The development server's request lines carry no client address; keep them.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


def sqlite_database(path: Path) -> dict[str, object]:
    """An embedded SQLite database in WAL mode, durable on commit (synchronous=FULL)."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Reusing a connection skips re-opening the file and re-running the PRAGMAs.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=30000;"
            ),
        },
    }
