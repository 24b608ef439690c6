"""k-anonymity: every released combination of quasi-identifiers is shared by ≥ k rows."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabara.opendata.ctdc import LADDERS, QUASI_IDENTIFIERS, quasi_identifiers
from tabara.opendata.kanon import MISSING, TooFewRecords, anonymise
from tabara.opendata.records import VictimRecord

TYPES = ["sexual_exploitation", "forced_labour", "domestic_servitude", "forced_marriage", "unknown"]
COUNTRIES = ["RW", "UG", "CD", "AE", "SA", "FR", "CN", "US", ""]

records = st.builds(
    VictimRecord,
    case_id=st.integers(1, 10**6),
    opened_on=st.dates(date(2015, 1, 1), date(2026, 12, 1)),
    province=st.sampled_from(["", "Kigali", "East"]),
    gender=st.sampled_from(["feminine", "masculine", "unknown"]),
    age=st.none() | st.integers(0, 80),
    is_child=st.booleans(),
    citizenship=st.sampled_from(COUNTRIES),
    exploitation_types=st.lists(st.sampled_from(TYPES), min_size=1, max_size=3).map(tuple),
    recruitment_channel=st.sampled_from(["relative", "acquaintance", "agency", "unknown"]),
    destination_country=st.sampled_from(COUNTRIES),
    border_crossed=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(records, min_size=0, max_size=120), st.integers(1, 15))
def test_every_combination_occurs_at_least_k_times_and_no_record_is_dropped(
    people: list[VictimRecord], k: int
) -> None:
    rows = [quasi_identifiers(p) for p in people]
    if 0 < len(rows) < k:
        with pytest.raises(TooFewRecords):
            anonymise(rows, LADDERS, k=k)
        return
    result = anonymise(rows, LADDERS, k=k)
    assert len(result.records) == len(rows)
    sizes = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in result.records)
    assert all(n >= k for n in sizes.values()), sizes
    # The tally counts exactly the values that changed, each once.
    changed = [
        (before[q], after[q])
        for before, after in zip(rows, result.records, strict=True)
        for q in QUASI_IDENTIFIERS
        if before[q] != after[q]
    ]
    assert result.suppressed_values == sum(1 for _b, a in changed if a == MISSING)
    assert result.generalised_values == sum(1 for _b, a in changed if a != MISSING)
    touched = {
        i
        for i, (before, after) in enumerate(zip(rows, result.records, strict=True))
        if any(after[q] == MISSING != before[q] for q in QUASI_IDENTIFIERS)
    }
    assert result.suppressed_records == len(touched)


def test_rows_already_k_anonymous_are_left_as_they_are() -> None:
    row = {"a": "x", "b": "y"}
    result = anonymise([row] * 3, {"a": (lambda v: "*",), "b": ()}, k=3)
    assert result.records == [row] * 3
    assert (result.generalised_values, result.suppressed_values) == (0, 0)


def test_a_lone_row_is_generalised_before_anything_is_suppressed() -> None:
    rows = [{"year": "2020"}] * 3 + [{"year": "2021"}]
    ladder = {"year": (lambda y: "2020--2021",)}
    result = anonymise(rows, ladder, k=2, max_suppressed=0)
    assert [r["year"] for r in result.records] == ["2020--2021"] * 4
    assert (result.generalised_values, result.suppressed_values) == (4, 0)


def test_suppressed_rows_too_few_on_their_own_take_the_smallest_group_with_them() -> None:
    # Nothing to climb: the single "b" is suppressed, and alone it would be a group of 1,
    # so the smallest other group ("c", 2 rows) joins it: 3 rows of -99, 4 of "a".
    rows = [{"q": v} for v in "aaaabcc"]
    result = anonymise(rows, {"q": ()}, k=3)
    assert Counter(r["q"] for r in result.records) == {"a": 4, MISSING: 3}
    assert result.suppressed_records == 3


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="k must"):
        anonymise([], {}, k=0)
