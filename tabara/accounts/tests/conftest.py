"""Fixtures of the accounts tests: a real SMTP server on localhost for invitation e-mails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tabara.notifications.tests.fake_smtp import FakeSmtp


@pytest.fixture
def fake_smtp(settings) -> Iterator[FakeSmtp]:
    with FakeSmtp() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = smtp.port
        settings.EMAIL_USE_TLS = False
        yield smtp
