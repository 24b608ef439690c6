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
_ELSE = "All other comparisons"
# Keyed by Splink's label of the level (settings.py), so that a level added to the model
# never shifts the words; an unknown label is shown as Splink names it.
LEVELS: dict[tuple[str, str], Promise] = {
    ("name", "Exact match on name_sorted"): gettext_lazy("the same names, in any order"),
    ("name", "Array intersection size >= 2"): gettext_lazy("two or more names shared"),
    ("name", "Jaro-Winkler distance of name_sorted >= 0.92"): gettext_lazy("names spelled alike"),
    ("name", "one name omitted"): gettext_lazy("one record's names all in the other's"),
    ("name", "rarest token shared"): gettext_lazy("the rarest name shared"),
    ("name", "two stems shared"): gettext_lazy("two name stems shared"),
    ("name", "one name shared"): gettext_lazy("one name shared"),
    ("name", "one stem shared"): gettext_lazy("one name stem shared"),
    ("name", _ELSE): gettext_lazy("no name in common"),
    ("birth", "Exact match on birth_date"): gettext_lazy("the same full date"),
    ("birth", "Damerau-Levenshtein distance of birth_date <= 1"): gettext_lazy(
        "dates one typing slip apart"
    ),
    ("birth", "same year, a side without the day"): gettext_lazy(
        "the same year, one side without the day"
    ),
    ("birth", "same year as far as both are known"): gettext_lazy(
        "the same year as far as both are known"
    ),
    ("birth", "same year"): gettext_lazy("the same year"),
    ("birth", "±1 year"): gettext_lazy("one year apart"),
    ("birth", "±2 years, a side from an age"): gettext_lazy(
        "two years apart, one side from an age"
    ),
    ("birth", _ELSE): _DIFFERENT,
    ("nin", "Exact match on nin"): gettext_lazy("the same number"),
    ("nin", "first 13 digits"): gettext_lazy("the same first 13 digits (a re-issued card)"),
    ("nin", "Damerau-Levenshtein distance of nin <= 1"): gettext_lazy("one digit apart"),
    ("nin", _ELSE): _DIFFERENT,
}
for _name in ("sex", "phone", "district"):
    LEVELS[(_name, f"Exact match on {_name}")] = _SAME
    LEVELS[(_name, _ELSE)] = _DIFFERENT


def level_text(comparison: str, label: str) -> str:
    """A level in the reader's language (Splink's own label when it is not known here)."""
    text = LEVELS.get((comparison, label))
    return str(text) if text is not None else label


def evidence_rows(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each comparison of a pair: its name, the level in words, its weight, agreed or not."""
    rows = []
    for item in evidence:
        comparison, level = item["comparison"], int(item["level"])
        if level < 0:
            text = _("missing on one side: no evidence")
        else:
            text = level_text(comparison, item.get("label", ""))
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
        for level in levels:
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = math.log2(m / u) if m and u else None
            rows.append(
                {
                    "comparison": str(COMPARISON_NAMES.get(name, name)),
                    "level": level_text(name, level.get("label_for_charts", "")),
                    "m": m,
                    "u": u,
                    "weight": weight,
                }
            )
    return rows
