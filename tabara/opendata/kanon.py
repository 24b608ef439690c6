"""k-anonymity by global generalisation, then suppression of values (Django-free).

Every record keeps its row. Each quasi-identifier has a ladder of generalisations (level 0
is the value itself; each further level is coarser); the whole column climbs one rung at a
time, the column with the most distinct values first (Datafly, Sweeney 2002), until at most
`max_suppressed` records still sit in a combination seen fewer than k times. In the records
still at risk, one column at a time (the most varied among them first) is replaced by
MISSING until none is at risk; any left have all their quasi-identifiers blanked, and if
the fully blanked records are fewer than k, the smallest remaining combinations join them.
The result says how many values were generalised and how many suppressed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

MISSING = "-99"  # CTDC's code for a missing value; suppressed values read the same

Ladder = Sequence[Callable[[str], str]]


class TooFewRecords(ValueError):
    """Fewer records than k: no release can be k-anonymous without dropping them all."""


@dataclass(frozen=True)
class Anonymised:
    """The records with their quasi-identifiers generalised or suppressed, and the tally."""

    records: list[dict[str, str]]
    levels: dict[str, int]
    generalised_values: int
    suppressed_values: int
    suppressed_records: int


def _apply(
    records: Sequence[Mapping[str, str]], ladders: Mapping[str, Ladder], levels: Mapping[str, int]
) -> list[dict[str, str]]:
    out = []
    for record in records:
        row = dict(record)
        for column, level in levels.items():
            value = record[column]
            row[column] = (
                value if level == 0 or value == MISSING else ladders[column][level - 1](value)
            )
        out.append(row)
    return out


def _key(row: Mapping[str, str], columns: Sequence[str]) -> tuple[str, ...]:
    return tuple(row[c] for c in columns)


def combination_sizes(
    rows: Sequence[Mapping[str, str]], columns: Sequence[str]
) -> Counter[tuple[str, ...]]:
    """How many rows share each combination of the columns' values."""
    return Counter(_key(row, columns) for row in rows)


def anonymise(
    records: Sequence[Mapping[str, str]],
    ladders: Mapping[str, Ladder],
    *,
    k: int,
    max_suppressed: int | None = None,
) -> Anonymised:
    """Generalise, then suppress, until every combination of the ladders' columns has ≥ k rows.

    `ladders[column][i]` maps an original value to its level i+1 generalisation; the
    columns of `ladders` are the quasi-identifiers. `max_suppressed` (default: 5% of the
    records) is how many records may be left to suppression before generalising stops.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    if 0 < len(records) < k:
        raise TooFewRecords(f"{len(records)} records cannot form a group of {k}")
    columns = list(ladders)
    allowance = max(len(records) // 20, 0) if max_suppressed is None else max_suppressed
    levels = dict.fromkeys(columns, 0)
    while True:
        rows = _apply(records, ladders, levels)
        sizes = combination_sizes(rows, columns)
        at_risk = sum(n for n in sizes.values() if n < k)
        climbable = [c for c in columns if levels[c] < len(ladders[c])]
        if at_risk <= allowance or not climbable:
            break
        distinct = {c: len({row[c] for row in rows}) for c in climbable}
        levels[max(climbable, key=lambda c: (distinct[c], -columns.index(c)))] += 1
    _suppress_columns(rows, columns, k)
    _suppress(rows, columns, combination_sizes(rows, columns), k)
    generalised = sum(
        1
        for before, after in zip(records, rows, strict=True)
        for c in columns
        if after[c] != MISSING and after[c] != before[c]
    )
    hidden = sum(
        1
        for before, after in zip(records, rows, strict=True)
        for c in columns
        if after[c] == MISSING and before[c] != MISSING
    )
    touched = sum(
        1
        for before, after in zip(records, rows, strict=True)
        if any(after[c] == MISSING and before[c] != MISSING for c in columns)
    )
    return Anonymised(rows, levels, generalised, hidden, touched)


def _at_risk(rows: list[dict[str, str]], columns: list[str], k: int) -> list[dict[str, str]]:
    sizes = combination_sizes(rows, columns)
    return [row for row in rows if sizes[_key(row, columns)] < k]


def _suppress_columns(rows: list[dict[str, str]], columns: list[str], k: int) -> None:
    """Blank one column at a time in the rows still at risk, the most varied first.

    Rows that differ only in a rare value often share a group once it is blanked, so fewer
    values are lost than by blanking whole rows at once.
    """
    risky = _at_risk(rows, columns, k)
    while risky:
        varied = {c: len({row[c] for row in risky} - {MISSING}) for c in columns}
        column = max(columns, key=lambda c: (varied[c], -columns.index(c)))
        if varied[column] == 0:
            return
        for row in risky:
            row[column] = MISSING
        risky = _at_risk(rows, columns, k)


def _suppress(
    rows: list[dict[str, str]], columns: list[str], sizes: Counter[tuple[str, ...]], k: int
) -> None:
    """Blank the quasi-identifiers of rows in small combinations."""
    blank = (MISSING,) * len(columns)
    doomed = {key for key, n in sizes.items() if n < k and key != blank}
    pool = sizes.get(blank, 0) + sum(sizes[key] for key in doomed)
    if 0 < pool < k:
        # The blanked rows would form a small group of their own: add whole combinations,
        # the smallest first, until the group is large enough (the records number ≥ k).
        for key, n in sorted(sizes.items(), key=lambda item: (item[1], item[0])):
            if key in doomed or key == blank:
                continue
            doomed.add(key)
            pool += n
            if pool >= k:
                break
    for row in rows:
        if _key(row, columns) in doomed:
            row.update(dict.fromkeys(columns, MISSING))
