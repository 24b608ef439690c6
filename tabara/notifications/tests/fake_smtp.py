"""A local SMTP server (aiosmtpd) that keeps what it receives: e-mail tests cross the wire."""

from __future__ import annotations

import email
import email.policy
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class _Handler:
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(message)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    """A port the system has just handed out (aiosmtpd's controller cannot bind port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class FakeSmtp:
    """Start with `with FakeSmtp() as smtp:`; read `smtp.received` (parsed messages)."""

    def __init__(self) -> None:
        self._handler = _Handler()
        self._port = _free_port()
        self._controller = Controller(self._handler, hostname="127.0.0.1", port=self._port)

    @property
    def received(self) -> list[EmailMessage]:
        return self._handler.received

    @property
    def envelopes(self) -> list[tuple[str, list[str]]]:
        return self._handler.envelopes

    @property
    def port(self) -> int:
        return self._port

    def __enter__(self) -> FakeSmtp:
        self._controller.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._controller.stop()
