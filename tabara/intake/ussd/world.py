"""What the pure menu needs from the database and the rule set, read once per process."""

from __future__ import annotations

from functools import lru_cache

from tabara.geo.models import AdminUnit
from tabara.geo.selectors import border_post_choices, units_at_level
from tabara.intake.ussd import texts
from tabara.intake.ussd.menu import Places, World
from tabara.intake.ussd.screen import Choice
from tabara.screening.explain import teaching_texts

_LOADED: list[Places] = []  # the geography changes only with geography_load


def ussd_world() -> World:
    """Places and teaching texts; the places are kept once the geography is loaded."""
    if _LOADED:
        return World(places=_LOADED[0], learn=_learn())
    places = _places()
    if places.districts:
        _LOADED.append(places)
    return World(places=places, learn=_learn())


def _places() -> Places:
    districts: dict[str, list[Choice]] = {}
    sectors: dict[str, list[Choice]] = {}
    for level, into in ((AdminUnit.Level.DISTRICT, districts), (AdminUnit.Level.SECTOR, sectors)):
        for code, name, parent in units_at_level(level).values_list("code", "name", "parent__code"):
            into.setdefault(parent or "", []).append((code, name))
    return Places(
        districts={k: tuple(v) for k, v in districts.items()},
        sectors={k: tuple(v) for k, v in sectors.items()},
        border_posts=border_post_choices(),
    )


@lru_cache(maxsize=1)
def _learn() -> dict[str, dict[str, str]]:
    """The rule set's short (<= 150 characters) teaching text per language and outcome."""
    return {
        lang: {item.outcome: item.short for item in teaching_texts(lang)} for lang in texts.LANGS
    }
