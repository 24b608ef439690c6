"""The database itself keeps the privacy ledger append-only and lets a budget only grow.

Run on both engines: `scripts/test-postgres ... tabara/opendata/tests/test_ledger_triggers.py`.
The model's own save() and delete() refuse too (test_releases.py); here every write goes
around the model, as raw SQL or a bulk query would.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.opendata.models import PrivacyBudget, PrivacySpend


@pytest.fixture
def spend(make_staff) -> PrivacySpend:
    analyst = make_staff(roles=[Role.ANALYST])
    budget = PrivacyBudget.objects.create(
        name="public-statistics", total_epsilon=Decimal("10"), created_at=timezone.now()
    )
    return PrivacySpend.objects.create(
        budget=budget,
        epsilon=Decimal("1"),
        spent_at=timezone.now(),
        spent_by=analyst,
        purpose="public statistics",
    )


def sql(statement: str, params: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def refused(match: str):
    return pytest.raises(IntegrityError, match=match)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE opendata_privacyspend SET epsilon = 0.0001 WHERE id = %s",
        "UPDATE opendata_privacyspend SET purpose = 'nothing' WHERE id = %s",
        "DELETE FROM opendata_privacyspend WHERE id = %s",
        "DELETE FROM opendata_privacyspend WHERE id >= %s",
    ],
)
def test_raw_sql_cannot_change_or_remove_a_spend(spend, statement) -> None:
    with refused("append-only"), transaction.atomic():
        sql(statement, [spend.pk])
    assert PrivacySpend.objects.filter(pk=spend.pk, epsilon=Decimal("1")).exists()


def test_bulk_queries_cannot_change_or_remove_a_spend(spend) -> None:
    with refused("append-only"), transaction.atomic():
        PrivacySpend.objects.filter(pk=spend.pk).update(epsilon=Decimal("0.0001"))
    with refused("append-only"), transaction.atomic():
        PrivacySpend.objects.filter(pk=spend.pk).delete()
    assert PrivacySpend.objects.get().epsilon == Decimal("1")


def test_a_budget_may_grow_but_never_shrink_change_name_or_go(spend) -> None:
    budgets = PrivacyBudget.objects.filter(pk=spend.budget_id)
    budgets.update(total_epsilon=Decimal("12"))  # the data protection officer's decision
    for change in (
        {"total_epsilon": Decimal("11.9999")},
        {"total_epsilon": Decimal("0")},
        {"name": "another"},
        {"created_at": timezone.now()},
    ):
        with refused("never lowered"), transaction.atomic():
            budgets.update(**change)
    with refused("never lowered"), transaction.atomic():
        sql("DELETE FROM opendata_privacybudget WHERE id = %s", [spend.budget_id])
    assert budgets.get().total_epsilon == Decimal("12")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
@pytest.mark.parametrize("table", ["opendata_privacyspend", "opendata_privacybudget"])
def test_truncate_is_refused_on_postgresql(spend, table) -> None:
    sql("SET CONSTRAINTS ALL IMMEDIATE", [])  # else the test's own pending FK checks refuse first
    with pytest.raises(IntegrityError), transaction.atomic():
        sql(f"TRUNCATE {table} CASCADE", [])
    assert PrivacySpend.objects.count() == 1
