"""Capture histories of clusters, checked against a table worked out by hand."""

from __future__ import annotations

from tabara.linkage.histories import capture_histories


def test_each_cluster_counts_once_on_every_list_holding_one_of_its_records() -> None:
    # records:        0       1        2        3       4        5   (6 has no source)
    sources = ["police", "isange", "police", "ngo", "isange", "ngo", ""]
    cluster = [0, 0, 2, 3, 0, 3, 6]
    # cluster 0: police+isange; cluster 2: police; cluster 3: ngo (twice, counted once)
    lists, patterns = capture_histories(sources, cluster)
    assert lists == ["isange", "ngo", "police"]
    assert dict(patterns) == {(1, 0, 1): 1, (0, 0, 1): 1, (0, 1, 0): 1}
