"""The outcome alone, from answer masks: the fast path that question choice calls many times.

`decide(c, yes, no)` applies rules R1-R10 of screening-law.md 4.2 like `engine.assess` but
builds no findings, so looking one answer ahead for every question stays within a few
milliseconds. It returns the outcome with the statuses of act, means, purpose and smuggling
(the "state" whose uncertainty question choice reduces). `tests/test_decide.py` checks that it
agrees with `assess` on random answer sets.
"""

from __future__ import annotations

from tabara.screening.compiled import Compiled

State = tuple[str, str, str, str, str]


def decide(c: Compiled, y: int, n: int) -> State:
    """(outcome, act, means, purpose, smuggling) for yes mask `y` and no mask `n`."""
    child = bool(y & c.age_18)
    adult = bool(n & c.age_18)
    age_unknown = not child and not adult
    act_met = bool(y & c.act)
    medium_count = (y & c.medium).bit_count()
    means_met = (y & c.strong).bit_count() >= c.strong_min or medium_count >= c.medium_min
    conditions_met = (y & c.conditions).bit_count() >= c.conditions_min
    sells = bool(y & c.sells_sex)
    purpose = bool(y & c.direct_all) or (sells and bool(y & c.third_party))
    purpose = purpose or (conditions_met and bool(y & c.coercion))
    marriage_paid = bool(y & c.child_marriage and y & c.child_marriage_payment)
    harm = bool(y & c.harm)
    child_labour_expl = bool(y & c.moved) and (harm or conditions_met)
    child_purpose = purpose or (child and (sells or marriage_paid or child_labour_expl))
    r5 = bool(y & c.border and y & c.irregular and y & c.paid)
    if (
        (child and sells)
        or (child and act_met and child_purpose)
        or (not child and act_met and means_met and purpose)
    ):
        outcome = "trafficking"
    elif age_unknown and (sells or (act_met and (purpose or marriage_paid or child_labour_expl))):
        outcome = "insufficient_information"
    elif r5:
        outcome = "smuggling"
    elif (
        child
        and not (y & c.light_work and not harm)
        and bool(y & (c.hazardous | c.night_or_hours) or (y & c.age_16 and y & c.under_16_work))
    ):
        outcome = "child_labour"
    elif adult and (conditions_met or bool(y & (c.labour_rights | c.deceived_conditions))):
        outcome = "labour_exploitation"
    elif (
        adult
        and sells
        and not y & (c.third_party | c.sex_work_coercion)
        and bool(y & c.sex_work_autonomy)
    ):
        outcome = "sex_work"
    else:
        risk = y & c.risk_graded
        if n & c.age_16:
            risk &= ~c.under_16_work
        outcome = "no_indicators" if not risk and y & c.protective else "insufficient_information"
    act = "met" if act_met else "not_met" if n & c.act_core == c.act_core else "unknown"
    if child:
        means = "not_required"
    elif means_met:
        means = "met"
    elif medium_count or y & c.weak:
        means = "partial"
    elif y & c.negators or n & (c.strong | c.medium) == c.strong | c.medium:
        means = "not_met"
    else:
        means = "unknown"
    purpose_status = "identified" if child_purpose else "open"
    return outcome, act, means, purpose_status, smuggling_status(c, n, met=r5)


def smuggling_status(c: Compiled, n: int, *, met: bool) -> str:
    """Smuggling is met by R5, not met once border, payment or every irregular entry is "no"."""
    if met:
        return "met"
    if n & c.border or n & c.paid or n & c.irregular == c.irregular:
        return "not_met"
    return "unknown"
