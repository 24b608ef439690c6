"""`manage.py check --deploy` passes under production settings, warnings included."""

from __future__ import annotations

import os
import subprocess
import sys

from tabara.core.tests.test_settings import BASE_ENV


def deploy_check(**extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TABARA_", "DATABASE_URL"))}
    env.update(BASE_ENV, TABARA_ALLOWED_HOSTS="tabara.example.org", **extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_behind_the_proxy() -> None:
    result = deploy_check(TABARA_PROXY_HOPS="1")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_secure_cookies_and_hsts_stay_on_when_the_proxy_does_the_redirect() -> None:
    """Django's own redirect is optional behind nginx; its only warning is W008 (redirect)."""
    result = deploy_check(TABARA_PROXY_HOPS="1", TABARA_SSL_REDIRECT="false")
    assert "security.W008" in result.stderr
    for check in ("W004", "W012", "W016"):  # HSTS, Secure session and CSRF cookies
        assert f"security.{check}" not in result.stderr
