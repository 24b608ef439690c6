"""Gateway adapters of the SMS channel: inbound messages, delivery reports, bulk opt-outs.

Field names are Africa's Talking's (docs/africastalking.md lists each one and what Tabara
does with it).
"""

from __future__ import annotations

import logging
import re

from django.http import HttpRequest, HttpResponse

from tabara.intake.gateway import gateway_callback
from tabara.intake.services.sms import (
    reporter_contact_withdraw,
    sms_delivery_record,
    sms_receive,
)
from tabara.intake.sms.replies import sms_reply_send

logger = logging.getLogger(__name__)
_SHORT_CODE = re.compile(r"[0-9A-Za-z+]{1,20}")  # a short code or sender ID, nothing else


@gateway_callback
def sms_inbound(request: HttpRequest) -> HttpResponse:
    """Africa's Talking incoming message (`from`, `to`, `text`, `date`, `id`, `linkId`)."""
    sender = request.POST.get("from", "")[:32]
    gateway_id = request.POST.get("id", "")[:100]
    if not sender or not gateway_id:
        return HttpResponse("missing from or id", status=400, content_type="text/plain")
    answer = sms_receive(
        gateway_id=gateway_id, sender=sender, text=request.POST.get("text", "")[:10000]
    )
    short_code = request.POST.get("to", "").strip()
    if answer.text:  # sms_receive has committed: the receipt's report is durable
        sms_reply_send(
            to=sender,
            message=answer.text,
            short_code=short_code if _SHORT_CODE.fullmatch(short_code) else "",
            link_id=request.POST.get("linkId", "").strip()[:100],
        )
    return HttpResponse("OK", content_type="text/plain")


@gateway_callback
def sms_delivery(request: HttpRequest) -> HttpResponse:
    """Africa's Talking delivery report (`id`, `status`, `phoneNumber`, `failureReason`...)."""
    sms_delivery_record(
        message_id=request.POST.get("id", ""),
        status=request.POST.get("status", ""),
        failure_reason=request.POST.get("failureReason", ""),
        phone=request.POST.get("phoneNumber", "")[:32],
    )
    return HttpResponse("OK", content_type="text/plain")


@gateway_callback
def sms_opt_out(request: HttpRequest) -> HttpResponse:
    """Africa's Talking bulk SMS opt-out (`senderId`, `phoneNumber`): the same as STOP."""
    phone = request.POST.get("phoneNumber", "")[:32]
    if not phone:
        return HttpResponse("missing phoneNumber", status=400, content_type="text/plain")
    reporter_contact_withdraw(phone=phone)
    return HttpResponse("OK", content_type="text/plain")
