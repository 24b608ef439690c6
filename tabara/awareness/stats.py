"""Knowledge gain: pure arithmetic on paired pre/post scores, no Django.

The gain is the mean of (post - pre) over participants who took both tests, in percentage
points, with a two-sided Student t interval for the mean of the paired differences.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scipy import stats as scipy_stats


@dataclass(frozen=True, slots=True)
class Gain:
    """Mean paired gain with its interval; the bounds are None with fewer than two pairs."""

    pairs: int
    mean_pre: float | None
    mean_post: float | None
    mean_gain: float | None
    low: float | None
    high: float | None
    confidence: float


def knowledge_gain(pairs: Sequence[tuple[float, float]], *, confidence: float = 0.95) -> Gain:
    """Mean of post - pre over `pairs` of (pre, post) scores and its paired t interval."""
    n = len(pairs)
    if n == 0:
        return Gain(0, None, None, None, None, None, confidence)
    diffs = [post - pre for pre, post in pairs]
    mean = sum(diffs) / n
    mean_pre = sum(pre for pre, _post in pairs) / n
    mean_post = sum(post for _pre, post in pairs) / n
    if n < 2:
        return Gain(n, mean_pre, mean_post, mean, None, None, confidence)
    sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (n - 1))
    half = float(scipy_stats.t.ppf((1 + confidence) / 2, n - 1)) * sd / math.sqrt(n)
    return Gain(n, mean_pre, mean_post, mean, mean - half, mean + half, confidence)


@dataclass(frozen=True, slots=True)
class Share:
    """How many of `total` people met a condition, with the proportion (None if nobody)."""

    count: int
    total: int

    @property
    def percent(self) -> float | None:
        return None if self.total == 0 else 100.0 * self.count / self.total


def share_true(values: Iterable[bool | None]) -> Share:
    """The share of True among the known (non-None) values."""
    known = [value for value in values if value is not None]
    return Share(sum(1 for value in known if value), len(known))


def score_answers(
    answers: dict[str, str], key: Sequence[tuple[str, str, bool]]
) -> tuple[float, bool | None]:
    """Score answers against `key` = [(question id, right answer, distinguishes)].

    Returns the percentage right and whether every "tell apart" question was right
    (None when the test has no such question). A missing answer counts as wrong.
    """
    if not key:
        return 0.0, None
    right = sum(1 for qid, answer, _d in key if answers.get(qid) == answer)
    tell_apart = [answers.get(qid) == answer for qid, answer, d in key if d]
    return 100.0 * right / len(key), (all(tell_apart) if tell_apart else None)
