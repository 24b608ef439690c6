"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db.backends.base.operations import BaseDatabaseOperations
from django.test import Client, RequestFactory
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in, staff_factory
from tabara.audit import triggers
from tabara.geo.selectors import choices_forget
from tabara.geo.services import geography_load
from tabara.notifications.tests.fake_africastalking import FakeAfricasTalking
from tabara.opendata import triggers as ledger_triggers

pytest_plugins = ["tabara.core.tests.browser"]

# Hypothesis's default 200 ms deadline per example is a timing assertion: on a loaded two-core
# machine it fails properties that hold (DeadlineExceeded, then Flaky). Tests never assert
# timings; a hung example is still stopped by pytest-timeout.
hypothesis_settings.register_profile("tabara", deadline=None)
hypothesis_settings.load_profile("tabara")


@pytest.fixture(autouse=True, scope="session")
def _audit_triggers_lifted_while_flushing() -> Iterator[None]:
    """Transactional tests empty every table afterwards; audit rows and the privacy ledger
    refuse DELETE and TRUNCATE.

    Only here, in the test process, the flush drops the append-only triggers, empties the
    tables and creates the triggers again, in one transaction. Production code never
    flushes; `manage.py flush` there is refused by the triggers.
    """
    original = BaseDatabaseOperations.execute_sql_flush

    def flush(self: BaseDatabaseOperations, sql_list: list[str]) -> None:
        vendor = self.connection.vendor
        lifted = [
            *triggers.statements(triggers.DROP, vendor),
            *ledger_triggers.statements(ledger_triggers.DROP, vendor),
            *sql_list,
            *triggers.statements(triggers.CREATE, vendor),
            *ledger_triggers.statements(ledger_triggers.CREATE, vendor),
        ]
        original(self, lifted if sql_list else sql_list)

    BaseDatabaseOperations.execute_sql_flush = flush  # type: ignore[method-assign]
    yield
    BaseDatabaseOperations.execute_sql_flush = original  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the site's default language, whatever an earlier one activated."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_geography_cache() -> None:
    """Geography ids are cached per process; each test's database has its own rows."""
    choices_forget()


@pytest.fixture(autouse=True)
def _browser_fetch_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test client sends `Sec-Fetch-Site: same-origin`, as every current browser does.

    Public POSTs without it (or Origin) need the signed form token (tabara/core/public.py);
    tests of that case give the header as "" on their client or request.
    """
    original = RequestFactory._base_environ

    def environ(self: RequestFactory, **request: object) -> dict[str, object]:
        if "HTTP_SEC_FETCH_SITE" not in self.defaults:
            request = {"HTTP_SEC_FETCH_SITE": "same-origin", **request}
        return original(self, **request)

    monkeypatch.setattr(RequestFactory, "_base_environ", environ)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where browser tests save screenshots: the test's temporary folder, so a test run leaves
    the tree clean; docs/screenshots only when TABARA_SCREENSHOTS=1 asks to refresh the
    documentation's images (scripts/screenshots*.py take the others)."""
    if os.environ.get("TABARA_SCREENSHOTS"):
        return Path(__file__).resolve().parent / "docs" / "screenshots"
    return tmp_path


@pytest.fixture
def geography(db: None) -> None:
    """Provinces, districts, sectors and border posts (cells and villages are slow to load)."""
    geography_load(levels=("province", "district", "sector"))


@pytest.fixture
def make_staff(db: None) -> Callable[..., User]:
    return staff_factory


@pytest.fixture
def staff_client(make_staff: Callable[..., User]) -> Callable[..., tuple[Client, User]]:
    """A client signed in with both factors, as a user with the given role."""

    def build(role: Role = Role.INTAKE_OFFICER, **kwargs: object) -> tuple[Client, User]:
        user = make_staff(roles=[role], **kwargs)
        return signed_in(user), user

    return build


@pytest.fixture
def fake_sms(settings) -> Iterator[FakeAfricasTalking]:
    """Outbound SMS goes to a local fake that speaks Africa's Talking's HTTP API."""
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
