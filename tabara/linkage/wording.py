"""The model's comparisons and levels in the reader's language (settings.py defines them;
the level numbers are Splink's gamma values: most specific highest, -1 a side missing)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COMPARISON_NAMES: dict[str, Promise] = {
    "name": gettext_lazy("Names"),
    "birth": gettext_lazy("Birth"),
    "sex": gettext_lazy("Sex"),
    "nin": gettext_lazy("National ID number"),
    "phone": gettext_lazy("Phone"),
    "district": gettext_lazy("District"),
}
_SAME, _DIFFERENT = gettext_lazy("the same"), gettext_lazy("different")
LEVELS: dict[tuple[str, int], Promise] = {
    ("name", 7): gettext_lazy("the same names, in any order"),
    ("name", 6): gettext_lazy("two or more names shared"),
    ("name", 5): gettext_lazy("names spelled alike"),
    ("name", 4): gettext_lazy("one record's names all in the other's"),
    ("name", 3): gettext_lazy("the rarest name shared"),
    ("name", 2): gettext_lazy("one name shared"),
    ("name", 1): gettext_lazy("one name stem shared"),
    ("name", 0): gettext_lazy("no name in common"),
    ("birth", 6): gettext_lazy("the same full date"),
    ("birth", 5): gettext_lazy("dates one typing slip apart"),
    ("birth", 4): gettext_lazy("the same year, one side without the day"),
    ("birth", 3): gettext_lazy("the same year"),
    ("birth", 2): gettext_lazy("one year apart"),
    ("birth", 1): gettext_lazy("two years apart, one side from an age"),
    ("birth", 0): _DIFFERENT,
    ("nin", 3): gettext_lazy("the same number"),
    ("nin", 2): gettext_lazy("the same first 13 digits (a re-issued card)"),
    ("nin", 1): gettext_lazy("one digit apart"),
    ("nin", 0): _DIFFERENT,
}
for _name in ("sex", "phone", "district"):
    LEVELS[(_name, 1)] = _SAME
    LEVELS[(_name, 0)] = _DIFFERENT


def evidence_rows(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each comparison of a pair: its name, the level in words, its weight, agreed or not."""
    rows = []
    for item in evidence:
        comparison, level = item["comparison"], int(item["level"])
        if level < 0:
            text = _("missing on one side: no evidence")
        else:
            text = str(LEVELS.get((comparison, level), item.get("label", "")))
        rows.append(
            {
                "comparison": comparison,
                "name": str(COMPARISON_NAMES.get(comparison, comparison)),
                "level": text,
                "weight": float(item["weight"]),
                "agrees": float(item["weight"]) > 0,
                "missing": level < 0,
            }
        )
    return rows


def model_rows(model: dict[str, Any]) -> list[dict[str, Any]]:
    """The trained model's m and u by comparison level, with the level's match weight."""
    import math

    rows = []
    for comparison in model.get("comparisons", []):
        name = comparison["output_column_name"]
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        for position, level in enumerate(levels):
            gamma = len(levels) - 1 - position
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = math.log2(m / u) if m and u else None
            rows.append(
                {
                    "comparison": str(COMPARISON_NAMES.get(name, name)),
                    "level": str(LEVELS.get((name, gamma), level.get("label_for_charts", ""))),
                    "m": m,
                    "u": u,
                    "weight": weight,
                }
            )
    return rows
