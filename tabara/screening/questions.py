"""Which unanswered questions to ask next, most decisive first (screening-law.md 4.4).

Questions are ranked in tiers. Age comes first when it is unknown. While trafficking is not
established, a question ranks higher the more of the missing elements (act, means, purpose) a
"yes" would complete on its own: a "yes" to `smuggling_held_until_paid` fills act, means and
purpose at once and comes before a question that fills one. Then come questions that would
decide another outcome (smuggling, child labour, adult sex work), then questions that only move
an element forward (a first medium means, a weak sign), then clarifying ones (freedom to leave,
reassuring facts). Within a tier the rule set's `question_order` applies.
"""

from __future__ import annotations

from typing import NamedTuple

from tabara.screening.compiled import Compiled


class Facts(NamedTuple):
    """What the ranking needs to know about one assessment."""

    yes: int
    no: int
    child: bool
    age_unknown: bool
    trafficking_open: bool
    need_act: bool
    need_means: bool
    medium_count: int
    means_unknown: bool
    need_purpose: bool
    coercion: bool
    conditions: bool
    moved: bool
    harm: bool
    smuggling_open: bool
    child_labour_open: bool
    sex_work_open: bool
    reassurance_open: bool
    protect: bool


def rank_questions(c: Compiled, f: Facts) -> tuple[str, ...]:
    """Unanswered indicator ids (neither yes nor no), most decisive first."""
    y = f.yes
    tiers = [c.age_18 if f.age_unknown else 0]
    if f.trafficking_open:
        tiers += _trafficking_tiers(c, f)
    other = 0
    if f.smuggling_open:
        other |= c.border | c.paid | (0 if y & c.irregular else c.irregular)
    if f.child_labour_open:
        other |= c.hazardous | c.night_or_hours
        if y & c.age_16:
            other |= c.under_16_work
        elif y & c.under_16_work:
            other |= c.age_16
    if f.sex_work_open:
        other |= c.third_party | c.sex_work_autonomy
    advance = 0
    if f.trafficking_open and f.need_means:
        if f.medium_count < c.medium_min - 1:
            advance |= c.medium
        if f.means_unknown:
            advance |= c.weak
    if f.trafficking_open and f.need_purpose and not f.coercion:
        advance |= c.conditions
    if f.child_labour_open:
        advance |= c.under_16_work | c.age_16 | c.light_work
    clarify = c.made_offence if f.protect else 0
    if f.means_unknown:
        clarify |= c.negators
    if f.reassurance_open:
        clarify |= c.protective
    tiers += [other, advance, clarify]

    unasked = c.everything & ~(y | f.no)
    ranked: list[str] = []
    ids = c.ids
    for tier in tiers:
        tier &= unasked
        unasked ^= tier
        while tier:
            low = tier & -tier
            ranked.append(ids[low.bit_length() - 1])
            tier ^= low
    return tuple(ranked)


def _trafficking_tiers(c: Compiled, f: Facts) -> list[int]:
    """Questions whose "yes" would establish trafficking, then those filling 3, 2, 1 elements."""
    y = f.yes
    act = c.act if f.need_act else 0
    means = 0
    if f.need_means:
        means = c.strong | (c.medium if f.medium_count == c.medium_min - 1 else 0)
    purpose = 0
    if f.need_purpose:
        purpose = c.direct_all
        if y & c.sells_sex:
            purpose |= c.third_party
        if y & c.third_party:
            purpose |= c.sells_sex
        if f.coercion:
            purpose |= c.conditions
        if f.conditions:
            purpose |= c.coercion
        if f.child or f.age_unknown:
            if f.moved:
                purpose |= c.harm | c.conditions
            if f.harm or f.conditions:
                purpose |= c.moved
            if y & c.child_marriage_payment:
                purpose |= c.child_marriage
            if y & c.child_marriage:
                purpose |= c.child_marriage_payment
    # For a child (or a person who may be one), selling sex decides trafficking alone (R1, R4).
    alone = c.sells_sex if f.child or f.age_unknown else 0
    three = act & means & purpose
    two = (act & means) | (act & purpose) | (means & purpose)
    one = act | means | purpose
    missing = int(f.need_act) + int(f.need_means) + int(f.need_purpose)
    decides = alone | (0, one, two, three)[missing]
    return [decides, three, two, one]
