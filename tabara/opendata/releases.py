"""Releasing the public statistics: noisy counts under the privacy budget, then small cells hidden.

A release counts the presumed victims in each table (tabara/opendata/statistics.py),
adds OpenDP noise spending an equal share of its ε per table (tabara/opendata/dp.py),
hides small cells (tabara/opendata/cells.py) and keeps the result for the public page.
The ε is charged to the budget's ledger in the same transaction as the release and its
audit event; a release that does not fit in what is left is refused and audited.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.geo.models import AdminUnit
from tabara.opendata import budget as ledger
from tabara.opendata.cells import protect
from tabara.opendata.dp import margin, noisy_counts
from tabara.opendata.models import PrivacyBudget, PrivacySpend, StatisticsRelease
from tabara.opendata.operators import OperatorRefused, refusal_record
from tabara.opendata.selectors import counted_cases, victim_records
from tabara.opendata.statistics import DIMENSIONS, count_tables
from tabara.prevalence.selectors import access_estimation_by_id

BUDGET_NAME = "public-statistics"
DEFAULT_TOTAL = Decimal("10")  # ε for all releases, ever (docs/open-data.md)
DEFAULT_RELEASE = Decimal("1")  # ε per release: twelve monthly releases need 12


class ReleaseRefused(Exception):
    """The release was not made; the message says why."""


def budget_current() -> PrivacyBudget:
    """The public statistics' budget, created with DEFAULT_TOTAL the first time."""
    found, _created = PrivacyBudget.objects.get_or_create(
        name=BUDGET_NAME,
        defaults={"total_epsilon": DEFAULT_TOTAL, "created_at": timezone.now()},
    )
    return found


def budget_raise(*, user: User, total: Decimal, reason: str) -> PrivacyBudget:
    """Raise the public statistics' budget to `total` ε, on the data protection side's decision.

    Only a holder of the data-protection permission (privacy.breaches) may; the reason is
    required; the new total must be above the current one (the database refuses any other
    change too). The change and its audit event (old and new total, reason) are one
    transaction.
    """
    if not user.can(Perm.BREACHES_MANAGE):
        refusal_record(actor=user, command="export budget", reason="permission")
        raise OperatorRefused(
            f"{user.username} does not hold the permission {Perm.BREACHES_MANAGE}"
        )
    why = reason.strip()
    if not why:
        raise ReleaseRefused("say why the budget is raised (--reason)")
    new_total = ledger.epsilon(total)
    budget_current()
    with transaction.atomic():
        locked = PrivacyBudget.objects.select_for_update().get(name=BUDGET_NAME)
        old_total = locked.total_epsilon
        if new_total <= old_total:
            raise ReleaseRefused(
                f"the budget is ε {old_total}; it can only be raised, not set to {new_total}"
            )
        locked.total_epsilon = new_total
        locked.save(update_fields=["total_epsilon"])
        audit_record(
            actor=user,
            action=AuditAction.PRIVACY_BUDGET_RAISED,
            target_type="privacy_budget",
            target_id=locked.pk,
            extra={"from": str(old_total), "to": str(new_total), "reason": why[:500]},
        )
    return locked


def budget_left() -> Decimal:
    found = budget_current()
    spends = found.spends.values_list("epsilon", flat=True)
    return ledger.remaining(found.total_epsilon, spends)


def _estimate(user: User, estimation_id: int) -> dict[str, Any]:
    """The published copy of an analyst's finished estimation of the hidden number."""
    estimation = access_estimation_by_id(user, estimation_id)
    result = estimation.result
    if estimation.status != estimation.Status.DONE or "estimate" not in result:
        raise ReleaseRefused("that estimation has not finished")
    ci = result.get("ci") or {}
    interval = ci.get("bca") or ci.get("profile") or ci.get("wald") or [None, None]
    return {
        "id": estimation.pk,
        "title": estimation.title,
        "observed": result["observed"],
        "estimate": round(result["estimate"]),
        "low": None if interval[0] is None else round(interval[0]),
        "high": None if interval[1] is None else round(interval[1]),
        "level": result.get("level", 0.95),
        "method": result.get("method", ""),
        "finished": f"{estimation.finished_at:%Y-%m-%d}" if estimation.finished_at else "",
    }


def release_publish(
    *, user: User, epsilon: Decimal = DEFAULT_RELEASE, estimation_id: int | None = None
) -> StatisticsRelease:
    """Publish new public statistics, spending `epsilon` of the budget (or refuse)."""
    if not user.can(Perm.OPEN_DATA_PUBLISH):
        raise OperatorRefused(
            f"{user.username} does not hold the permission {Perm.OPEN_DATA_PUBLISH}"
        )
    asked = ledger.epsilon(epsilon)
    share = ledger.split(asked, len(DIMENSIONS))
    estimate = _estimate(user, estimation_id) if estimation_id is not None else {}
    budget_current()
    try:
        with transaction.atomic():
            locked = PrivacyBudget.objects.select_for_update().get(name=BUDGET_NAME)
            spent = list(locked.spends.values_list("epsilon", flat=True))
            ledger.charge(locked.total_epsilon, spent, asked)
            release = _release(user, locked, asked, share, estimate)
    except ledger.BudgetExhausted as exc:
        refusal_record(
            actor=user,
            command="export release",
            reason="budget",
            asked=str(asked),
            left=str(exc.left),
        )
        raise ReleaseRefused(
            f"the privacy budget has ε {exc.left} left and this release asks for {asked}"
        ) from exc
    return release


def _release(
    user: User, budget: PrivacyBudget, asked: Decimal, share: Decimal, estimate: dict[str, Any]
) -> StatisticsRelease:
    now = timezone.now()
    provinces = list(
        AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE)
        .order_by("code")
        .values_list("code", flat=True)
    )
    exact = count_tables(victim_records(counted_cases()), timezone.localdate(now), provinces)
    tables: dict[str, Any] = {}
    for dimension, counts in exact.items():
        noisy = dict(zip(counts, noisy_counts(list(counts.values()), share), strict=True))
        shown = protect(noisy)
        tables[dimension] = {"cells": [list(cell) for cell in shown.cells], "total": shown.total}
    spend = PrivacySpend.objects.create(
        budget=budget, epsilon=asked, spent_at=now, spent_by=user, purpose="public statistics"
    )
    release = StatisticsRelease.objects.create(
        released_at=now,
        released_by=user,
        spend=spend,
        tables=tables,
        margin=margin(share),
        estimate=estimate,
    )
    audit_record(
        actor=user,
        action=AuditAction.STATISTICS_RELEASED,
        target_type="statistics_release",
        target_id=release.pk,
        extra={"epsilon": str(asked), "estimation": estimate.get("id")},
    )
    return release
