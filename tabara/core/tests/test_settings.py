"""Production refuses to start without its secrets; the root redirects by browser language."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.django.production",
    "TABARA_SECRET_KEY": "x" * 50,
    "TABARA_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZlcm5ldC1rZXktMDAwMDAwMDAwMDE=",
    "TABARA_RECEIPT_SALT": "salt",
    "TABARA_PHONE_HASH_KEY": "key",
    "TABARA_SEARCH_KEY": "search-key",
    "TABARA_GATEWAY_SECRET": "gateway",
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
        "TABARA_GATEWAY_SECRET",
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
    ("accept", "target"),
    [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB", "/en/"), ("rw", "/rw/"), ("de", "/rw/")],
)
def test_root_redirects_to_the_browser_language(accept, target) -> None:
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == target
