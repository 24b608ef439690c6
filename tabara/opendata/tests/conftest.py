"""Fixtures for open data: agencies, a supervisor and an analyst, and a code on stdin.

The geography and agencies are built once per module (browser tests, whose live server
reads committed rows from another thread, build their own: test_browser.py).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import transaction

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import totp_code
from tabara.cases.tests.factories import agencies_create
from tabara.geo.selectors import choices_forget
from tabara.geo.services import geography_load


@pytest.fixture(scope="module")
def shared_agencies(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, int]]:
    """The geography and the test agencies (their ids), once per module, inside a transaction
    rolled back at its end; each test runs in a savepoint of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        geography_load(levels=("province", "district", "sector"))
        yield {short: org.pk for short, org in agencies_create().items()}
        transaction.set_rollback(True)
    choices_forget()


@pytest.fixture
def agencies(shared_agencies: dict[str, int], db: None) -> dict[str, Organization]:
    """The module's agencies, read afresh for each test (a test may have renamed one)."""
    found = Organization.objects.in_bulk(list(shared_agencies.values()))
    return {short: found[pk] for short, pk in shared_agencies.items()}


@pytest.fixture
def supervisor(agencies, make_staff) -> User:
    user: User = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"], username="sup")
    return user


@pytest.fixture
def analyst(agencies, make_staff) -> User:
    user: User = make_staff(roles=[Role.ANALYST], organization=agencies["NCDA"], username="ana")
    return user


@pytest.fixture
def code_typed(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Put a code on standard input, as the operator types it."""

    def type_(code: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))

    return type_


@pytest.fixture
def right_code(code_typed) -> Callable[[User], None]:
    return lambda user: code_typed(totp_code(user))
