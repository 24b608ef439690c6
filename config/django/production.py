"""Production settings: every secret and host from the environment; no fallbacks.

Start-up stops, naming the variable, when a secret is missing, weak or malformed.
Behind a TLS-terminating reverse proxy (docs/deploy.md), TABARA_PROXY_HOPS says how many
proxies to trust: their X-Forwarded-Proto marks a request as HTTPS and their
X-Forwarded-For gives the client address, which only the rate limiter reads, in memory.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config.django.base import *  # noqa: F403
from config.django.base import MIDDLEWARE, sqlite_database
from config.env import (
    WeakSettingError,
    env_bool,
    env_int,
    env_keys,
    env_list,
    env_mandatory,
    env_secret,
    env_str,
    site_url,
)
from tabara.audit.chain import audit_key_check
from tabara.core.crypto import encryption_key_parse
from tabara.operations.sealed import key_decode

DATABASES: dict[str, object]

DEBUG = False
# The same thresholds as Django's own deployment check (security.W009), and more.
SECRET_KEY = env_secret("TABARA_SECRET_KEY", min_length=50)
if SECRET_KEY.startswith("django-insecure"):
    raise WeakSettingError("TABARA_SECRET_KEY is Django's placeholder: generate a new one.")
TABARA_ENCRYPTION_KEYS = env_keys("TABARA_ENCRYPTION_KEYS", encryption_key_parse)
TABARA_RECEIPT_SALT = env_secret("TABARA_RECEIPT_SALT", min_length=32)
TABARA_PHONE_HASH_KEY = env_secret("TABARA_PHONE_HASH_KEY", min_length=32)
TABARA_SEARCH_KEY = env_secret("TABARA_SEARCH_KEY", min_length=32)
# Keys of the audit chain's hashes and anchors: the first signs, all verify (docs/security.md).
TABARA_AUDIT_KEYS = env_keys("TABARA_AUDIT_KEYS", audit_key_check)
TABARA_GATEWAY_SECRET = env_secret("TABARA_GATEWAY_SECRET", min_length=32)
if not TABARA_GATEWAY_SECRET.replace("-", "").replace("_", "").isalnum():
    raise WeakSettingError("TABARA_GATEWAY_SECRET must use only letters, digits, - and _.")
ALLOWED_HOSTS = env_list("TABARA_ALLOWED_HOSTS")
# Backup archives are sealed with the first key and opened with any (docs/backup.md). A server
# without a backup key would run without backups, so start-up stops instead.
TABARA_BACKUP_KEYS = env_keys("TABARA_BACKUP_KEYS", key_decode)
# Links in emails, SMS and in-app alerts are absolute: https://tabara.example.org/en/...
TABARA_SITE_URL = site_url(env_mandatory("TABARA_SITE_URL"))

_url = env_mandatory("DATABASE_URL")
if _url.startswith("sqlite:///"):
    DATABASES = {"default": sqlite_database(Path(_url.removeprefix("sqlite:///")))}
else:
    DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=60)}

# Rate-limit counters: the database cache (every worker and host shares the database) unless
# Redis is configured. See docs/security.md, "Rate limits".
_redis = env_str("TABARA_REDIS_URL")
if _redis:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis}
    }

TABARA_PROXY_HOPS = env_int("TABARA_PROXY_HOPS", 0)
if TABARA_PROXY_HOPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The redirect can be left to the proxy; cookies and HSTS stay HTTPS-only either way.
SECURE_SSL_REDIRECT = env_bool("TABARA_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("TABARA_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Static files (if any) come precompressed from WhiteNoise, right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("TABARA_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("TABARA_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env_str("TABARA_EMAIL_FROM", "tabara@localhost")
