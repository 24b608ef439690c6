"""Immediate SMS replies to a sender (receipt, help, status), sent straight to the gateway.

Not through the outbox on purpose: an outbox row would keep an anonymous reporter's
number and receipt in the database, which Tabara promises not to do. A reply goes back
from the short code the person texted (`to` of the inbound message) and, on a premium
code, carries the message's `linkId`, as Africa's Talking requires. A failed reply is
logged without the number; the reporter can ask again with HELP or STATUS.
"""

from __future__ import annotations

import logging

from tabara.core.phones import phone_normalise
from tabara.notifications.africastalking import SmsGatewayError, send_sms

logger = logging.getLogger(__name__)


def sms_reply_send(*, to: str, message: str, short_code: str = "", link_id: str = "") -> bool:
    number = phone_normalise(to)
    if not number:
        return False
    try:
        results = send_sms(to=[number], message=message, sender=short_code, link_id=link_id)
    except SmsGatewayError as exc:
        logger.warning("SMS reply not sent: %s", type(exc).__name__)
        return False
    return all(result.ok for result in results)
