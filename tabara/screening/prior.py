"""The prior over outcomes and answers that question choice uses: counts kept as pinned data.

A prior file (`rulesets/<rule set>.prior.json`) holds, for each outcome, how many completed
screenings ended there and how often each question was answered yes, no or unknown in them.
It holds counts only: no answers of any one person, no names, no dates. Question choice turns
the counts into probabilities with Dirichlet (Laplace) smoothing: every outcome and every answer
gets `pseudo_count` extra observations (expert judgement: no outcome and no answer is ever
ruled out by the data), so fifteen scenarios cannot make the prior certain of anything.

Like a rule set, a published prior never changes: its sha256 is pinned in `PUBLISHED_PRIORS`
and loading refuses other bytes. `fit_counts` builds counts from completed interviews
(outcome, answers); `python -m tabara.screening.prior` refits from a JSON-lines file of them
and prints the new file and its hash for a deployment to publish as a new prior version.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabara.screening.ruleset import RULESET_DIR, canonical_json, sha256_hex

ANSWERS = ("yes", "no", "unknown")
OUTCOME_WEIGHTS = ("counts", "equal")

# prior file name -> sha256 of its canonical JSON.
PUBLISHED_PRIORS: Mapping[str, str] = {
    "rw-2026.1.prior.json": "881260de8e7dfa1e4b636e2761184a02c2c9dcbc7601609d081dba71ca202f2c",
}


class PriorError(ValueError):
    """A prior file is missing, altered, or does not fit its rule set."""


@dataclass(frozen=True, slots=True)
class Prior:
    """Smoothed log-probabilities: outcome prior and, per outcome, per question bit, per answer."""

    version: str
    sha256: str
    outcomes: tuple[str, ...]
    log_outcome: tuple[float, ...]
    # log_answer[k][i] = (log P(yes), log P(no), log P(unknown)) for outcome k, question i.
    log_answer: tuple[tuple[tuple[float, float, float], ...], ...]
    # answer[i][v][k] = P(answer v to question i | outcome k), laid out for question choice.
    answer: tuple[tuple[tuple[float, ...], ...], ...]


def fit_counts(
    records: Iterable[tuple[str, Mapping[str, str]]],
    outcomes: Iterable[str],
    questions: Iterable[str],
    base: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Add the counts of completed screenings (outcome, answers) to `base` (or to zero counts).

    A question a screening did not ask counts as "unknown". Records with an unknown outcome
    or question id are refused with PriorError rather than skipped silently.
    """
    outcome_ids, ids = list(outcomes), list(questions)
    counts: dict[str, Any] = {
        "outcomes": dict.fromkeys(outcome_ids, 0),
        "answers": {k: {q: [0, 0, 0] for q in ids} for k in outcome_ids},
    }
    if base is not None:
        for k, value in base["outcomes"].items():
            counts["outcomes"][k] += value
            for q, triple in base["answers"][k].items():
                counts["answers"][k][q] = [
                    a + b for a, b in zip(counts["answers"][k][q], triple, strict=True)
                ]
    for outcome, answers in records:
        if outcome not in counts["outcomes"]:
            raise PriorError(f"unknown outcome {outcome!r}")
        unknown = set(answers) - set(ids)
        if unknown:
            raise PriorError(f"unknown question ids {sorted(unknown)}")
        counts["outcomes"][outcome] += 1
        for q in ids:
            value = answers.get(q, "unknown")
            if value not in ANSWERS:
                raise PriorError(f"{q}: answer must be yes, no or unknown, not {value!r}")
            counts["answers"][outcome][q][ANSWERS.index(value)] += 1
    return counts


def build_prior(data: Mapping[str, Any], question_order: Iterable[str], sha256: str) -> Prior:
    """Smooth the counts of a prior document into log-probabilities in question-bit order."""
    alpha = float(data["pseudo_count"])
    if alpha <= 0:
        raise PriorError("pseudo_count must be positive, so no answer is ever impossible")
    outcomes = tuple(data["counts"]["outcomes"])
    total = sum(data["counts"]["outcomes"].values()) + alpha * len(outcomes)
    if data.get("outcome_weights", "counts") == "equal":
        log_outcome = tuple(-math.log(len(outcomes)) for _ in outcomes)
    else:
        log_outcome = tuple(
            math.log((data["counts"]["outcomes"][k] + alpha) / total) for k in outcomes
        )
    rows = []
    for k in outcomes:
        per = data["counts"]["answers"][k]
        expert = data.get("expert_counts", {}).get(k, {})
        row = []
        for q in question_order:
            if q not in per:
                raise PriorError(f"prior has no counts for question {q!r}")
            extra = expert.get(q, (0, 0, 0))
            triple = [c + e + alpha for c, e in zip(per[q], extra, strict=True)]
            s = sum(triple)
            row.append((math.log(triple[0] / s), math.log(triple[1] / s), math.log(triple[2] / s)))
        rows.append(tuple(row))
    by_question = tuple(
        tuple(tuple(math.exp(rows[k][i][v]) for k in range(len(outcomes))) for v in range(3))
        for i in range(len(rows[0]) if rows else 0)
    )
    return Prior(data["version"], sha256, outcomes, log_outcome, tuple(rows), by_question)


@functools.cache
def load_prior(ruleset_version: str, question_order: tuple[str, ...]) -> Prior:
    """The published prior beside rule set `ruleset_version`; refuse altered bytes."""
    name = f"{ruleset_version}.prior.json"
    if name not in PUBLISHED_PRIORS:
        raise PriorError(f"no published prior for rule set {ruleset_version}")
    return load_prior_file(
        RULESET_DIR / name, PUBLISHED_PRIORS[name], ruleset_version, question_order
    )


def load_prior_file(
    path: Path, expected_sha256: str, ruleset_version: str, question_order: Iterable[str]
) -> Prior:
    """Load a prior file; refuse it unless its sha256 is `expected_sha256`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PriorError(f"cannot read prior {path.name}: {exc}") from exc
    digest = sha256_hex(raw)
    if digest != expected_sha256:
        raise PriorError(f"prior {path.name} has sha256 {digest}, expected {expected_sha256}")
    data = json.loads(raw)
    if data["ruleset"] != ruleset_version:
        raise PriorError(f"prior {path.name} is for rule set {data['ruleset']}")
    return build_prior(data, question_order, digest)


def refit(
    data: Mapping[str, Any],
    records: Iterable[tuple[str, Mapping[str, str]]],
    version: str,
    outcome_weights: str | None = None,
) -> bytes:
    """A new prior document: `data`'s counts plus those of `records`, as canonical JSON bytes.

    `outcome_weights` "counts" makes question choice use how often each outcome occurred (once
    the counts are a deployment's own interviews); "equal" weighs outcomes alike; None keeps
    `data`'s choice.
    """
    records = list(records)
    counts = data["counts"]
    outcomes = list(counts["outcomes"])
    questions = list(counts["answers"][outcomes[0]])
    new = dict(data)
    new["counts"] = fit_counts(records, outcomes, questions, counts)
    new["version"] = version
    if outcome_weights is not None:
        if outcome_weights not in OUTCOME_WEIGHTS:
            raise PriorError(f"outcome_weights must be one of {OUTCOME_WEIGHTS}")
        new["outcome_weights"] = outcome_weights
    new["source"] = f"{data['source']}; plus {len(records)} completed screenings"
    return canonical_json(new)


def main(argv: list[str] | None = None) -> int:
    """Refit: add the counts of a JSON-lines file of {"outcome", "answers"} to a prior file."""
    parser = argparse.ArgumentParser(prog="python -m tabara.screening.prior")
    parser.add_argument("prior", type=Path, help="the prior file to start from")
    parser.add_argument("interviews", type=Path, help='JSON lines: {"outcome", "answers"}')
    parser.add_argument("--version", required=True, help="version of the new prior")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--outcome-weights", choices=OUTCOME_WEIGHTS, help="default: keep")
    args = parser.parse_args(argv)
    data = json.loads(args.prior.read_bytes())
    lines = args.interviews.read_text(encoding="utf-8").splitlines()
    records = [(r["outcome"], r["answers"]) for r in map(json.loads, filter(None, lines))]
    raw = refit(data, records, args.version, args.outcome_weights)
    args.out.write_bytes(raw)
    sys.stdout.write(sha256_hex(raw) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
