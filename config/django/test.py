"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config.django.base import *  # noqa: F403
from config.django.base import VAR_DIR, sqlite_database
from config.env import env_str

DEBUG = False
SECRET_KEY = "test-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz0123456789"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
TABARA_SITE_URL = "https://tabara.test"
_url = env_str("DATABASE_URL")
DATABASES: dict[str, object]
# A SQLite URL gets the same WAL and locking settings as production (production.py).
if _url.startswith("sqlite:///"):
    DATABASES = {"default": sqlite_database(Path(_url.removeprefix("sqlite:///")))}
else:
    DATABASES = {
        "default": dj_database_url.parse(_url)
        if _url
        else sqlite_database(VAR_DIR / "test.sqlite3")
    }
TABARA_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE="]
TABARA_BACKUP_KEYS = ["dGVzdC1vbmx5LWJhY2t1cC1rZXktMDAwMDAwMDAwMDE="]
TABARA_RECEIPT_SALT = "test-receipt-salt"
TABARA_SEARCH_KEY = "test-search-key"
# Audit chain keys: the first signs new events and anchors, all verify.
TABARA_AUDIT_KEYS = ["test-only-audit-key-0123456789abcdef"]
TABARA_PHONE_HASH_KEY = "test-phone-hash-key"
TABARA_GATEWAY_SECRET = "test-gateway-secret"  # noqa: S105 - test-only value
# Fast hashes keep the suite quick; production uses Argon2 (base.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
RECEIPT_HASH_TIME_COST = 1
RECEIPT_HASH_MEMORY_KIB = 1024
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
