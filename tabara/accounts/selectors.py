"""Reads of organizations for other apps' pages."""

from __future__ import annotations

from collections.abc import Iterable

from tabara.accounts.models import Organization


def organization_names(ids: Iterable[int]) -> dict[int, str]:
    """Organization id -> short name, for the ids given."""
    return dict(Organization.objects.filter(pk__in=list(ids)).values_list("pk", "short_name"))


def organization_choices() -> list[tuple[int, str]]:
    """(id, short name) of every organization, by short name."""
    return list(Organization.objects.order_by("short_name").values_list("pk", "short_name"))
