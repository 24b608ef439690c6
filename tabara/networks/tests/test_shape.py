"""The shape of a network from its edges: components, table order, the drawn part.

Expectations worked by hand from the small graphs drawn in each test's docstring.
"""

from __future__ import annotations

from tabara.networks.shape import components_of, drawable, table_edges

# identifier 1 on r1, r2, c3; identifier 2 on c3, r4; identifier 3 on r5, r6; 4 on r7, r8.
EDGES = [(4, "r7"), (1, "r1"), (3, "r5"), (1, "r2"), (1, "c3"), (2, "c3"), (2, "r4"),
         (3, "r6"), (4, "r8"), (1, "r1")]  # fmt: skip


def test_components_are_connected_through_shared_records_largest_first() -> None:
    first, second, third = components_of(EDGES)
    assert set(first.identifiers) == {1, 2}  # joined by c3
    assert set(first.records) == {"r1", "r2", "c3", "r4"}
    assert len(first.edges) == 5  # the repeated (1, r1) counts once
    # Two of one identifier and two records each: the smaller identifier id first.
    assert (second.identifiers, third.identifiers) == ([3], [4])


def test_table_rows_go_by_component_then_kind_then_identifier_then_reference() -> None:
    kinds = {1: "phone", 2: "agency", 3: "phone", 4: "phone"}
    rows = table_edges(components_of(EDGES), kinds)
    assert rows[:5] == [
        (1, (2, "c3")),  # "agency" sorts before "phone"
        (1, (2, "r4")),
        (1, (1, "c3")),  # a case's reference C-… before reports' R-…
        (1, (1, "r1")),
        (1, (1, "r2")),
    ]
    assert rows[5:] == [(2, (3, "r5")), (2, (3, "r6")), (3, (4, "r7")), (3, (4, "r8"))]


def test_a_big_component_is_drawn_by_its_most_connected_identifiers() -> None:
    """Identifier 1 on r1..r5, identifier 2 on r5 and r6."""
    edges = [(1, f"r{k}") for k in range(1, 6)] + [(2, "r5"), (2, "r6")]
    (component,) = components_of(edges)
    small = drawable(component, max_identifiers=1, max_records=2)
    assert (small.identifiers, small.records) == ([1], ["r1", "r2"])
    assert small.edges == [(1, "r1"), (1, "r2")]
    part = drawable(component, max_identifiers=2, max_records=3)
    assert part.records == ["r5", "r1", "r2"]  # r5 carries both identifiers
    assert part.edges == [(1, "r1"), (1, "r2"), (1, "r5"), (2, "r5")]
    assert drawable(component, max_identifiers=2, max_records=6) is component
