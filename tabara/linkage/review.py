"""Clusters a person should look at: records linked into one person that disagree on what
one person cannot have twice (linkage notes 5.1: two ID numbers, two sexes, birth years
more than 2 apart). Pure Python; the command prints them, a person decides."""

from __future__ import annotations

from collections.abc import Sequence

from tabara.linkage.records import Prepared


def clusters_to_review(records: Sequence[Prepared], cluster: Sequence[int]) -> list[str]:
    """One line per doubtful cluster: its first record id and the reasons."""
    members: dict[int, list[Prepared]] = {}
    for record, representative in zip(records, cluster, strict=True):
        members.setdefault(representative, []).append(record)
    lines = []
    for representative, group in members.items():
        if len(group) < 2:
            continue
        reasons = []
        if len({r.nin_core for r in group if r.nin_core}) > 1:
            reasons.append("two national ID numbers")
        if len({r.sex for r in group if r.sex}) > 1:
            reasons.append("two sexes")
        years = [r.birth.year for r in group if r.birth]
        if years and max(years) - min(years) > 2:
            reasons.append(f"birth years {min(years)} and {max(years)}")
        if reasons:
            ids = ", ".join(r.record_id for r in group)
            lines.append(
                f"cluster {records[representative].record_id} ({ids}): {'; '.join(reasons)}"
            )
    return lines
