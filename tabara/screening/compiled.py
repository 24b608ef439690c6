"""A rule set precompiled into bit masks, so one assessment costs a few integer operations.

Each indicator owns one bit, numbered in the rule set's `question_order`: reading the set bits
of a mask from the lowest up lists indicators in the order they should be asked. Answers become
two masks (`yes`, `no`); a group test such as "any strong means answered yes" is `yes & strong`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tabara.screening.findings import ElementFinding, PurposeFinding
from tabara.screening.model import LawRef, Ruleset


@dataclass(frozen=True, slots=True)
class Compiled:
    """The bit-mask form of one rule set; built once per rule set and shared."""

    ruleset: Ruleset
    bit_of: Mapping[str, int]
    ids: tuple[str, ...]
    everything: int
    law_refs: tuple[LawRef, ...]
    law_mask: tuple[int, ...]
    unconfirmed: int
    law_masks: Mapping[str, int]
    refs_cache: dict[int, tuple[LawRef, ...]]
    findings_cache: dict[tuple[str, str, int, int], tuple[ElementFinding, int]]
    purposes_cache: dict[tuple[str, int], PurposeFinding]
    act: int
    act_core: int
    moved: int
    strong: int
    medium: int
    weak: int
    coercion: int
    conditions: int
    negators: int
    child_marriage_payment: int
    harm: int
    under_16_work: int
    sex_work_coercion: int
    sex_work_autonomy: int
    irregular: int
    direct: tuple[tuple[str, int], ...]
    direct_all: int
    risk_graded: int
    protective: int
    age_18: int
    age_16: int
    sells_sex: int
    third_party: int
    child_marriage: int
    labour_rights: int
    deceived_conditions: int
    border: int
    paid: int
    light_work: int
    hazardous: int
    night_or_hours: int
    made_offence: int
    entered_knowingly: int
    own_choice: int
    endangered: int
    strong_min: int
    medium_min: int
    conditions_min: int
    labour_purposes: frozenset[str]
    # follow-up question id -> the question whose "yes" its wording presumes.
    premise: Mapping[str, str]


_CACHE: dict[str, Compiled] = {}
CACHE_MAX = 4096  # entries per memo table; cleared when full


def compiled(ruleset: Ruleset) -> Compiled:
    """The compiled form of `ruleset`, built on first use and cached by content hash."""
    found = _CACHE.get(ruleset.sha256)
    if found is None:
        found = _CACHE[ruleset.sha256] = _compile(ruleset)
    return found


def ids_of(c: Compiled, mask: int) -> tuple[str, ...]:
    """Indicator ids of the set bits of `mask`, in question order."""
    out = []
    while mask:
        low = mask & -mask
        out.append(c.ids[low.bit_length() - 1])
        mask ^= low
    return tuple(out)


def law_mask(c: Compiled, mask: int, base: int = 0) -> int:
    """`base` plus the law-reference bits of every indicator in `mask`."""
    while mask:
        low = mask & -mask
        base |= c.law_mask[low.bit_length() - 1]
        mask ^= low
    return base


def refs_of(c: Compiled, mask: int) -> tuple[LawRef, ...]:
    """The law references of a law-reference mask, in first-cited order (memoised)."""
    found = c.refs_cache.get(mask)
    if found is None:
        if len(c.refs_cache) >= CACHE_MAX:
            c.refs_cache.clear()
        refs = []
        rest = mask
        while rest:
            low = rest & -rest
            refs.append(c.law_refs[low.bit_length() - 1])
            rest ^= low
        found = c.refs_cache[mask] = tuple(refs)
    return found


def _compile(rs: Ruleset) -> Compiled:
    bit_of = {iid: 1 << index for index, iid in enumerate(rs.question_order)}

    def mask(ids: Iterable[str]) -> int:
        total = 0
        for iid in ids:
            total |= bit_of[iid]
        return total

    def group(name: str) -> int:
        return mask(rs.groups[name])

    indicators = rs.indicators.values()
    # Every distinct law reference gets a bit too, so citing is OR-ing masks.
    ref_bit: dict[LawRef, int] = {}

    def cite(refs: Iterable[LawRef]) -> int:
        total = 0
        for ref in refs:
            total |= ref_bit.setdefault(ref, 1 << len(ref_bit))
        return total

    indicator_law = tuple(cite(rs.indicators[iid].law) for iid in rs.question_order)
    law_masks = {f"element:{e.id}": cite(e.law) for e in rs.elements.values()}
    law_masks.update({f"purpose:{p.id}": cite(p.law) for p in rs.purpose_types.values()})
    law_masks.update({f"outcome:{o.id}": cite(o.law) for o in rs.outcomes.values()})
    law_masks.update({f"rule:{r.id}": cite(r.law) for r in rs.rules.values()})
    law_masks.update({f"warning:{w.id}": cite(w.law) for w in rs.warnings.values()})
    direct = tuple((p.id, mask(p.direct)) for p in rs.purpose_types.values() if p.direct)
    direct_all = 0
    for _, type_mask in direct:
        direct_all |= type_mask
    risk = mask(
        i.id
        for i in indicators
        if i.polarity == "risk" and i.strength in {"strong", "medium", "weak"}
    )
    return Compiled(
        ruleset=rs,
        bit_of=bit_of,
        ids=rs.question_order,
        everything=(1 << len(bit_of)) - 1,
        law_refs=tuple(ref_bit),
        law_mask=indicator_law,
        unconfirmed=cite(ref for ref in ref_bit if ref.unconfirmed),
        law_masks=law_masks,
        refs_cache={},
        findings_cache={},
        purposes_cache={},
        act=group("act"),
        act_core=group("act_core"),
        moved=group("moved"),
        strong=group("strong_means"),
        medium=group("medium_means"),
        weak=group("weak_means"),
        coercion=group("coercion"),
        conditions=group("conditions"),
        negators=group("means_negators"),
        child_marriage_payment=group("child_marriage_payment"),
        harm=group("child_work_harm"),
        under_16_work=group("child_work_under_16"),
        sex_work_coercion=group("sex_work_coercion"),
        sex_work_autonomy=group("sex_work_autonomy"),
        irregular=group("irregular_entry"),
        direct=direct,
        direct_all=direct_all,
        risk_graded=risk,
        protective=mask(i.id for i in indicators if i.polarity == "protective"),
        age_18=bit_of["age_under_18"],
        age_16=bit_of["age_under_16"],
        sells_sex=bit_of["sexwork_sells_sex"],
        third_party=bit_of["sexwork_third_party_control"],
        child_marriage=bit_of["purpose_child_marriage"],
        labour_rights=bit_of["ctx_labour_rights_violations"],
        deceived_conditions=bit_of["means_deceived_conditions"],
        border=bit_of["border_crossed_international"],
        paid=bit_of["smuggling_paid_facilitator"],
        light_work=bit_of["cl_light_family_work"],
        hazardous=bit_of["cl_hazardous_work"],
        night_or_hours=bit_of["cl_hours_or_night"],
        made_offence=bit_of["ctx_made_to_commit_offence"],
        entered_knowingly=bit_of["sexwork_entered_knowingly"],
        own_choice=bit_of["smuggling_own_choice"],
        endangered=bit_of["smuggling_endangered"],
        strong_min=rs.thresholds["strong_means_min"],
        medium_min=rs.thresholds["medium_means_min"],
        conditions_min=rs.thresholds["conditions_min"],
        labour_purposes=frozenset(rs.labour_purposes),
        premise=_premises(rs),
    )


def _premises(rs: Ruleset) -> dict[str, str]:
    """Follow-ups and the fact they presume (screening-law.md 4.2: R8 and the sexual purpose
    read the sex-work answers only with sexwork_sells_sex "yes"; R5 reads payment and an
    irregular entry only with border_crossed_international "yes").
    """
    sex_work = (
        *rs.groups["sex_work_autonomy"],
        "sexwork_third_party_control",
        "sexwork_entered_knowingly",
    )
    crossing = (
        *rs.groups["irregular_entry"],
        "smuggling_paid_facilitator",
        "smuggling_relationship_ended",
        "smuggling_own_choice",
        "smuggling_endangered",
    )
    found = dict.fromkeys(sex_work, "sexwork_sells_sex")
    found.update(dict.fromkeys(crossing, "border_crossed_international"))
    return found


def element_finding(
    c: Compiled, element: str, status: str, yes: int, no: int
) -> tuple[ElementFinding, int]:
    """An element finding with the answers behind it, and the mask of the law it cites.

    Findings are memoised per rule set: the same evidence always gives the same finding.
    """
    key = (element, status, yes, no)
    found = c.findings_cache.get(key)
    if found is None:
        if len(c.findings_cache) >= CACHE_MAX:
            c.findings_cache.clear()
        law = law_mask(c, yes | no, c.law_masks["element:" + element])
        finding = ElementFinding(element, status, ids_of(c, yes), ids_of(c, no), refs_of(c, law))
        found = c.findings_cache[key] = (finding, law)
    return found


def purpose_finding(c: Compiled, type_id: str, yes: int) -> PurposeFinding:
    """A purpose finding with its evidence and law, memoised like `element_finding`."""
    key = (type_id, yes)
    found = c.purposes_cache.get(key)
    if found is None:
        if len(c.purposes_cache) >= CACHE_MAX:
            c.purposes_cache.clear()
        law = refs_of(c, c.law_masks["purpose:" + type_id])
        found = c.purposes_cache[key] = PurposeFinding(type_id, ids_of(c, yes), law)
    return found
