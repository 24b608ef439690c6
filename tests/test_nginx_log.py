"""The nginx setting in deploy/ keeps the gateway secret, clients and query strings out of its log.

The `map` and `log_format` of deploy/nginx/tabara.conf are copied verbatim into a minimal
configuration that a real nginx (Debian's) serves on a free local port; a successful gateway
callback and a public page are requested, and the access log nginx wrote is read back.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx" / "tabara.conf"
SECRET = "s3cret-Gateway-Value-42"
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)

pytestmark = pytest.mark.skipif(NGINX is None, reason="Debian's nginx is not installed")


def directives(text: str) -> str:
    """The project's `map { ... }` block and `log_format ...;` statement, as written."""
    mapping = re.search(r"^map \$uri \$tabara_logged_uri \{.*?^\}", text, re.S | re.M)
    log_format = re.search(r"^log_format tabara .*?;", text, re.S | re.M)
    assert mapping and log_format, "deploy/nginx/tabara.conf lost its log settings"
    assert re.search(r"access_log \S+ tabara;", text), "the site must log with this format"
    return f"{mapping.group(0)}\n{log_format.group(0)}\n"


def test_the_proxy_log_holds_no_secret_no_client_and_no_query(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    temp = "".join(
        f"{kind}_temp_path {tmp_path}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n{temp}{directives(CONF.read_text())}"
        f"server {{ listen 127.0.0.1:{port}; access_log {tmp_path}/access.log tabara;"
        " location / { return 200 'ok'; } }\n}\n"
    )
    with (tmp_path / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(  # noqa: S603 - Debian's nginx with a file written above
            [str(NGINX), "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
            stderr=stderr,
        )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "stderr.log").read_text()
                time.sleep(0.1)
        callbacks = [f"/gateway/{SECRET}/sms/delivery?id=ATXid_1", f"/gateway/{SECRET}/ussd"]
        for path in [*callbacks, "/rw/report/?from=search"]:
            data = b"x=1" if "gateway" in path else None
            url = f"http://127.0.0.1:{port}{path}"
            with urllib.request.urlopen(url, data=data) as reply:
                assert reply.status == 200
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: the log is flushed
        process.wait(timeout=30)
    log = (tmp_path / "access.log").read_text()
    assert len(log.splitlines()) == 3
    assert SECRET not in log
    assert '"POST /gateway/[secret]/sms/delivery" 200' in log
    assert '"POST /gateway/[secret]/ussd" 200' in log
    assert '"GET /rw/report/" 200' in log
    assert "127.0.0.1" not in log and "from=search" not in log and "ATXid" not in log
