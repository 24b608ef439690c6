"""Fixtures for open data: agencies, a supervisor and an analyst, and a code on stdin."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import totp_code
from tabara.cases.tests.factories import agencies_create


@pytest.fixture
def agencies(geography):
    return agencies_create()


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
