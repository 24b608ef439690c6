"""The names of Rwanda's five provinces in Kinyarwanda, English and French.

The geography (WASAC's data) names the provinces in English only. These are their official
names in Rwanda's three official languages, as the organic law of 31/12/2005 determining
the administrative entities of the Republic of Rwanda (No. 29/2005) gives them, keyed by
NISR province code. English keeps WASAC's wording, as everywhere else in Tabara.
"""

from __future__ import annotations

from typing import Final

PROVINCE_NAMES: Final[dict[str, dict[str, str]]] = {
    "1": {"rw": "Umujyi wa Kigali", "en": "Kigali City", "fr": "Ville de Kigali"},
    "2": {"rw": "Intara y'Amajyepfo", "en": "Southern Province", "fr": "Province du Sud"},
    "3": {
        "rw": "Intara y'Iburengerazuba",
        "en": "Western Province",
        "fr": "Province de l'Ouest",
    },
    "4": {"rw": "Intara y'Amajyaruguru", "en": "Northern Province", "fr": "Province du Nord"},
    "5": {"rw": "Intara y'Iburasirazuba", "en": "Eastern Province", "fr": "Province de l'Est"},
}


def province_name(code: str, language: str, default: str = "") -> str:
    """The province's name in `language` (rw, en or fr); `default` for an unknown code."""
    names = PROVINCE_NAMES.get(code, {})
    return names.get(language) or names.get("en") or default or code
