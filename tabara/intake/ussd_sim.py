"""`tabara ussd-sim`: walk the USSD menus from a keyboard, with this program as the gateway.

It POSTs to a running Tabara exactly as Africa's Talking does (sessionId, serviceCode,
phoneNumber, networkCode and every input so far joined by `*`), prints each screen and
reads the next keypress. Useful for demos and training without a phone or an operator.

    tabara ussd-sim --url http://127.0.0.1:8000 --secret local-gateway-secret
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from typing import TextIO

Post = Callable[[str, dict[str, str]], str]
WIDTH = 30  # a feature phone's screen is narrow; frame the text like one


def http_post(url: str, fields: dict[str, str]) -> str:
    if not url.startswith(("http://", "https://")):
        raise ValueError("the URL must start with http:// or https://")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, data=urllib.parse.urlencode(fields).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return str(response.read().decode("utf-8"))


def run(args: argparse.Namespace, *, post: Post, keys: TextIO, out: TextIO) -> int:
    """Play one session; return 0 when the server ended it, 1 on a protocol or network error."""
    url = f"{args.url.rstrip('/')}/gateway/{args.secret}/ussd"
    session_id = f"ATUid_sim_{uuid.uuid4().hex}"
    inputs: list[str] = []
    while True:
        fields = {
            "sessionId": session_id,
            "serviceCode": args.service_code,
            "phoneNumber": args.phone,
            "networkCode": "99999",
            "text": "*".join(inputs),
        }
        try:
            reply = post(url, fields)
        except (OSError, ValueError, urllib.error.URLError) as exc:
            out.write(f"! gateway could not reach {url}: {exc}\n")
            return 1
        if not reply.startswith(("CON ", "END ")):
            out.write(f"! not a USSD reply: {reply[:80]!r}\n")
            return 1
        out.write(_frame(reply[4:], len(reply) - 4))
        if reply.startswith("END "):
            return 0
        out.write("> ")
        out.flush()
        line = keys.readline()
        if not line:  # end of input: the person hung up
            out.write("\n(cancelled)\n")
            return 0
        inputs.append(line.rstrip("\r\n"))


def _frame(body: str, length: int) -> str:
    rule = "+" + "-" * (WIDTH + 2) + "+"
    lines = [rule]
    for line in body.split("\n"):
        while len(line) > WIDTH:
            lines.append(f"| {line[:WIDTH]} |")
            line = line[WIDTH:]
        lines.append(f"| {line.ljust(WIDTH)} |")
    lines += [rule, f"  {length}/160 characters"]
    return "\n".join(lines) + "\n"


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="tabara ussd-sim", description=__doc__.split("\n")[0])
    parse.add_argument("--url", default="http://127.0.0.1:8000", help="Tabara's base URL")
    parse.add_argument("--phone", default="+250788000000", help="the caller's number")
    parse.add_argument("--secret", default="local-gateway-secret", help="gateway URL secret")
    parse.add_argument("--service-code", default="*384*123#")
    return parse


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return run(args, post=http_post, keys=sys.stdin, out=sys.stdout)
