"""A test double of Africa's Talking: posts USSD and SMS callbacks as the gateway does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.test import Client

SECRET = "test-gateway-secret"
USSD_URL = f"/gateway/{SECRET}/ussd"
SMS_URL = f"/gateway/{SECRET}/sms/inbound"
DELIVERY_URL = f"/gateway/{SECRET}/sms/delivery"
PHONE = "+250788123456"


@dataclass
class UssdPhone:
    """One USSD session: each `press` sends every input so far joined by `*`."""

    phone: str = PHONE
    client: Client = field(default_factory=Client)
    session_id: str = field(default_factory=lambda: f"ATUid_{uuid.uuid4().hex}")
    inputs: list[str] = field(default_factory=list)
    screens: list[str] = field(default_factory=list)

    def dial(self) -> str:
        return self._post("")

    def press(self, *keys: str) -> str:
        screen = ""
        for key in keys:
            self.inputs.append(key)
            screen = self._post("*".join(self.inputs))
        return screen

    def end(self, status: str = "Incomplete") -> int:
        """The gateway's end-of-session notice for this session, as Africa's Talking sends it."""
        response = self.client.post(
            USSD_URL + "/end",
            {
                "sessionId": self.session_id,
                "serviceCode": "*384*123#",
                "networkCode": "63510",
                "phoneNumber": self.phone,
                "status": status,
                "cost": "RWF 0.00",
                "durationInMillis": "30000",
                "hopsCount": str(len(self.screens)),
                "input": "*".join(self.inputs),
                "lastAppResponse": self.screens[-1] if self.screens else "",
                "errorMessage": "",
                "date": "2026-11-28 10:00:00",
            },
        )
        return response.status_code

    def _post(self, text: str) -> str:
        response = self.client.post(
            USSD_URL,
            {
                "sessionId": self.session_id,
                "serviceCode": "*384*123#",
                "phoneNumber": self.phone,
                "networkCode": "63510",
                "text": text,
            },
        )
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        screen = response.content.decode()
        assert screen.startswith(("CON ", "END ")), screen
        assert len(screen) - 4 <= 160, (len(screen), screen)
        self.screens.append(screen)
        return screen


def sms(client: Client, *, text: str, sender: str = PHONE, gateway_id: str = "") -> int:
    response = client.post(
        SMS_URL,
        {
            "from": sender,
            "to": "1234",
            "text": text,
            "date": "2026-11-28 10:00:00",
            "id": gateway_id or uuid.uuid4().hex,
            "linkId": "",
        },
    )
    return response.status_code
