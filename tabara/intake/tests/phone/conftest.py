"""Fixtures of the phone-channel tests: a fake Africa's Talking messaging API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tabara.notifications.tests.fake_africastalking import FakeAfricasTalking


@pytest.fixture
def gateway_api(settings) -> Iterator[FakeAfricasTalking]:
    """Outbound SMS goes to a local fake that speaks the gateway's HTTP API."""
    with FakeAfricasTalking(api_key="test-key") as fake:
        settings.USE_AFRICASTALKING = True
        settings.AFRICASTALKING = {
            "base_url": fake.base_url,
            "username": "sandbox",
            "api_key": "test-key",
            "sender_id": "TABARA",
            "timeout": 5,
        }
        yield fake
