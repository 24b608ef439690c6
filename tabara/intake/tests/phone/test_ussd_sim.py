"""`tabara ussd-sim` plays the gateway against a server and shows each screen."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from tabara.cli import main as tabara_main
from tabara.intake import ussd_sim
from tabara.intake.models import Report


def django_post(url: str, fields: dict[str, str]) -> str:
    path = url.split("://", 1)[1].split("/", 1)[1]
    return Client().post("/" + path, fields).content.decode()


@pytest.mark.django_db
def test_a_whole_report_from_the_keyboard(geography) -> None:
    args = ussd_sim.parser().parse_args(["--secret", "test-gateway-secret"])
    out = io.StringIO()
    keys = io.StringIO("4\n2\n1\n1\n8\n1\n2\n1\n2\n1\n")
    assert ussd_sim.run(args, post=django_post, keys=keys, out=out) == 0
    shown = out.getvalue()
    assert "| Tabara: kurwanya icuruzwa ry'a |" in shown
    assert "| Thank you! Your receipt:" in shown and "/160 characters" in shown
    assert Report.objects.get().channel == "ussd"


@pytest.mark.django_db
def test_hanging_up_and_a_wrong_secret() -> None:
    args = ussd_sim.parser().parse_args(["--secret", "test-gateway-secret"])
    out = io.StringIO()
    assert ussd_sim.run(args, post=django_post, keys=io.StringIO("3\n"), out=out) == 0
    assert "(cancelled)" in out.getvalue()
    wrong = ussd_sim.parser().parse_args(["--secret", "nope"])
    assert ussd_sim.run(wrong, post=django_post, keys=io.StringIO(""), out=out) == 1
    assert "not a USSD reply" in out.getvalue()


def test_unreachable_server_is_reported(capsys) -> None:
    assert tabara_main(["ussd-sim", "--url", "http://127.0.0.1:9"]) == 1
    assert "could not reach" in capsys.readouterr().out
    assert (
        ussd_sim.run(
            ussd_sim.parser().parse_args(["--url", "ftp://x"]),
            post=ussd_sim.http_post,
            keys=io.StringIO(),
            out=io.StringIO(),
        )
        == 1
    )


def test_http_post_speaks_form_encoding_to_a_real_server() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"END Bye")

        def log_message(self, format: str, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/gateway/s/ussd"
        assert ussd_sim.http_post(url, {"text": "1*2"}) == "END Bye"
    finally:
        server.shutdown()
        server.server_close()
    assert seen == [b"text=1%2A2"]
