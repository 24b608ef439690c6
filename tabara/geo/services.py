"""Loading the geography from the data files in tabara/geo/data (idempotent)."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from tabara.geo.models import AdminUnit, BorderPost
from tabara.geo.selectors import choices_forget

DATA_DIR = Path(__file__).parent / "data"
LEVEL_ORDER = ["province", "district", "sector", "cell", "village"]


@transaction.atomic
def geography_load(*, levels: tuple[str, ...] = tuple(LEVEL_ORDER)) -> dict[str, int]:
    """Insert missing units level by level (parents first) and the border posts; return counts."""
    with (DATA_DIR / "admin_units.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["level"] in levels]
    existing = set(AdminUnit.objects.values_list("code", flat=True))
    for level in LEVEL_ORDER:
        ids = dict(AdminUnit.objects.values_list("code", "id"))
        new = [
            AdminUnit(
                code=row["code"],
                level=level,
                name=row["name"],
                parent_id=ids.get(row["parent_code"]) if row["parent_code"] else None,
            )
            for row in rows
            if row["level"] == level and row["code"] not in existing
        ]
        AdminUnit.objects.bulk_create(new, batch_size=2000)
    districts = dict(AdminUnit.objects.filter(level="district").values_list("code", "id"))
    with (DATA_DIR / "border_posts.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            BorderPost.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name": row["name"],
                    "district_id": districts[row["district_code"]],
                    "neighbour_country": row["neighbour"],
                },
            )
    transaction.on_commit(choices_forget)
    choices_forget()
    counts = {level: AdminUnit.objects.filter(level=level).count() for level in LEVEL_ORDER}
    counts["border_posts"] = BorderPost.objects.count()
    return counts
