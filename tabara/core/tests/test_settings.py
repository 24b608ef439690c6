"""Production refuses to start without its secrets, or with weak or malformed ones.

Also: the root redirects by browser language.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.django.production",
    # What `secrets.token_urlsafe(48)` and friends print (docs/deploy.md); test-only values.
    "TABARA_SECRET_KEY": "t3st-0nly-Qm9Wz8Xc7Vb6Nn5Mm4Ll3Kk2Jj1Hh0Gg9Ff8Ee7Dd6Cc5Bb4Aa",
    "TABARA_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE=",
    "TABARA_RECEIPT_SALT": "t3st-0nly-receipt-salt-Zx8Cv7Bn6Mq5Wr4Et3",
    "TABARA_PHONE_HASH_KEY": "t3st-0nly-phone-key-Pl9Ok8Ij7Uh6Yg5Tf4Rd3",
    "TABARA_SEARCH_KEY": "t3st-0nly-search-key-Mn8Bv7Cx6Zl5Kj4Hg3Fd2",
    "TABARA_AUDIT_KEYS": "t3st-0nly-audit-key-Wq2Er3Ty4Ui5Op6As7Df8",
    "TABARA_GATEWAY_SECRET": "t3st-0nly-gateway-Aq1Sw2De3Fr4Gt5Hy6Ju7",
    "TABARA_BACKUP_KEYS": "dGVzdC1vbmx5LWJhY2t1cC1rZXktMDAwMDAwMDAwMDE=",
    "DATABASE_URL": "sqlite:////tmp/never-created.sqlite3",
    "TABARA_SITE_URL": "https://tabara.example.org",
}


def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TABARA_", "DATABASE_URL"))}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; settings.SECRET_KEY",
        ],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_starts_with_everything_set() -> None:
    assert start(BASE_ENV).returncode == 0


@pytest.mark.parametrize(
    "missing",
    [
        "TABARA_SECRET_KEY",
        "TABARA_ENCRYPTION_KEYS",
        "TABARA_RECEIPT_SALT",
        "TABARA_PHONE_HASH_KEY",
        "TABARA_SEARCH_KEY",
        "TABARA_AUDIT_KEYS",
        "TABARA_GATEWAY_SECRET",
        "TABARA_BACKUP_KEYS",
        "DATABASE_URL",
        "TABARA_SITE_URL",
    ],
)
def test_production_refuses_to_start_without_a_secret(missing) -> None:
    result = start({k: v for k, v in BASE_ENV.items() if k != missing})
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


@pytest.mark.parametrize("typed", ["tabara.example.org", "https://tabara.example.org/en/"])
def test_production_refuses_a_site_address_that_is_not_scheme_and_host(typed) -> None:
    result = start({**BASE_ENV, "TABARA_SITE_URL": typed})
    assert result.returncode != 0
    assert "TABARA_SITE_URL must be like https://tabara.example.org" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TABARA_SECRET_KEY", "x"),
        ("TABARA_SECRET_KEY", "x" * 80),
        ("TABARA_SECRET_KEY", "django-insecure-" + "abcdefghijklmnopqrstuvwxyz0123456789"),
        ("TABARA_RECEIPT_SALT", "salt"),
        ("TABARA_PHONE_HASH_KEY", "changeme"),
        ("TABARA_GATEWAY_SECRET", "gateway"),
        ("TABARA_GATEWAY_SECRET", "has/a/slash-0123456789abcdefghijklmnopq"),
        ("TABARA_AUDIT_KEYS", "audit-key"),
        ("TABARA_AUDIT_KEYS", "t3st-0nly-audit-key-Wq2Er3Ty4Ui5Op6As7Df8,short-retired-key"),
        ("TABARA_ENCRYPTION_KEYS", "not-a-key"),
        ("TABARA_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE=,c2hvcnQ="),
        ("TABARA_ENCRYPTION_KEYS", "MDEyMzQ1Njc4OWFiY2RlZg=="),  # 16 bytes, not 32
        (
            "TABARA_ENCRYPTION_KEYS",
            "dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE=,dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE=",
        ),
        ("TABARA_BACKUP_KEYS", "not-a-backup-key"),
        ("TABARA_BACKUP_KEYS", "dGVzdC1vbmx5LWJhY2t1cC1rZXktMDAwMDAwMDAwMDE=,c2hvcnQ="),
    ],
)
def test_production_refuses_weak_or_malformed_secrets_naming_them(variable, value) -> None:
    result = start({**BASE_ENV, variable: value})
    assert result.returncode != 0
    assert variable in result.stderr.strip().splitlines()[-1]
    if len(value) > 4:
        assert value not in result.stderr  # a secret is never echoed, even a weak one


@pytest.mark.parametrize(
    ("accept", "target"),
    [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB", "/en/"), ("rw", "/rw/"), ("de", "/rw/")],
)
def test_root_redirects_to_the_browser_language(accept, target) -> None:
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == target
