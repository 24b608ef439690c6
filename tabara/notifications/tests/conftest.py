"""Fixtures of the outbox tests: a fake SMS gateway wired into settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tabara.notifications.tests.fake_africastalking import FakeAfricasTalking


@pytest.fixture
def fake_sms(settings) -> Iterator[FakeAfricasTalking]:
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
