"""One presumed victim as the open-data exports see it: no name, no contact, no free text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class VictimRecord:
    """A presumed victim of a case (or the case itself when nobody was recorded as one).

    Values are Tabara's codes (tabara/cases/choices.py); "" means not recorded.
    """

    case_id: int
    opened_on: date
    case_status: str = "active"
    closure_reason: str = ""
    screening_outcome: str = "not_screened"
    owner_kind: str = ""
    owner_name: str = ""
    consent_to_share: bool = False
    province: str = ""
    gender: str = "unknown"
    age: int | None = None
    is_child: bool = False
    citizenship: str = ""
    exploitation_types: tuple[str, ...] = field(default=("unknown",))
    recruitment_channel: str = "unknown"
    destination_country: str = ""
    border_crossed: bool = False

    @property
    def exploitation_country(self) -> str:
        """Where the person was (to be) exploited: abroad if named, else Rwanda if inland."""
        if self.destination_country and self.destination_country != "ZZ":
            return self.destination_country
        if not self.border_crossed and not self.destination_country and self.province:
            return "RW"
        return ""

    @property
    def known_types(self) -> tuple[str, ...]:
        return tuple(t for t in self.exploitation_types if t != "unknown")
