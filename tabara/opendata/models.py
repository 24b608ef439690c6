"""Public releases of statistics and the privacy budget they are charged to."""

from __future__ import annotations

from typing import Any

from django.db import models


class PrivacyBudget(models.Model):
    """The total ε that all releases of the public statistics may spend, ever.

    A person counted once is counted again in every later release (the yearly table keeps
    past years), so the budget is not renewed with time; docs/open-data.md says how to
    decide a new one.
    """

    name = models.CharField(max_length=40, unique=True)
    total_epsilon = models.DecimalField(max_digits=8, decimal_places=4)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: ε {self.total_epsilon}"


class PrivacySpend(models.Model):
    """One line of the budget's ledger: the ε a release spent. Never changed or removed."""

    budget = models.ForeignKey(PrivacyBudget, on_delete=models.PROTECT, related_name="spends")
    epsilon = models.DecimalField(max_digits=8, decimal_places=4)
    spent_at = models.DateTimeField()
    spent_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=60)

    class Meta:
        ordering = ["spent_at", "id"]

    def __str__(self) -> str:
        return f"ε {self.epsilon} on {self.spent_at:%Y-%m-%d}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("the privacy ledger is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("the privacy ledger is append-only")


class StatisticsRelease(models.Model):
    """One publication of the public statistics: noisy, protected tables, kept as shown.

    The page reads the newest release and never the cases themselves, so a figure changes
    only when an analyst releases again (and spends budget).
    """

    released_at = models.DateTimeField()
    released_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    spend = models.OneToOneField(PrivacySpend, on_delete=models.PROTECT, related_name="release")
    # {dimension: {"cells": [[code, count or null], ...], "total": count or null}}
    tables = models.JSONField()
    # Each shown count is within ±margin of the noise-free count with 95% probability.
    margin = models.PositiveIntegerField()
    # The analyst's published estimate of the hidden number, if any: a copy, as published.
    estimate = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return f"release of {self.released_at:%Y-%m-%d}"
