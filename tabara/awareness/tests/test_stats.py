"""Knowledge-gain arithmetic against figures computed by hand."""

from __future__ import annotations

import pytest

from tabara.awareness.stats import knowledge_gain, score_answers, share_true


def test_gain_of_five_pairs_matches_hand_computation() -> None:
    # Differences 20, 30, 10, 40, 0: mean 20; sample variance (0+100+100+400+400)/4 = 250,
    # sd = 15.8114; se = 15.8114/sqrt(5) = 7.0711; t(0.975, 4) = 2.776445;
    # half-width = 19.63243 -> interval 0.36757 .. 39.63243.
    pairs = [(40, 60), (50, 80), (70, 80), (20, 60), (60, 60)]
    gain = knowledge_gain(pairs)
    assert gain.pairs == 5
    assert gain.mean_pre == pytest.approx(48.0)
    assert gain.mean_post == pytest.approx(68.0)
    assert gain.mean_gain == pytest.approx(20.0)
    assert gain.low == pytest.approx(0.36757, abs=1e-4)
    assert gain.high == pytest.approx(39.63243, abs=1e-4)


def test_constant_gain_has_a_zero_width_interval() -> None:
    gain = knowledge_gain([(10, 35), (50, 75)])
    assert (gain.mean_gain, gain.low, gain.high) == (25, 25, 25)


def test_one_pair_has_a_gain_but_no_interval_and_none_has_nothing() -> None:
    one = knowledge_gain([(40, 70)])
    assert (one.pairs, one.mean_gain, one.low, one.high) == (1, 30, None, None)
    none = knowledge_gain([])
    assert (none.pairs, none.mean_gain, none.low) == (0, None, None)


def test_a_90_percent_interval_is_narrower() -> None:
    pairs = [(40, 60), (50, 80), (70, 80), (20, 60), (60, 60)]
    wide, narrow = knowledge_gain(pairs), knowledge_gain(pairs, confidence=0.90)
    # t(0.95, 4) = 2.131847: half-width 15.07443.
    assert narrow.low == pytest.approx(20 - 15.07443, abs=1e-4)
    assert wide.low is not None and narrow.low is not None
    assert wide.low < narrow.low


def test_share_counts_only_known_values() -> None:
    share = share_true([True, False, None, True])
    assert (share.count, share.total) == (2, 3)
    assert share.percent == pytest.approx(66.6667, abs=1e-4)
    assert share_true([None]).percent is None


def test_scoring_counts_missing_answers_as_wrong() -> None:
    key = [("1", "trafficking", True), ("2", "smuggling", True), ("3", "o1", False)]
    score, tells_apart = score_answers({"1": "trafficking", "2": "smuggling", "3": "o0"}, key)
    assert score == pytest.approx(66.6667, abs=1e-4)
    assert tells_apart is True
    assert score_answers({"1": "trafficking", "3": "o1"}, key)[1] is False
    assert score_answers({"3": "o1"}, [("3", "o1", False)]) == (100.0, None)
    assert score_answers({}, []) == (0.0, None)
