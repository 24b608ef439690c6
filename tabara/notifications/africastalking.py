"""A small client for the Africa's Talking messaging API (POST /version1/messaging).

Settings come from `settings.AFRICASTALKING` (base_url, username, api_key, sender_id,
timeout); `settings.USE_AFRICASTALKING` switches real sending on. Both are read when a
message is sent, never at import time. The application named "sandbox" exists only on the
sandbox host, so it is always sent there.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings

SUCCESS_CODES = frozenset({100, 101, 102})  # processed, sent, queued
# Refusals that a retry cannot change: InvalidSenderId, InvalidPhoneNumber,
# UnsupportedNumberType, UserInBlacklist, DoNotDisturbRejection (docs/africastalking.md).
PERMANENT_CODES = frozenset({402, 403, 404, 406, 409})
LIVE_HOST = "https://api.africastalking.com"
SANDBOX_HOST = "https://api.sandbox.africastalking.com"


class SmsGatewayError(RuntimeError):
    """The gateway could not be reached or refused the request; the caller may retry."""


class SmsDisabled(SmsGatewayError):
    """USE_AFRICASTALKING is off: nothing was sent."""


@dataclass(frozen=True)
class SmsRecipientResult:
    """What the gateway said about one recipient of a message."""

    number: str
    status: str
    status_code: int
    message_id: str
    cost: str

    @property
    def ok(self) -> bool:
        return self.status_code in SUCCESS_CODES

    @property
    def permanent(self) -> bool:
        return self.status_code in PERMANENT_CODES


def messaging_url(config: dict[str, Any]) -> str:
    """The messaging endpoint: the sandbox host for the sandbox application, whatever is set."""
    base = str(config.get("base_url") or LIVE_HOST).rstrip("/")
    if config.get("username") == "sandbox" and base == LIVE_HOST:
        base = SANDBOX_HOST
    return f"{base}/version1/messaging"


def _config() -> dict[str, Any]:
    if not getattr(settings, "USE_AFRICASTALKING", False):
        raise SmsDisabled("USE_AFRICASTALKING is off")
    config: dict[str, Any] = settings.AFRICASTALKING
    return config


def parse_response(payload: dict[str, Any]) -> list[SmsRecipientResult]:
    """The per-recipient results of a messaging response (`SMSMessageData.Recipients`)."""
    recipients = payload.get("SMSMessageData", {}).get("Recipients", [])
    return [
        SmsRecipientResult(
            number=str(item.get("number", "")),
            status=str(item.get("status", "")),
            status_code=int(item.get("statusCode", 0)),
            message_id=str(item.get("messageId", "")),
            cost=str(item.get("cost", "")),
        )
        for item in recipients
    ]


def send_sms(
    *,
    to: list[str],
    message: str,
    idempotency_key: str = "",
    sender: str = "",
    link_id: str = "",
) -> list[SmsRecipientResult]:
    """Send one message to E.164 numbers; raise SmsGatewayError on transport or HTTP failure.

    `sender` is the short code a person texted (a reply goes back from it), otherwise the
    configured sender ID; `link_id` answers a message to a premium code. `idempotency_key`
    is sent as an `Idempotency-Key` header so a retry after a crash can be recognised by a
    gateway that honours it (the test fake does).
    """
    config = _config()
    fields = {"username": config["username"], "to": ",".join(to), "message": message}
    if sender or config.get("sender_id"):
        fields["from"] = sender or config["sender_id"]
    if link_id:
        fields["linkId"] = link_id
    headers = {
        "apiKey": config["api_key"],
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    url = messaging_url(config)
    if not url.startswith(("https://", "http://")):
        raise SmsGatewayError("AFRICASTALKING base_url must be http(s)")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, data=urllib.parse.urlencode(fields).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - scheme checked above
            request, timeout=float(config.get("timeout", 10))
        ) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
        raise SmsGatewayError(f"gateway unreachable or refused: {exc}") from exc
    return parse_response(payload)
