"""Warnings that accompany an assessment (screening-law.md 4.3); they never change the outcome."""

from __future__ import annotations

from tabara.screening.compiled import Compiled


def warnings_for(
    c: Compiled, y: int, outcome: str, child: bool, r4: bool, r5: bool, adoption: bool
) -> tuple[str, ...]:
    """Warnings that apply, in rule-set order; they never change the outcome (section 4.3)."""
    trafficking = outcome == "trafficking"
    third_party = bool(y & c.third_party)
    applies = {
        "non_punishment": trafficking or r4 or bool(y & c.made_offence),
        "child_cannot_consent": child and (trafficking or bool(y & c.sells_sex)),
        "treat_as_child": r4,
        "consent_irrelevant": trafficking
        and not child
        and bool(y & (c.entered_knowingly | c.own_choice)),
        "exploitation_of_prostitution": third_party and not trafficking,
        "sex_work_legal_status": outcome == "sex_work",
        "separate_exploitation_offence": outcome == "labour_exploitation",
        "smuggled_not_liable": r5,
        "dangerous_journey": bool(y & c.endangered),
        "illegal_adoption_rwanda": adoption,
    }
    return tuple(wid for wid in c.ruleset.warnings if applies[wid])
