"""Capture histories of clusters: one 0/1 column per source and a `count` of clusters.

Pure Python. The table is the overlap-table layout `tabara estimate` reads (see
tabara/prevalence/mse/reading.py): a cluster is one person, on every source that holds one
of its records. Records without a source are on no list and are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def capture_histories(
    sources: Sequence[str], cluster: Sequence[int]
) -> tuple[list[str], list[tuple[tuple[int, ...], int]]]:
    """The list names (sorted) and each observed capture pattern with its number of clusters."""
    lists = sorted({source for source in sources if source})
    position = {name: k for k, name in enumerate(lists)}
    seen: dict[int, set[int]] = {}
    for source, representative in zip(sources, cluster, strict=True):
        if source:
            seen.setdefault(representative, set()).add(position[source])
    patterns = Counter(
        tuple(1 if k in on else 0 for k in range(len(lists))) for on in seen.values()
    )
    return lists, sorted(patterns.items(), reverse=True)
