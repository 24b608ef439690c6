"""Human explanations of an assessment, and teaching texts, in Kinyarwanda, English or French.

Everything here is read from the rule set, so a new rule-set version brings its own wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tabara.screening.findings import Assessment, ElementFinding
from tabara.screening.model import Advice, LawRef, Ruleset
from tabara.screening.ruleset import load_ruleset


@dataclass(frozen=True, slots=True)
class OutcomeTeaching:
    """What one outcome means and what makes it different from the others, in one language."""

    outcome: str
    label: str
    short: str
    long: str


def teaching_texts(lang: str, ruleset: Ruleset | None = None) -> tuple[OutcomeTeaching, ...]:
    """Teaching texts for every outcome in `lang` (rw, en or fr), in rule-set order.

    `short` is at most 150 characters (USSD "Learn" menu); `long` suits the self-check page.
    """
    rs = ruleset if ruleset is not None else load_ruleset()
    return tuple(
        OutcomeTeaching(o.id, o.label.get(lang), o.short.get(lang), o.long.get(lang))
        for o in rs.outcomes.values()
    )


def explain(assessment: Assessment, lang: str, ruleset: Ruleset | None = None) -> dict[str, Any]:
    """The assessment in words: outcome, elements, rules, warnings, referrals, next questions."""
    rs = ruleset if ruleset is not None else load_ruleset(assessment.ruleset)
    outcome = rs.outcomes[assessment.outcome]
    review = rs.notices["legal_review"].get(lang)

    def law(refs: tuple[LawRef, ...]) -> list[dict[str, Any]]:
        return [
            dict(ref.to_dict(), note=review) if ref.unconfirmed else ref.to_dict() for ref in refs
        ]

    def answers(finding: ElementFinding) -> list[dict[str, str]]:
        given = [(iid, "yes") for iid in finding.yes] + [(iid, "no") for iid in finding.no]
        return [
            {"id": iid, "answer": value, "question": rs.indicators[iid].question.get(lang)}
            for iid, value in given
        ]

    def element(finding: ElementFinding) -> dict[str, Any]:
        spec = rs.elements[finding.element]
        return {
            "name": spec.name.get(lang),
            "status": finding.status,
            "meaning": spec.statuses[finding.status].get(lang),
            "about": spec.short.get(lang),
            "answers": answers(finding),
            "law": law(finding.law),
        }

    def advice(item: Advice) -> dict[str, Any]:
        return {
            "id": item.id,
            "urgency": item.urgency,
            "short": item.short.get(lang),
            "long": item.long.get(lang),
        }

    purposes = [
        {
            "type": finding.type,
            "label": rs.purpose_types[finding.type].label.get(lang),
            "answers": [
                {"id": iid, "answer": "yes", "question": rs.indicators[iid].question.get(lang)}
                for iid in finding.yes
            ],
            "law": law(finding.law),
        }
        for finding in assessment.purposes
    ]
    rules = [
        {
            "id": rid,
            "title": rs.rules[rid].title.get(lang),
            "text": rs.rules[rid].text.get(lang),
            "legal_review": rs.rules[rid].legal_review,
            "decided": rid == assessment.decided_by,
        }
        for rid in assessment.rules_met
    ]
    notices = [rs.notices["not_legal_advice"].get(lang)]
    if assessment.needs_legal_confirmation:
        notices.append(review)
    return {
        "lang": lang,
        "outcome": {
            "id": outcome.id,
            "label": outcome.label.get(lang),
            "short": outcome.short.get(lang),
            "long": outcome.long.get(lang),
            "law": law(outcome.law),
        },
        "secondary": [
            {
                "id": oid,
                "label": rs.outcomes[oid].label.get(lang),
                "short": rs.outcomes[oid].short.get(lang),
            }
            for oid in assessment.secondary
        ],
        "elements": {
            "child": element(assessment.child),
            "act": element(assessment.act),
            "means": element(assessment.means),
            "purpose": dict(element(assessment.purpose), types=purposes),
            "smuggling": element(assessment.smuggling),
        },
        "rules": rules,
        "warnings": [advice(rs.warnings[wid]) for wid in assessment.warnings],
        "referrals": [advice(rs.referrals[rid]) for rid in assessment.referrals],
        "next_questions": [
            {"id": iid, "question": rs.indicators[iid].question.get(lang)}
            for iid in assessment.next_questions
        ],
        "notices": notices,
    }
