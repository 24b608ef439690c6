"""The pure screening evaluator: decision rules of screening-law.md section 4.2.

`evaluate(answers)` takes indicator id -> "yes" | "no" | "unknown" (a missing id means unknown)
and returns an `Assessment`: the outcome, secondary outcomes, each element's status with the
answers and law behind it, the rules that hold, warnings, referrals and the next questions,
most decisive first. It uses no Django and never raises for valid ids and values.
"""

from __future__ import annotations

from collections.abc import Mapping

from tabara.screening.advice import warnings_for
from tabara.screening.compiled import Compiled, compiled, element_finding, purpose_finding
from tabara.screening.decide import smuggling_status as decided_smuggling
from tabara.screening.findings import Assessment
from tabara.screening.model import Ruleset
from tabara.screening.questions import Facts, rank_questions
from tabara.screening.ruleset import load_ruleset

# Element statuses that state a fact, so the law behind them counts for legal confirmation.
_ESTABLISHED = frozenset({"yes", "no", "met", "partial", "identified"})
_RULE_IDS = ("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9")


class InvalidAnswers(ValueError):
    """Answers name an unknown indicator or use a value other than yes, no or unknown."""


def encode_answers(c: Compiled, answers: Mapping[str, object]) -> tuple[int, int]:
    """Turn answers into (yes mask, no mask); raise InvalidAnswers on unknown ids or values."""
    yes = no = 0
    bit_of = c.bit_of
    for key, value in answers.items():
        bit = bit_of.get(key)
        if bit is None:
            raise InvalidAnswers(f"unknown indicator id {key!r}")
        if value == "yes":
            yes |= bit
        elif value == "no":
            no |= bit
        elif value != "unknown":
            raise InvalidAnswers(f"{key}: answer must be yes, no or unknown, not {value!r}")
    return yes, no


def evaluate(answers: Mapping[str, object], ruleset: Ruleset | None = None) -> Assessment:
    """Screen one situation under the decision rules; the result records the rule-set version.

    For a child (Y age_under_18) means are never needed; an adult needs act, means and purpose.
    """
    c = compiled(ruleset if ruleset is not None else load_ruleset())
    yes, no = encode_answers(c, answers)
    return assess(c, yes, no)


def assess(c: Compiled, y: int, n: int) -> Assessment:
    """Apply rules R1-R10 to answer masks (see docs/screening-rules.md for each rule)."""
    child = bool(y & c.age_18)
    adult = bool(n & c.age_18)
    age_unknown = not child and not adult

    # Act: any act "yes"; "not met" only when recruited, transported and harboured are all "no".
    act_yes = y & c.act
    act_met = bool(act_yes)
    act_status = "met" if act_met else "not_met" if n & c.act_core == c.act_core else "unknown"

    # Means (adults): one strong or two medium "yes" meet it; one medium or a weak is partial.
    strong_yes = y & c.strong
    medium_yes = y & c.medium
    weak_yes = y & c.weak
    medium_count = medium_yes.bit_count()
    means_met = strong_yes.bit_count() >= c.strong_min or medium_count >= c.medium_min
    means_partial = not means_met and (medium_count > 0 or bool(weak_yes))

    # Purpose types, each with the "yes" answers that show it.
    coercion_yes = y & c.coercion
    conditions_yes = y & c.conditions
    conditions_met = conditions_yes.bit_count() >= c.conditions_min
    sells = bool(y & c.sells_sex)
    types: dict[str, int] = {}
    if y & c.direct_all:
        for type_id, type_mask in c.direct:
            if y & type_mask:
                types[type_id] = y & type_mask
    if sells and y & c.third_party:
        types["sexual"] = types.get("sexual", 0) | c.sells_sex | c.third_party
    if conditions_met and coercion_yes:
        types["forced_labour"] = types.get("forced_labour", 0) | conditions_yes | coercion_yes
    child_marriage_paid = bool(y & c.child_marriage and y & c.child_marriage_payment)
    moved_yes = y & c.moved
    harm_yes = y & c.harm
    child_labour_exploitation = bool(moved_yes and (harm_yes or conditions_met))
    purpose_met = bool(types)
    if child:
        if sells:  # C182 Art 3(b): a child in commercial sex is sexually exploited as such.
            types["sexual"] = types.get("sexual", 0) | c.sells_sex
        if child_marriage_paid:
            marriage = c.child_marriage | (y & c.child_marriage_payment)
            types["forced_marriage"] = types.get("forced_marriage", 0) | marriage
        if child_labour_exploitation:
            types["child_labour_exploitation"] = moved_yes | harm_yes | conditions_yes

    # Rules R1-R8 (screening-law.md 4.2).
    r1 = child and sells
    r2 = child and act_met and bool(types)
    r3 = not child and act_met and means_met and purpose_met
    r4 = age_unknown and (
        sells or (act_met and (purpose_met or child_marriage_paid or child_labour_exploitation))
    )
    r5 = bool(y & c.border and y & c.irregular and y & c.paid)
    light_ok = bool(y & c.light_work) and not harm_yes
    r6 = (
        child
        and not light_ok
        and bool(y & (c.hazardous | c.night_or_hours) or (y & c.age_16 and y & c.under_16_work))
    )
    r7 = adult and (conditions_met or bool(y & (c.labour_rights | c.deceived_conditions)))
    r8 = (
        adult
        and sells
        and not y & c.third_party
        and not y & c.sex_work_coercion
        and bool(y & c.sex_work_autonomy)
    )
    risk_yes = y & c.risk_graded
    if n & c.age_16:
        risk_yes &= ~c.under_16_work
    r9 = not risk_yes and bool(y & c.protective)

    secondary: tuple[str, ...] = ()
    if r1 or r2 or r3:
        outcome, decided_by = "trafficking", "R1" if r1 else "R2" if r2 else "R3"
        labour_type = not c.labour_purposes.isdisjoint(types)
        secondary = tuple(
            name
            for name, holds in (("smuggling", r5), ("child_labour", r6 and labour_type))
            if holds
        )
    elif r4:
        outcome, decided_by = "insufficient_information", "R4"
    elif r5:
        outcome, decided_by = "smuggling", "R5"
    elif r6:
        outcome, decided_by = "child_labour", "R6"
    elif r7:
        outcome, decided_by = "labour_exploitation", "R7"
    elif r8:
        outcome, decided_by = "sex_work", "R8"
    elif r9:
        outcome, decided_by = "no_indicators", "R9"
    else:
        outcome, decided_by = "insufficient_information", "R10"
    held = (r1, r2, r3, r4, r5, r6, r7, r8, r9)
    rules_met = tuple(rule_id for rule_id, holds in zip(_RULE_IDS, held, strict=True) if holds)
    if decided_by == "R10":
        rules_met += ("R10",)

    # Element statuses in the vocabulary of vignettes-public.yaml, with their evidence.
    if child:
        means = element_finding(c, "means", "not_required", 0, 0)
    elif means_met or means_partial:
        shown = strong_yes | medium_yes | weak_yes
        means = element_finding(c, "means", "met" if means_met else "partial", shown, 0)
    else:
        free = y & c.negators
        denied = n & (c.strong | c.medium)
        status = "not_met" if free or denied == c.strong | c.medium else "unknown"
        means = element_finding(c, "means", status, free, denied if status == "not_met" else 0)
    act_no = n & c.act_core if act_status == "not_met" else 0
    act = element_finding(c, "act", act_status, act_yes, act_no)
    child_status = "yes" if child else "no" if adult else "unknown"
    child_finding = element_finding(c, "child", child_status, y & c.age_18, n & c.age_18)
    smuggling_status = decided_smuggling(c, n, met=r5)
    shown = c.border | c.paid | c.irregular if smuggling_status != "unknown" else 0
    smuggling = element_finding(c, "smuggling", smuggling_status, y & shown, n & shown)
    purpose_shown = 0
    for type_yes in types.values():
        purpose_shown |= type_yes
    if types:
        purpose_status = "identified"
    else:
        purpose_status = "unknown" if outcome == "insufficient_information" else "none_identified"
    purpose = element_finding(c, "purpose", purpose_status, purpose_shown, 0)
    purposes = tuple(
        purpose_finding(c, type_id, types[type_id])
        for type_id in c.ruleset.purpose_types
        if type_id in types
    )
    findings = (child_finding, act, means, purpose, smuggling)

    facts = Facts(
        yes=y,
        no=n,
        child=child,
        age_unknown=age_unknown,
        trafficking_open=outcome != "trafficking",
        need_act=not act_met,
        need_means=not child and not means_met,
        medium_count=medium_count,
        means_unknown=means[0].status == "unknown",
        need_purpose=not types,
        coercion=bool(coercion_yes),
        conditions=conditions_met,
        moved=bool(moved_yes),
        harm=bool(harm_yes),
        smuggling_open=smuggling_status == "unknown",
        child_labour_open=child and not r6,
        sex_work_open=not child and sells and outcome not in {"trafficking", "sex_work"},
        reassurance_open=decided_by == "R10" and not risk_yes,
        protect=outcome == "trafficking" or r4 or r5,
    )
    warnings = warnings_for(c, y, outcome, child, r4, r5, "illegal_adoption" in types)
    rule = c.ruleset.rules[decided_by]
    referrals = rule.referrals
    if child and "child_protection" not in referrals:
        referrals += ("child_protection",)
    # The law the result rests on: outcome, deciding rule, elements found and purposes.
    cited = c.law_masks["outcome:" + outcome] | c.law_masks["rule:" + decided_by]
    for finding, law in findings:
        if finding.status in _ESTABLISHED:
            cited |= law
    for type_id in types:
        cited |= c.law_masks["purpose:" + type_id]
    return Assessment(
        outcome=outcome,
        secondary=secondary,
        child=child_finding[0],
        act=act[0],
        means=means[0],
        purpose=purpose[0],
        purposes=purposes,
        smuggling=smuggling[0],
        decided_by=decided_by,
        rules_met=rules_met,
        warnings=warnings,
        referrals=referrals,
        next_questions=rank_questions(c, facts),
        needs_legal_confirmation=rule.legal_review or bool(cited & c.unconfirmed),
        ruleset=c.ruleset.version,
        ruleset_sha256=c.ruleset.sha256,
    )
