"""Reads of the geography: choices for forms and menus."""

from __future__ import annotations

from django.db.models import QuerySet

from tabara.geo.models import AdminUnit, BorderPost


def units_at_level(level: str, *, parent_code: str | None = None) -> QuerySet[AdminUnit]:
    """Units of one level, optionally under one parent, ordered by name."""
    units = AdminUnit.objects.filter(level=level)
    if parent_code is not None:
        units = units.filter(parent__code=parent_code)
    return units.order_by("name")


def sector_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Sectors grouped by district name, for a select with optgroups (works without JS)."""
    sectors = AdminUnit.objects.filter(level=AdminUnit.Level.SECTOR).select_related("parent")
    grouped: dict[str, list[tuple[str, str]]] = {}
    for sector in sectors.order_by("parent__name", "name"):
        district = sector.parent.name if sector.parent else ""
        grouped.setdefault(district, []).append((sector.code, sector.name))
    return list(grouped.items())


def border_posts() -> QuerySet[BorderPost]:
    """All border posts with their district."""
    return BorderPost.objects.select_related("district").order_by("name")
