"""A fake Africa's Talking messaging server: real HTTP on 127.0.0.1, in a thread.

It speaks the same API as `POST {base}/version1/messaging` (form fields `username`, `to`,
`message`, `from`; header `apiKey`; JSON `SMSMessageData.Recipients`), records what it
accepted, can fail the first N requests with HTTP 500, can delay each answer, and drops a
repeated `Idempotency-Key` (answering as it did the first time).

    with FakeAfricasTalking(fail_first=1) as fake:
        settings.AFRICASTALKING = {**settings.AFRICASTALKING, "base_url": fake.base_url}
        ...
        assert fake.messages[0].to == ["+250788000111"]
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs


@dataclass(frozen=True)
class FakeSms:
    """One message the fake accepted."""

    username: str
    to: list[str]
    message: str
    sender: str
    api_key: str
    idempotency_key: str
    link_id: str = ""


@dataclass
class FakeAfricasTalking:
    """The fake server; use as a context manager, read `messages` and `requests`."""

    fail_first: int = 0
    delay: float = 0.0
    # Numbers answered with a per-recipient refusal, e.g. {"+250788000999": (403,
    # "InvalidPhoneNumber")}, as the real API answers inside a 201 response.
    refuse: dict[str, tuple[int, str]] = field(default_factory=dict)
    api_key: str = ""
    messages: list[FakeSms] = field(default_factory=list)
    requests: int = 0
    _seen: dict[str, bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeAfricasTalking:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode()
                status, body = fake.handle(self.path, dict(self.headers.items()), raw)
                if fake.delay:
                    time.sleep(fake.delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client died waiting (the crash tests kill it on purpose)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def handle(self, path: str, headers: dict[str, str], raw: str) -> tuple[int, bytes]:
        """Answer one request as the real API would (thread-safe)."""
        with self._lock:
            self.requests += 1
            if path != "/version1/messaging":
                return 404, b'{"error": "not found"}'
            if self.requests <= self.fail_first:
                return 500, b'{"error": "try again"}'
            lowered = {k.lower(): v for k, v in headers.items()}
            if self.api_key and lowered.get("apikey") != self.api_key:
                return 401, b'{"error": "The supplied authentication is invalid"}'
            key = lowered.get("idempotency-key", "")
            if key and key in self._seen:
                return 201, self._seen[key]
            form = {name: values[0] for name, values in parse_qs(raw).items()}
            numbers = [n for n in form.get("to", "").split(",") if n]
            sms = FakeSms(
                username=form.get("username", ""),
                to=numbers,
                message=form.get("message", ""),
                sender=form.get("from", ""),
                api_key=lowered.get("apikey", ""),
                idempotency_key=key,
                link_id=form.get("linkId", ""),
            )
            self.messages.append(sms)
            n = len(self.messages)
            body = json.dumps(
                {
                    "SMSMessageData": {
                        "Message": f"Sent to {len(numbers)}/{len(numbers)} Total Cost: RWF 0",
                        "Recipients": [
                            {
                                "statusCode": self.refuse.get(number, (101, ""))[0],
                                "number": number,
                                "status": self.refuse.get(number, (101, "Success"))[1],
                                "cost": "0" if number in self.refuse else "RWF 20.0000",
                                "messageId": "None" if number in self.refuse else f"ATXid_{n}_{i}",
                            }
                            for i, number in enumerate(numbers)
                        ],
                    }
                }
            ).encode()
            if key:
                self._seen[key] = body
            return 201, body
