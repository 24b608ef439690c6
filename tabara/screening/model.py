"""The typed shape of a screening rule set: plain frozen dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("rw", "en", "fr")


@dataclass(frozen=True, slots=True)
class Text:
    """One user-facing text in Kinyarwanda, English and French."""

    rw: str
    en: str
    fr: str

    def get(self, lang: str) -> str:
        if lang == "rw":
            return self.rw
        if lang == "fr":
            return self.fr
        if lang == "en":
            return self.en
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")


@dataclass(frozen=True, slots=True)
class LawRef:
    """A legal or evidential source as cited: key, pinpoint and confidence (P, 2nd, UNCONF)."""

    key: str
    cite: str
    source: str
    confidence: str

    @property
    def unconfirmed(self) -> bool:
        """True when the law reference marks the fact as unconfirmed (UNCONF)."""
        return self.confidence == "UNCONF"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "cite": self.cite,
            "source": self.source,
            "confidence": self.confidence,
            "unconfirmed": self.unconfirmed,
        }


@dataclass(frozen=True, slots=True)
class Indicator:
    """One yes/no/unknown question of the catalogue; its id is a public contract."""

    id: str
    elements: tuple[str, ...]
    purpose_type: str | None
    strength: str
    polarity: str
    question: Text
    law: tuple[LawRef, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """A screening outcome with its teaching texts ("what makes this different")."""

    id: str
    label: Text
    law: tuple[LawRef, ...]
    short: Text
    long: Text


@dataclass(frozen=True, slots=True)
class Element:
    """A legal element (child, act, means, purpose, smuggling) and its explanations."""

    id: str
    name: Text
    law: tuple[LawRef, ...]
    short: Text
    long: Text
    statuses: Mapping[str, Text]


@dataclass(frozen=True, slots=True)
class PurposeType:
    """A type of exploitation; `direct` lists the indicators that show it on their own."""

    id: str
    label: Text
    direct: tuple[str, ...]
    law: tuple[LawRef, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A decision rule of screening-law.md section 4.2 with its explanation and referrals."""

    id: str
    outcome: str
    legal_review: bool
    title: Text
    text: Text
    law: tuple[LawRef, ...]
    referrals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Advice:
    """A warning or a referral: short (at most 150 characters) and long texts."""

    id: str
    law: tuple[LawRef, ...]
    short: Text
    long: Text
    urgency: str


@dataclass(frozen=True, slots=True)
class Ruleset:
    """A validated, hash-verified rule set; every assessment records its version."""

    version: str
    sha256: str
    title: Text
    notices: Mapping[str, Text]
    indicators: Mapping[str, Indicator]
    outcomes: Mapping[str, Outcome]
    elements: Mapping[str, Element]
    purpose_types: Mapping[str, PurposeType]
    groups: Mapping[str, tuple[str, ...]]
    labour_purposes: tuple[str, ...]
    thresholds: Mapping[str, int]
    question_order: tuple[str, ...]
    rules: Mapping[str, Rule]
    warnings: Mapping[str, Advice]
    referrals: Mapping[str, Advice]
