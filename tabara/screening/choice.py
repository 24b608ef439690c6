"""Decision-theoretic question choice: ask next what most reduces uncertainty about the result.

Two uncertainties are measured in bits (Shannon entropy), given the answers so far:

- which outcome the situation belongs to, under the prior (`prior.py`): how likely each outcome
  is given the answers so far, and how each answer is distributed for each outcome;
- what the rules will say after the next answer: the outcome and the status of each element
  (act, means, purpose, smuggling), looking one answer ahead ("yes", "no" or "don't know",
  each with its chance under the prior).

A question's value is the expected reduction of the first plus the uncertainty of the second
it resolves (weighed alike: STATE_WEIGHT 1.0 gave shorter walks in bench/interview.py than 0.5
or 2.0, also on scenarios left out of the prior and on perturbed ones); the most valuable
question comes first. A "don't know" is no evidence about the outcome: it only makes a question
that is often not known worth less. While age is unknown it is asked first (screening-law.md
4.4); a follow-up question comes after the fact its wording presumes (`Compiled.premise`), and
a question no rule reads comes last.

"Done" is a property of the rules alone, never of the prior: the interview is done when no
question still to be asked would, answered "yes" or "no", change the outcome, and no
combination tried by `_combination_changes` would either (all open questions "yes", all "no",
all "yes" but one, all "no" but one "yes"), so a result that two or three more answers could
turn into trafficking, sex work or labour exploitation is never final. The questions answered
"don't know" that would change the outcome if learned are listed, so the officer knows what to
find out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tabara.screening.compiled import Compiled
from tabara.screening.decide import State, decide
from tabara.screening.prior import Prior

_LOG2 = math.log(2)
# Weight of the rules' next result against the outcome class (both in bits).
STATE_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Choice:
    """The ranked questions still to ask, the outcomes each could lead to, and "done"."""

    outcome: str
    ranked: tuple[str, ...]
    leads_to: Mapping[str, tuple[str, ...]]
    done: bool
    # (question answered "unknown", answer that would change the outcome, the new outcome).
    would_change: tuple[tuple[str, str, str], ...]


def entropy(weights: Iterable[float]) -> float:
    """Shannon entropy in bits of non-negative weights (normalised here)."""
    values = list(weights)
    total = sum(values)
    h = 0.0
    for w in values:
        if w > 0:
            p = w / total
            h -= p * math.log(p)
    return h / _LOG2


def posterior(prior: Prior, y: int, n: int) -> list[float]:
    """P(outcome | answers so far) under the prior (answers independent given the outcome).

    A "don't know" is no evidence about the outcome: only yes and no answers count.
    """
    logs = list(prior.log_outcome)
    for k, row in enumerate(prior.log_answer):
        total = logs[k]
        for mask, slot in ((y, 0), (n, 1)):
            while mask:
                low = mask & -mask
                total += row[low.bit_length() - 1][slot]
                mask ^= low
        logs[k] = total
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    s = sum(weights)
    return [w / s for w in weights]


def choose(
    c: Compiled, prior: Prior, y: int, n: int, unknown: int, *, skip_asked: bool = True
) -> Choice:
    """Rank the questions not yet asked (or, without `skip_asked`, not answered yes or no)."""
    here = decide(c, y, n)
    outcome = here[0]
    p = posterior(prior, y, n)
    h_outcome = entropy(p)
    open_mask = c.everything & ~(y | n | (unknown if skip_asked else 0))
    order = {k: i for i, k in enumerate(c.ruleset.outcomes)}
    unread = never_decides(c)
    scored: list[tuple[bool, float, int, str]] = []
    leads_to: dict[str, tuple[str, ...]] = {}
    live = False
    mask = open_mask
    while mask:
        low = mask & -mask
        mask ^= low
        index = low.bit_length() - 1
        iid = c.ids[index]
        after = (decide(c, y | low, n), decide(c, y, n | low), here)
        # joint[v][k] = P(outcome k and answer v | answers so far).
        joint = [
            [a * b for a, b in zip(p, likelihood, strict=True)]
            for likelihood in prior.answer[index]
        ]
        p_answer = [sum(j) for j in joint]
        # A "don't know" leaves the outcome's uncertainty as it is.
        after_answer = (entropy(joint[0]), entropy(joint[1]), h_outcome)
        gain = h_outcome - sum(
            pa * h for pa, h in zip(p_answer, after_answer, strict=True) if pa > 0
        )
        states: dict[State, float] = {}
        for state, pa in zip(after, p_answer, strict=True):
            states[state] = states.get(state, 0.0) + pa
        gain += STATE_WEIGHT * entropy(states.values())
        scored.append((bool(low & unread), -gain, index, iid))
        leads_to[iid] = tuple(sorted({after[0][0], after[1][0]}, key=order.__getitem__))
        live = live or after[0][0] != outcome or after[1][0] != outcome
    scored.sort()
    if open_mask & c.age_18:  # screening-law.md 4.4: while age is unknown, ask it first
        scored.sort(key=lambda item: item[2] != c.age_18.bit_length() - 1)
    live = live or _combination_changes(c, y, n, open_mask, outcome)
    ranked = _premises_first(c, [item[3] for item in scored], open_mask) if live else ()
    return Choice(
        outcome=outcome,
        ranked=ranked,
        leads_to={iid: leads_to[iid] for iid in ranked},
        done=not live,
        would_change=_would_change(c, y, n, unknown, outcome),
    )


# The masks of `Compiled` that `decide` reads to find the outcome.
DECIDE_READS = (
    "age_18", "age_16", "act", "moved", "strong", "medium", "conditions", "coercion",
    "sells_sex", "third_party", "direct_all", "child_marriage", "child_marriage_payment",
    "harm", "border", "irregular", "paid", "light_work", "hazardous", "night_or_hours",
    "under_16_work", "labour_rights", "deceived_conditions", "sex_work_coercion",
    "sex_work_autonomy", "risk_graded", "protective",
)  # fmt: skip
_NEVER: dict[str, int] = {}


def never_decides(c: Compiled) -> int:
    """The questions no rule reads for the outcome (`age_under_13` in rw-2026.1).

    Their answers are recorded but change no outcome, so they are proposed last.
    """
    found = _NEVER.get(c.ruleset.sha256)
    if found is None:
        reads = 0
        for name in DECIDE_READS:
            reads |= getattr(c, name)
        found = _NEVER[c.ruleset.sha256] = c.everything & ~reads
    return found


def _premises_first(c: Compiled, ranked: list[str], open_mask: int) -> tuple[str, ...]:
    """Ask a follow-up question's premise first, where the follow-up would have been asked.

    "Does the person keep the money from sex work?" presumes that the person sells sex: while
    `sexwork_sells_sex` is open, it takes the place of the first of its follow-ups in the
    ranking (`Compiled.premise`), and the follow-ups come after it. The premise is worth asking
    as much as the follow-ups it opens.
    """
    out: list[str] = []
    for iid in ranked:
        premise = c.premise.get(iid)
        if premise is not None and open_mask & c.bit_of[premise] and premise not in out:
            out.append(premise)
        if iid not in out:
            out.append(iid)
    return tuple(out)


def _combination_changes(c: Compiled, y: int, n: int, open_mask: int, outcome: str) -> bool:
    """Whether answering several open questions together could change the outcome.

    Tries every open question "yes", every one "no", each open question held back from
    "all yes" (answered "don't know") or added as the one "yes" to "all no", and each pair of
    open questions as the two "yes" among "no" (tried last: it costs most). Holding one back
    finds routes that one blocking answer hides in "all yes": an adult who sells sex and keeps
    the earnings is in sex work (R8) only if no third party controls her, so "all yes" alone
    would miss that sex work is still possible.
    """
    if decide(c, y | open_mask, n)[0] != outcome or decide(c, y, n | open_mask)[0] != outcome:
        return True
    mask = open_mask
    while mask:
        low = mask & -mask
        mask ^= low
        rest = open_mask ^ low
        if decide(c, y | rest, n)[0] != outcome or decide(c, y | low, n | rest)[0] != outcome:
            return True
    # Two "yes" among "no": an adult met through an unverified recruiter, with force, threats,
    # a third party and her working conditions all still open, is in sex work (R8) if she
    # sells sex and keeps the money and every other answer is "no"; no test above finds that.
    bits = []
    mask = open_mask
    while mask:
        low = mask & -mask
        mask ^= low
        bits.append(low)
    for i, first in enumerate(bits):
        for second in bits[i + 1 :]:
            pair = first | second
            if decide(c, y | pair, n | (open_mask ^ pair))[0] != outcome:
                return True
    return False


def _would_change(
    c: Compiled, y: int, n: int, unknown: int, outcome: str
) -> tuple[tuple[str, str, str], ...]:
    found = []
    mask = unknown & ~(y | n)
    while mask:
        low = mask & -mask
        mask ^= low
        iid = c.ids[low.bit_length() - 1]
        for answer, state in (("yes", decide(c, y | low, n)), ("no", decide(c, y, n | low))):
            if state[0] != outcome:
                found.append((iid, answer, state[0]))
    return tuple(found)
