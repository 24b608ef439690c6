"""The shape of a network from its edges alone: components, table order, what gets drawn.

Pure Python, no Django. An edge is (identifier id, record key), the record key "r12" for
report 12 and "c7" for case 7. The analysts' page computes everything here from those pairs
(one narrow query), and only then reads the identifiers and records it will actually show:
a page of the table and the drawn part of the graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Edge = tuple[int, str]


@dataclass
class Skeleton:
    """One connected component: its identifiers, its records and the edges between them."""

    identifiers: list[int] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def record_order(key: str) -> tuple[str, int]:
    """Cases before reports, each by number: the order of their references C-…, R-…."""
    return ("C" if key[0] == "c" else "R", int(key[1:]))


def _find(parent: dict[int | str, int | str], item: int | str) -> int | str:
    while parent.setdefault(item, item) != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def components_of(edges: Iterable[Edge]) -> list[Skeleton]:
    """The connected components, largest first (records, then identifiers, then the smallest
    identifier id, so that the order does not change between two reads of the same index).

    Nodes are the identifier ids (int) and the record keys (str): they never collide."""
    edges = list(dict.fromkeys(edges))
    parent: dict[int | str, int | str] = {}
    for identifier, record in edges:
        parent[_find(parent, record)] = _find(parent, identifier)
    groups: dict[int | str, Skeleton] = {}
    seen: set[int | str] = set()
    for identifier, record in edges:
        group = groups.get(root := _find(parent, identifier))
        if group is None:
            group = groups[root] = Skeleton()
        if identifier not in seen:
            seen.add(identifier)
            group.identifiers.append(identifier)
        if record not in seen:
            seen.add(record)
            group.records.append(record)
        group.edges.append((identifier, record))
    return sorted(
        groups.values(),
        key=lambda g: (-len(g.records), -len(g.identifiers), min(g.identifiers)),
    )


def table_edges(components: list[Skeleton], kinds: Mapping[int, str]) -> list[tuple[int, Edge]]:
    """Every edge as a table row (component number from 1, edge): by component, then the
    identifier's kind and id, then the record's reference."""
    rows: list[tuple[int, Edge]] = []
    for number, component in enumerate(components, start=1):
        ordered = sorted(
            component.edges, key=lambda e: (kinds.get(e[0], ""), e[0], record_order(e[1]))
        )
        rows.extend((number, edge) for edge in ordered)
    return rows


def drawable(component: Skeleton, max_identifiers: int, max_records: int) -> Skeleton:
    """The part of a component that is drawn: all of it when small enough; else its most
    connected identifiers (most records first, up to `max_identifiers`) and up to
    `max_records` of the records they reach (those that carry most of them first)."""
    if len(component.identifiers) <= max_identifiers and len(component.records) <= max_records:
        return component
    degree = Counter(identifier for identifier, _record in component.edges)
    kept = sorted(component.identifiers, key=lambda i: (-degree[i], i))[:max_identifiers]
    chosen = set(kept)
    reach = Counter(record for identifier, record in component.edges if identifier in chosen)
    records = sorted(reach, key=lambda r: (-reach[r], record_order(r)))[:max_records]
    shown = set(records)
    edges = [(i, r) for i, r in component.edges if i in chosen and r in shown]
    used = {i for i, _r in edges}
    return Skeleton(identifiers=[i for i in kept if i in used], records=records, edges=edges)
