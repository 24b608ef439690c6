"""The gateway secret never reaches a log line written through the project's logging."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.test import Client


@pytest.mark.django_db
def test_a_crash_in_a_gateway_callback_logs_the_path_without_the_secret(
    caplog, monkeypatch
) -> None:
    def broken(**kwargs: object) -> object:
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr("tabara.intake.sms.views.sms_delivery_record", broken)
    caplog.set_level(logging.ERROR, logger="django.request")
    secret = settings.TABARA_GATEWAY_SECRET
    data = {"id": "ATXid_1", "status": "Success"}
    response = Client(raise_request_exception=False).post(f"/gateway/{secret}/sms/delivery", data)
    assert response.status_code == 500
    assert any(secret in record.getMessage() for record in caplog.records)  # it was there
    (console,) = [h for h in logging.getLogger().handlers if h.name == "console"]
    lines = [console.format(record) for record in caplog.records]
    assert all(secret not in line for line in lines)
    assert any("/gateway/[secret]/sms/delivery" in line for line in lines)
