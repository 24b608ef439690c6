"""Production settings: every secret and host from the environment; no fallbacks."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config.django.base import *  # noqa: F403
from config.django.base import sqlite_database
from config.env import env_bool, env_list, env_mandatory, env_str, site_url

DATABASES: dict[str, object]

DEBUG = False
SECRET_KEY = env_mandatory("TABARA_SECRET_KEY")
TABARA_ENCRYPTION_KEYS = env_mandatory("TABARA_ENCRYPTION_KEYS").split(",")
TABARA_RECEIPT_SALT = env_mandatory("TABARA_RECEIPT_SALT")
TABARA_PHONE_HASH_KEY = env_mandatory("TABARA_PHONE_HASH_KEY")
TABARA_SEARCH_KEY = env_mandatory("TABARA_SEARCH_KEY")
TABARA_GATEWAY_SECRET = env_mandatory("TABARA_GATEWAY_SECRET")
ALLOWED_HOSTS = env_list("TABARA_ALLOWED_HOSTS")
# Needed only by `manage.py backup` and `restore`, which refuse to run without it (docs/backup.md).
TABARA_BACKUP_KEYS = env_list("TABARA_BACKUP_KEYS")
# Links in emails, SMS and in-app alerts are absolute: https://tabara.example.org/en/...
TABARA_SITE_URL = site_url(env_mandatory("TABARA_SITE_URL"))

_url = env_mandatory("DATABASE_URL")
if _url.startswith("sqlite:///"):
    DATABASES = {"default": sqlite_database(Path(_url.removeprefix("sqlite:///")))}
else:
    DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=60)}

SECURE_SSL_REDIRECT = env_bool("TABARA_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL_REDIRECT else 0
EMAIL_BACKEND = env_str("TABARA_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("TABARA_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env_str("TABARA_EMAIL_FROM", "tabara@localhost")
