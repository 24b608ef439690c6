"""Gateway adapters of the SMS channel: inbound messages and delivery reports."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse

from tabara.intake.gateway import gateway_callback
from tabara.intake.services.sms import sms_delivery_record, sms_receive
from tabara.intake.sms.replies import sms_reply_send

logger = logging.getLogger(__name__)


@gateway_callback
def sms_inbound(request: HttpRequest) -> HttpResponse:
    """Africa's Talking inbound SMS (`from`, `to`, `text`, `date`, `id`, `linkId`)."""
    sender = request.POST.get("from", "")[:32]
    gateway_id = request.POST.get("id", "")[:100]
    if not sender or not gateway_id:
        return HttpResponse("missing from or id", status=400, content_type="text/plain")
    answer = sms_receive(
        gateway_id=gateway_id, sender=sender, text=request.POST.get("text", "")[:10000]
    )
    if answer.text:  # sms_receive has committed: the receipt's report is durable
        sms_reply_send(to=sender, message=answer.text)
    return HttpResponse("OK", content_type="text/plain")


@gateway_callback
def sms_delivery(request: HttpRequest) -> HttpResponse:
    """Africa's Talking delivery report (`id`, `status`, `failureReason`)."""
    sms_delivery_record(
        message_id=request.POST.get("id", ""),
        status=request.POST.get("status", ""),
        failure_reason=request.POST.get("failureReason", ""),
    )
    return HttpResponse("OK", content_type="text/plain")
