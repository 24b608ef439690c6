"""Knowledge gains of activities and of the whole programme."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tabara.awareness.choices import Phase
from tabara.awareness.models import Attempt, Question
from tabara.awareness.stats import Gain, Share, knowledge_gain, share_true


@dataclass(frozen=True)
class Learning:
    """Knowledge gain over paired participants, and who can tell trafficking apart."""

    gain: Gain
    tell_apart_pre: Share
    tell_apart_post: Share
    pre_tests: int
    post_tests: int


Scores = dict[int, tuple[float, bool | None]]


def _learning(pre: Scores, post: Scores) -> Learning:
    pairs = [(pre[pid][0], post[pid][0]) for pid in sorted(pre.keys() & post.keys())]
    return Learning(
        gain=knowledge_gain(pairs),
        tell_apart_pre=share_true(apart for _s, apart in pre.values()),
        tell_apart_post=share_true(apart for _s, apart in post.values()),
        pre_tests=len(pre),
        post_tests=len(post),
    )


def _scores(activity_ids: Iterable[int]) -> dict[int, tuple[Scores, Scores]]:
    by_activity: dict[int, tuple[Scores, Scores]] = {}
    rows = Attempt.objects.filter(test__activity_id__in=list(activity_ids)).values_list(
        "test__activity_id", "participant_id", "phase", "score", "distinguishes"
    )
    for activity_id, participant_id, phase, score, apart in rows.order_by("id"):
        pre, post = by_activity.setdefault(activity_id, ({}, {}))
        (pre if phase == Phase.PRE else post)[participant_id] = (score, apart)
    return by_activity


def learning_of(activity_ids: Iterable[int]) -> Learning:
    """Pairs are a participant's pre- and post-test; unpaired tests count only in the totals."""
    pre: Scores = {}
    post: Scores = {}
    for activity_pre, activity_post in _scores(activity_ids).values():
        pre.update(activity_pre)
        post.update(activity_post)
    return _learning(pre, post)


def learning_by_activity(activity_ids: Iterable[int]) -> dict[int, Learning]:
    """Learning of each activity that has at least one test."""
    return {
        activity_id: _learning(pre, post)
        for activity_id, (pre, post) in sorted(_scores(activity_ids).items())
    }


def question_bank() -> list[Question]:
    """Every question staff can put in a test, rule-set questions first."""
    return sorted(
        Question.objects.all(), key=lambda q: (not q.source.startswith("screening"), q.pk)
    )
