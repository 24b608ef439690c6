"""Nothing that identifies a reporter's device is stored or logged on the public routes."""

from __future__ import annotations

import logging

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tabara.intake.tests.factories import complete_form

FAKE_IP = "203.0.113.77"
FAKE_AGENT = "SyntheticPhone/9.9 (KaiOS; tracer-4471)"
FAKE_REFERRER = "https://referrer.example/tracer-8812"
CLEAR_VALUES = [
    "Mama Synthetic",
    "+250 722 000 999",
    "@synthetic_recruiter",
    "Synthetic Travel Ltd",
]


def whole_database_text() -> str:
    """Every value of every table, as the raw text stored on disk."""
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
            chunks.extend(str(row) for row in cursor.fetchall())
    return "\n".join(chunks)


@pytest.mark.django_db
def test_no_address_agent_or_referrer_in_database_or_logs(geography, caplog) -> None:
    cache.clear()
    client = Client(
        REMOTE_ADDR=FAKE_IP,
        HTTP_USER_AGENT=FAKE_AGENT,
        HTTP_REFERER=FAKE_REFERRER,
        HTTP_X_FORWARDED_FOR=FAKE_IP,
    )
    caplog.set_level(logging.DEBUG)
    client.get("/rw/report/")
    client.post("/rw/report/", complete_form())
    client.post("/rw/report/", complete_form(people_count="bad"))  # an error path logs too
    client.post("/en/follow-up/", {"receipt": "0000 0000 0000 0000"})
    stored = whole_database_text()
    logged = caplog.text
    for trace in (FAKE_IP, FAKE_AGENT, "tracer-4471", FAKE_REFERRER, "tracer-8812"):
        assert trace not in stored
        assert trace not in logged
    assert "Synthetic" not in logged


@pytest.mark.django_db
def test_identifying_fields_are_encrypted_at_rest(geography) -> None:
    cache.clear()
    Client().post("/rw/report/", complete_form())
    stored = whole_database_text()
    assert "aesgcm1:" in stored  # AES-256-GCM sealed values (tabara/core/crypto.py)
    for value in [*CLEAR_VALUES, "Umugabo yabwiye"]:
        assert value not in stored
