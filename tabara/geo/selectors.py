"""Reads of the geography: choices for forms and menus.

Geography changes only when geography_load runs, so the choice lists are kept in
process memory; geography_load clears them.
"""

from __future__ import annotations

from functools import lru_cache

from django.db.models import QuerySet

from tabara.geo.models import AdminUnit, BorderPost


def units_at_level(level: str, *, parent_code: str | None = None) -> QuerySet[AdminUnit]:
    """Units of one level, optionally under one parent, ordered by name."""
    units = AdminUnit.objects.filter(level=level)
    if parent_code is not None:
        units = units.filter(parent__code=parent_code)
    return units.order_by("name")


@lru_cache(maxsize=1)
def district_choices() -> tuple[tuple[str, str], ...]:
    """(code, name) of every district, by name."""
    return tuple(units_at_level("district").values_list("code", "name"))


@lru_cache(maxsize=1)
def sector_choices() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Sectors grouped by district name, for a select with optgroups (works without JS)."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    rows = AdminUnit.objects.filter(level=AdminUnit.Level.SECTOR).values_list(
        "code", "name", "parent__name"
    )
    for code, name, district in rows.order_by("parent__name", "name"):
        grouped.setdefault(district or "", []).append((code, name))
    return tuple((district, tuple(sectors)) for district, sectors in grouped.items())


@lru_cache(maxsize=1)
def border_post_choices() -> tuple[tuple[str, str], ...]:
    """(code, name) of every border post, by name."""
    return tuple(BorderPost.objects.order_by("name").values_list("code", "name"))


@lru_cache(maxsize=1)
def place_ids() -> dict[tuple[str, str], int]:
    """(level, code) -> row id for districts, sectors and border posts (level "border")."""
    units = AdminUnit.objects.filter(level__in=("district", "sector"))
    ids = {(level, code): pk for pk, level, code in units.values_list("pk", "level", "code")}
    posts = BorderPost.objects.values_list("pk", "code", "district_id")
    for pk, code, district_id in posts:
        ids[("border", code)] = pk
        ids[("border-district", code)] = district_id
    return ids


def choices_forget() -> None:
    """Drop the cached choice lists (after the geography changed)."""
    for cached in (district_choices, sector_choices, border_post_choices, place_ids):
        cached.cache_clear()


def district_provinces() -> dict[int, tuple[str, str]]:
    """District row id -> (district code, province code)."""
    rows = AdminUnit.objects.filter(level=AdminUnit.Level.DISTRICT).values_list(
        "pk", "code", "parent__code"
    )
    return {pk: (code, parent or "") for pk, code, parent in rows}
