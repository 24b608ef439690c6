"""Geography from the repository's data files: complete, linked and idempotent."""

from __future__ import annotations

import pytest

from tabara.geo.countries import country_choices, country_codes, country_name
from tabara.geo.models import AdminUnit, BorderPost
from tabara.geo.services import geography_load


@pytest.mark.django_db
def test_every_level_loads_with_parents_and_loading_twice_changes_nothing() -> None:
    counts = geography_load()
    assert counts == {
        "province": 5,
        "district": 30,
        "sector": 416,
        "cell": 2148,
        "village": 14814,
        "border_posts": 14,
    }
    assert geography_load() == counts
    unit: AdminUnit | None = AdminUnit.objects.get(code="11010102")
    assert unit is not None and unit.name == "Gihanga"
    path = []
    while unit is not None:
        path.append((unit.level, unit.code))
        unit = unit.parent
    assert path == [
        ("village", "11010102"),
        ("cell", "110101"),
        ("sector", "1101"),
        ("district", "11"),
        ("province", "1"),
    ]


@pytest.mark.django_db
def test_border_posts_sit_in_real_districts(geography) -> None:
    rusumo = BorderPost.objects.select_related("district").get(code="rusumo")
    assert rusumo.district.name == "Kirehe" and rusumo.neighbour_country == "TZ"
    assert BorderPost.objects.filter(district__level="district").count() == 14


def test_countries_are_iso_codes_named_in_three_languages() -> None:
    assert {"UG", "KE", "CD", "AE", "ZZ"} <= country_codes()
    assert all(len(code) == 2 and code.isupper() for code in country_codes())
    for language in ("rw", "en", "fr"):
        assert all(name for _code, name in country_choices(language))
    assert country_name("UG", "rw") == "Ubugande"
    assert country_name("UG", "fr") == "Ouganda"
