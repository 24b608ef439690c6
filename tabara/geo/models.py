"""Rwanda's administrative units and border posts, loaded from data kept in the repository."""

from __future__ import annotations

from django.db import models


class AdminUnit(models.Model):
    """A province, district, sector, cell or village, identified by its NISR-style code."""

    class Level(models.TextChoices):
        PROVINCE = "province", "province"
        DISTRICT = "district", "district"
        SECTOR = "sector", "sector"
        CELL = "cell", "cell"
        VILLAGE = "village", "village"

    code = models.CharField(max_length=8, unique=True)
    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    name = models.CharField(max_length=100)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return self.name


class BorderPost(models.Model):
    """An official crossing point (road border post or international airport)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    district = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="border_posts")
    neighbour_country = models.CharField(max_length=2, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
