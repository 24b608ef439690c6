"""Sign-in throttling: only failures count, per account, with growing delays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from tabara.accounts.tests.factories import PASSWORD, totp_code
from tabara.accounts.tests.test_sign_in import URL
from tabara.accounts.throttle import delay_after
from tabara.audit.models import AuditAction, AuditEvent

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

# The policy, as stated in docs/security.md: four free failures, then 1, 2, 4, 8 minutes...
# capped at fifteen.
DELAYS = [
    (0, 0),
    (1, 0),
    (4, 0),
    (5, 60),
    (6, 120),
    (7, 240),
    (8, 480),
    (9, 900),
    (30, 900),
    (10_000, 900),
]


@pytest.mark.parametrize(("failures", "seconds"), DELAYS)
def test_delay_table(failures: int, seconds: int) -> None:
    assert delay_after(failures) == timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    # The rate-limit counters live in the database cache: only tests with a database clear it.
    if request.node.get_closest_marker("django_db") is None:
        yield
        return
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, user, *, password: str = PASSWORD, code: str | None = None):
    return client.post(
        URL,
        {
            "username": user.username,
            "password": password,
            "otp_token": code if code is not None else totp_code(user),
        },
    )


@pytest.mark.django_db
def test_successful_sign_ins_never_lock_an_account_out(make_staff) -> None:
    user = make_staff()
    with time_machine.travel(START, tick=False) as traveller:
        for attempt in range(8):
            response = sign_in(Client(), user)
            assert response.status_code == 302, attempt
            traveller.shift(31)  # the next TOTP step: a fresh code
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=user).count() == 8


@pytest.mark.django_db
def test_an_office_behind_one_address_signs_in_all_day(make_staff) -> None:
    colleagues = [make_staff() for _ in range(35)]
    with time_machine.travel(START, tick=False):
        for user in colleagues:
            assert sign_in(Client(), user).status_code == 302, user.username


@pytest.mark.django_db
def test_failures_grow_the_wait_and_success_clears_it(make_staff) -> None:
    user = make_staff()
    client = Client()
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(5):
            sign_in(client, user, password="wrong-password!")
        refused = sign_in(client, user)
        assert "Wait 1 minute" in refused.content.decode()
        assert client.get("/en/staff/reports/").status_code == 302
        traveller.shift(61)
        sign_in(client, user, password="wrong-password!")  # sixth failure: two minutes
        traveller.shift(61)
        assert "Wait 1 minute" in sign_in(client, user).content.decode()
        traveller.shift(60)
        assert sign_in(client, user).status_code == 302
        traveller.shift(31)
        # The count starts again from zero after a success.
        sign_in(Client(), user, password="wrong-password!")
        assert sign_in(Client(), user).status_code == 302
    actions = list(
        AuditEvent.objects.filter(
            action__in=[AuditAction.LOGIN_THROTTLED, AuditAction.LOGIN_FAILED]
        ).values_list("action", flat=True)
    )
    assert actions.count(AuditAction.LOGIN_FAILED) == 7
    assert actions.count(AuditAction.LOGIN_THROTTLED) == 2


@pytest.mark.django_db
def test_one_accounts_failures_do_not_slow_a_colleague(make_staff) -> None:
    forgetful, colleague = make_staff(), make_staff()
    with time_machine.travel(START, tick=False):
        for _ in range(8):
            sign_in(Client(), forgetful, password="wrong-password!")
        assert sign_in(Client(), colleague).status_code == 302


@pytest.mark.django_db
def test_a_reused_code_is_refused_and_says_so(make_staff, settings) -> None:
    user = make_staff()
    with time_machine.travel(START, tick=False):
        code = totp_code(user)
        assert sign_in(Client(), user, code=code).status_code == 302
        response = sign_in(Client(), user, code=code)
    assert "already been used" in response.content.decode()
    failed = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert failed.extra == {"username": user.username, "reason": "code_reused"}
    with time_machine.travel(START, tick=False):
        fr = Client().post(
            "/fr/staff/sign-in/",
            {"username": user.username, "password": PASSWORD, "otp_token": code},
        )
    assert "déjà été utilisé" in fr.content.decode()
