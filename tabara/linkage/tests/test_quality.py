"""Precision and recall from reviewed pairs, against a table counted by hand."""

from __future__ import annotations

from tabara.linkage.quality import quality_at

# Eight reviewed pairs: (match probability, a person said "the same person").
LABELLED = [
    (0.99, True), (0.95, True), (0.9, False), (0.8, True),
    (0.6, False), (0.4, True), (0.2, False), (0.05, True),
]  # fmt: skip


def test_counts_by_hand() -> None:
    rows = {q.threshold: q for q in quality_at(LABELLED, (0.1, 0.5, 0.9, 0.99, 0.999))}
    # At 0.5: linked 0.99, 0.95, 0.9, 0.8, 0.6 → 3 true, 2 false; missed true: 0.4, 0.05.
    assert (rows[0.5].true_positives, rows[0.5].false_positives, rows[0.5].false_negatives) == (
        3, 2, 2,
    )  # fmt: skip
    assert rows[0.5].precision == 3 / 5 and rows[0.5].recall == 3 / 5
    assert rows[0.5].f1 == 3 / 5
    # At 0.1: 7 linked, 4 true; 1 true missed (0.05).
    assert rows[0.1].precision == 4 / 7 and rows[0.1].recall == 4 / 5
    # At 0.9: 0.99, 0.95, 0.9 → 2 of 3; recall 2 of 5.
    assert rows[0.9].precision == 2 / 3 and rows[0.9].recall == 2 / 5
    assert rows[0.99].precision == 1.0 and rows[0.99].recall == 1 / 5
    # Nothing linked: precision unknown, recall 0.
    assert rows[0.999].precision is None and rows[0.999].recall == 0.0
    assert rows[0.999].f1 is None


def test_no_labels_no_figures() -> None:
    (row,) = quality_at([], (0.5,))
    assert row.precision is None and row.recall is None
