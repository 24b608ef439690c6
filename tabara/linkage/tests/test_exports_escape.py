"""`tabara link dedupe` writes CLUSTERS.csv and HISTORIES.csv with cells from the input list
(record ids, source names), and the analysts' cluster download writes sources and names from
imported lists: a cell a spreadsheet would run comes out escaped (OWASP's list)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from tabara.cli import main
from tabara.linkage.exports import clusters_csv, clusters_xlsx


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


def test_the_cluster_download_escapes_cells_from_imported_lists() -> None:
    # An imported list's source and a person's name are typed by others: in the analysts'
    # cluster download (CSV and XLSX) a cell a spreadsheet would run comes out escaped.
    rows: list[list[object]] = [
        ["Cluster", "Record", "Source", "Match probability", "Name"],
        [1, "list row 2", "@police", 0.9731, '=HYPERLINK("http://evil.example")'],
        [1, "list row 9", "isange", 0.9731, "-Uwase"],
    ]
    lines = clusters_csv(rows).decode("utf-8-sig").splitlines()
    assert lines[1] == '1,list row 2,\'@police,0.9731,"\'=HYPERLINK(""http://evil.example"")"'
    assert lines[2] == "1,list row 9,isange,0.9731,'-Uwase"
    sheet = load_workbook(io.BytesIO(clusters_xlsx(rows))).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert values == [
        [1, "list row 2", "'@police", 0.9731, '\'=HYPERLINK("http://evil.example")'],
        [1, "list row 9", "isange", 0.9731, "'-Uwase"],
    ]
