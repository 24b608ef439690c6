"""`tabara link dedupe` writes CLUSTERS.csv and HISTORIES.csv with cells from the input list
(record ids, source names): a cell a spreadsheet would run comes out escaped (OWASP's list)."""

from __future__ import annotations

import csv
from pathlib import Path

from tabara.cli import main


def test_cells_from_the_input_list_are_escaped_in_both_outputs(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text(
        "record_id,source,full_name\n"
        '"=HYPERLINK(""http://evil.example"")",@police,Uwase Diane\n'
        "r2,isange,Mugisha Eric\n",
        encoding="utf-8",
    )
    clusters, histories = tmp_path / "clusters.csv", tmp_path / "histories.csv"
    status = main(
        ["link", "dedupe", str(records), "--output", str(clusters), "--histories", str(histories)]
    )
    assert status == 0
    with clusters.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["record_id", "cluster_id"]
    cells = {cell for row in rows[1:] for cell in row}
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert not any(cell.startswith(("=", "@", "+", "-")) for cell in cells)
    with histories.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert "'@police" in header and "isange" in header
