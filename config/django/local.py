"""Settings for `make run`: embedded SQLite, demo data, development keys.

The keys below are public on purpose: they protect only synthetic demo data on a
developer's machine. Production reads its own keys from the environment.
"""

from __future__ import annotations

from config.django.base import *  # noqa: F403
from config.django.base import VAR_DIR, sqlite_database
from config.env import env_str

DEBUG = True
SECRET_KEY = "local-development-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
TABARA_SITE_URL = "http://127.0.0.1:8000"
DATABASES = {"default": sqlite_database(VAR_DIR / "tabara.sqlite3")}
# Field-encryption keys (urlsafe base64 of 32 bytes); the first seals, all open.
TABARA_ENCRYPTION_KEYS = ["bG9jYWwtZGV2LW9ubHktZmVybmV0LWtleS0wMDAwMDE="]
TABARA_RECEIPT_SALT = "local-development-receipt-salt"
TABARA_SEARCH_KEY = "local-development-search-key"
# Audit chain keys: the first signs new events and anchors, all verify.
TABARA_AUDIT_KEYS = ["local-development-audit-key-0123456789"]
TABARA_PHONE_HASH_KEY = "local-development-phone-hash-key"
TABARA_GATEWAY_SECRET = "local-gateway-secret"  # noqa: S105 - public on purpose, see above
EMAIL_BACKEND = env_str("TABARA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Backup archives are sealed with the first key (urlsafe base64 of 32 bytes); all open them.
TABARA_BACKUP_KEYS = ["bG9jYWwtZGV2LW9ubHktYmFja3VwLWtleS0wMDAwMDE="]
