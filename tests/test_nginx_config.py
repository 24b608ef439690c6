"""deploy/nginx/tabara.conf: nginx accepts it, and its access log names nobody (issue #10).

The file is copied as it is, with only what a test machine needs changed (each change is
asserted to apply, so an edit of those lines is noticed): log and certificate paths into a
temporary folder, listening addresses onto free local ports, the upstream onto a small
HTTP server that records the headers it was sent. nginx then runs it for real, and the
log lines of real requests are read.

How it fails: the file used `http2 on;`, a directive of nginx 1.25.1 and later; Debian
12's nginx 1.22 refused it ("unknown directive "http2"") and the first test failed.
Logging `$remote_addr` or `$request` (the raw request line) makes the second fail, naming
the address, the user agent or the gateway secret found in the log.

nginx comes from Debian (`make system-deps` installs nginx-light); without it both tests
are skipped and say so.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CONF = Path(__file__).resolve().parents[1] / "deploy/nginx/tabara.conf"
HOST = "tabara.example.org"
SECRET = "t3st-0nly-gateway-Aq1Sw2De3Fr4Gt5Hy6Ju7"


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        pytest.skip("nginx is not installed (`make system-deps` installs Debian's nginx-light)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def certificate(folder: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(hours=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, f"deploy/nginx/tabara.conf no longer has {old!r}; update this test"
    return text.replace(old, new)


def prepare(folder: Path, *, https: int, http_port: int, upstream: int) -> Path:
    """The deploy config under a test prefix; returns the main nginx.conf."""
    certificate(folder)
    site = CONF.read_text()
    site = replaced(site, "/var/log/nginx/", f"{folder}/")
    site = replaced(site, f"/etc/letsencrypt/live/{HOST}/", f"{folder}/")
    site = replaced(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
    site = replaced(site, "listen [::]:443 ssl http2;", "")
    site = replaced(site, "listen 80;", f"listen 127.0.0.1:{http_port};")
    site = replaced(site, "listen [::]:80;", "")
    site = replaced(
        site, "proxy_pass http://127.0.0.1:8000;", f"proxy_pass http://127.0.0.1:{upstream};"
    )
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    main.write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\n  client_body_temp_path {folder}/body;\n  proxy_temp_path {folder}/proxy;\n"
        f"  include {folder}/site.conf;\n}}\n"
    )
    return main


class Upstream(BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:
        Upstream.seen.append(dict(self.headers.items()))
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815 - the name http.server calls

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def upstream() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    Upstream.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


def test_nginx_accepts_the_deploy_config(tmp_path: Path) -> None:
    nginx = nginx_binary()
    main = prepare(tmp_path, https=free_port(), http_port=free_port(), upstream=free_port())
    result = subprocess.run(  # noqa: S603 - the system's nginx, a file of ours
        [nginx, "-t", "-p", str(tmp_path), "-c", str(main)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@pytest.mark.timeout_sensitive
def test_the_access_log_names_no_client_and_hides_the_gateway_secret(
    tmp_path: Path, upstream: int
) -> None:
    nginx = nginx_binary()
    https = free_port()
    main = prepare(tmp_path, https=https, http_port=free_port(), upstream=upstream)
    process = subprocess.Popen(  # noqa: S603 - the system's nginx, a file of ours
        [nginx, "-p", str(tmp_path), "-c", str(main), "-g", "daemon off;"]
    )
    try:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", https), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        headers = {
            "Host": HOST,
            "User-Agent": "SyntheticPhone/1.0",
            "Referer": "https://referrer.example/page",
            "X-Forwarded-For": "203.0.113.9",
        }
        for method, path in (
            ("GET", "/en/report/?q=private-query"),
            ("POST", f"/gateway/{SECRET}/ussd"),
            ("POST", f"/gateway/{SECRET}"),
        ):
            connection = http.client.HTTPSConnection("127.0.0.1", https, context=context)
            connection.request(
                method, path, body=b"text=1" if method == "POST" else None, headers=headers
            )
            assert connection.getresponse().status == 200
            connection.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    log = (tmp_path / "tabara-access.log").read_text()
    lines = log.strip().splitlines()
    assert len(lines) == 3, log
    assert '"GET /en/report/" 200' in lines[0]
    assert '"POST /gateway/[secret]/ussd" 200' in lines[1]
    assert '"POST /gateway/[secret]" 200' in lines[2]
    for private in (
        SECRET,
        "127.0.0.1",
        "203.0.113.9",
        "SyntheticPhone",
        "referrer",
        "private-query",
    ):
        assert private not in log, f"the access log holds {private!r}"
    # The app sees exactly one trusted hop: nginx overwrote the forged X-Forwarded-For.
    assert [h.get("X-Forwarded-For") for h in Upstream.seen] == ["127.0.0.1"] * 3
    assert {h.get("X-Forwarded-Proto") for h in Upstream.seen} == {"https"}
