"""Production settings on PostgreSQL under gunicorn with the repository's config, over HTTP.

A report is submitted, opened with its receipt, then read by staff who sign in with a
password and a TOTP code. The test plays the TLS proxy of docs/deploy.md: it sends
X-Forwarded-Proto and X-Forwarded-For, and TABARA_PROXY_HOPS=1 makes Django trust them.

It runs in .ci/run's PostgreSQL pass (DATABASE_URL set to PostgreSQL). On SQLite it is
skipped: bench/crash.py (tests/test_benchmarks.py) and tests/test_gunicorn.py already run
this gunicorn configuration with production settings on SQLite, and a second migrated
database would add a minute to every local run.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import secrets
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from bench.harness import ROOT, start_server
from tabara.core.tests.test_settings import BASE_ENV
from tabara.core.totp_now import code_for

HOST = "tabara.test"
TEXT = "Smoke test: a recruiter promised hotel work in Muscat (synthetic)."
PASSWORD = "smoke-test-password-0123"
CREATE_STAFF = """
from tabara.accounts.models import Organization
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create
org = Organization.objects.create(short_name="SMOKE", name="Smoke test", kind="investigation")
staff_user_create(username="smoke", password="{password}", organization=org,
                  roles=[Role.INTAKE_OFFICER], totp_key="{key}")
"""


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("runs in the PostgreSQL pass of .ci/run; SQLite: see the module docstring")
    return url


class Browser:
    """Just enough of a browser behind the proxy: cookies, forwarded headers, no redirects."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def send(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[http.client.HTTPResponse, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        head = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "198.51.100.23",
            **(headers or {}),
        }
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(form).encode() if form is not None else None
        if body is not None:
            head["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=head)
        response = conn.getresponse()
        payload = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value
        conn.close()
        return response, payload


def field(page: bytes, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"'.encode(), page)
    assert found, name
    return found.group(1).decode()


@pytest.mark.timeout_sensitive
def test_report_receipt_and_staff_reading_over_http_on_postgresql(tmp_path: Path) -> None:
    url = postgres_url()
    base, _, _name = url.rpartition("/")
    smoke_db = f"{_name}_smoke"
    admin = [sys.executable, "-c"]
    reset = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        f"    c.execute('DROP DATABASE IF EXISTS {smoke_db} WITH (FORCE)')\n"
        f"    c.execute('CREATE DATABASE {smoke_db}')\n"
    )
    subprocess.run([*admin, reset, url], check=True)  # noqa: S603
    key = base64.b32encode(secrets.token_bytes(20)).decode()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TABARA_", "DATABASE_URL"))}
    env.update(
        BASE_ENV,
        DJANGO_SETTINGS_MODULE="config.django.production",
        DATABASE_URL=f"{base}/{smoke_db}",
        TABARA_ALLOWED_HOSTS=HOST,
        TABARA_SITE_URL=f"https://{HOST}",
        TABARA_PROXY_HOPS="1",
        TABARA_VAR_DIR=str(tmp_path),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603
    script = CREATE_STAFF.format(password=PASSWORD, key=base64.b32decode(key).hex())
    subprocess.run([*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True)  # noqa: S603

    server = start_server(workers=1, var_dir=tmp_path, prepare=False, env=env)
    try:
        public = Browser(server.port)
        response, page = public.send("GET", "/en/report/", headers={"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
        assert "max-age=31536000" in response.getheader("Strict-Transport-Security", "")
        _response, page = public.send("GET", "/en/report/")
        form = {"what_happened": TEXT, "form_token": field(page, "form_token")}
        response, page = public.send("POST", "/en/report/", form)  # no Origin: the token vouches
        assert response.status == 200, page[:500]
        receipt = re.search(rb'id="receipt">([\d ]+)<', page)
        assert receipt
        assert not public.cookies  # a reporter gets no cookie

        _response, page = public.send("GET", "/en/follow-up/")
        form = {"receipt": receipt.group(1).decode(), "form_token": field(page, "form_token")}
        response, page = public.send("POST", "/en/follow-up/", form)
        assert response.status == 200 and b'id="status"' in page

        staff = Browser(server.port)
        _response, page = staff.send("GET", "/en/staff/sign-in/")
        form = {
            "csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
            "username": "smoke",
            "password": PASSWORD,
            "otp_token": code_for(key),
        }
        response, page = staff.send(
            "POST",
            "/en/staff/sign-in/",
            form,
            headers={"Origin": f"https://{HOST}", "Referer": f"https://{HOST}/"},
        )
        assert response.status == 302, page[:500]
        response, page = staff.send("GET", "/en/staff/reports/")
        assert response.status == 200
        link = re.search(rb'href="(/en/staff/reports/\d+/)"', page)
        assert link
        response, page = staff.send("GET", link.group(1).decode())
        assert response.status == 200 and TEXT.encode() in page
        response, page = staff.send("GET", "/healthz")
        assert response.status == 200 and b'"database": "ok"' in page
    finally:
        server.stop()
    assert "198.51.100.23" not in server.log()
