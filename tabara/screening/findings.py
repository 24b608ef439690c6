"""What an assessment returns: plain frozen dataclasses with `to_dict()` for JSON and storage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tabara.screening.model import LawRef


@dataclass(frozen=True, slots=True)
class ElementFinding:
    """The status of one legal element, the answers behind it and the law it rests on.

    `yes` and `no` list the indicator ids whose "yes" or "no" answers support the status.
    """

    element: str
    status: str
    yes: tuple[str, ...]
    no: tuple[str, ...]
    law: tuple[LawRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "answers": {"yes": list(self.yes), "no": list(self.no)},
            "law": [ref.to_dict() for ref in self.law],
        }


@dataclass(frozen=True, slots=True)
class PurposeFinding:
    """One exploitation purpose found, with the "yes" answers that show it and its law."""

    type: str
    yes: tuple[str, ...]
    law: tuple[LawRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "answers": {"yes": list(self.yes)},
            "law": [ref.to_dict() for ref in self.law],
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """The result of screening one situation under one rule-set version.

    `needs_legal_confirmation` is true when the deciding rule awaits legal review or any law
    the result rests on (outcome, deciding rule, elements found, purposes) is marked UNCONF:
    interfaces then show "to be confirmed by a legal officer" instead of stating the law as
    settled. Every cited `LawRef` also carries its own `unconfirmed` flag.
    """

    outcome: str
    secondary: tuple[str, ...]
    child: ElementFinding
    act: ElementFinding
    means: ElementFinding
    purpose: ElementFinding
    purposes: tuple[PurposeFinding, ...]
    smuggling: ElementFinding
    decided_by: str
    rules_met: tuple[str, ...]
    warnings: tuple[str, ...]
    referrals: tuple[str, ...]
    next_questions: tuple[str, ...]
    needs_legal_confirmation: bool
    ruleset: str
    ruleset_sha256: str

    @property
    def purpose_status(self) -> list[str] | str:
        """Purpose types found, or "none_identified" / "unknown" when there are none."""
        if self.purposes:
            return [finding.type for finding in self.purposes]
        return self.purpose.status

    def element_statuses(self) -> dict[str, Any]:
        """Element statuses in the vocabulary of vignettes-public.yaml."""
        return {
            "child": self.child.status,
            "act": self.act.status,
            "means": self.means.status,
            "purpose": self.purpose_status,
            "smuggling": self.smuggling.status,
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `elements` is the compact map, `element_details` the evidence."""
        purpose = self.purpose.to_dict()
        purpose["types"] = [finding.to_dict() for finding in self.purposes]
        return {
            "outcome": self.outcome,
            "secondary": list(self.secondary),
            "elements": self.element_statuses(),
            "element_details": {
                "child": self.child.to_dict(),
                "act": self.act.to_dict(),
                "means": self.means.to_dict(),
                "purpose": purpose,
                "smuggling": self.smuggling.to_dict(),
            },
            "rules": {"decided_by": self.decided_by, "met": list(self.rules_met)},
            "warnings": list(self.warnings),
            "referrals": list(self.referrals),
            "next_questions": list(self.next_questions),
            "needs_legal_confirmation": self.needs_legal_confirmation,
            "ruleset": self.ruleset,
            "ruleset_sha256": self.ruleset_sha256,
        }
