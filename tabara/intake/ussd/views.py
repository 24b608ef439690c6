"""Gateway adapters of the USSD channel: one screen per request, and the end-of-session call."""

from __future__ import annotations

import logging
import re

from django.http import HttpRequest, HttpResponse

from tabara.intake.gateway import gateway_callback
from tabara.intake.services.ussd_session import ussd_session_end
from tabara.intake.ussd import texts
from tabara.intake.ussd.respond import ussd_respond
from tabara.intake.ussd.screen import reply

logger = logging.getLogger(__name__)
_WORD = re.compile(r"[^A-Za-z0-9]")  # gateway values reach the log only as plain words
MAX_TEXT = 4000  # far beyond any real session; bounds the work an odd request can cause


@gateway_callback
def ussd_callback(request: HttpRequest) -> HttpResponse:
    """Africa's Talking USSD: form fields in, `CON `/`END ` plain text out, always 200."""
    session_id = request.POST.get("sessionId", "")[:200]
    if not session_id:
        return _plain(reply(texts.T[texts.DEFAULT_LANG]["failed"], end=True))
    try:
        body = ussd_respond(
            session_id=session_id,
            text=request.POST.get("text", "")[:MAX_TEXT],
            phone=request.POST.get("phoneNumber", "")[:32],
        )
    except Exception:  # the gateway must get a screen, whatever went wrong
        logger.exception("USSD step failed")  # carries no phone number or input
        body = reply(texts.T[texts.DEFAULT_LANG]["failed"], end=True)
    return _plain(body)


@gateway_callback
def ussd_session_ended(request: HttpRequest) -> HttpResponse:
    """The gateway's end-of-session notice: close or keep the session, count how it ended."""
    session_id = request.POST.get("sessionId", "")[:200]
    if session_id:
        ussd_session_end(session_id=session_id, status=request.POST.get("status", "")[:20])
    logger.info(
        "USSD session ended: status=%s hops=%s",
        _WORD.sub("", request.POST.get("status", ""))[:20],
        _WORD.sub("", request.POST.get("hopsCount", ""))[:6],
    )
    return _plain("OK")


def _plain(body: str) -> HttpResponse:
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
