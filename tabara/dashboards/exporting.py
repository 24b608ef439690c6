"""The dashboard's tables as CSV and XLSX, through the formula-safe writers of tabara.core."""

from __future__ import annotations

import io

from tabara.core.spreadsheets import SafeCsvWriter, xlsx_workbook
from tabara.dashboards.tables import Cell, Table

HIDDEN = "<5"


def _row(row: list[Cell]) -> list[object]:
    return [HIDDEN if cell is None else cell for cell in row]


def tables_csv(preamble: list[str], tables: list[Table]) -> bytes:
    """One CSV: the preamble lines, then each table under its title, a blank line between."""
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    for line in preamble:
        writer.writerow([line])
    writer.writerow([])
    for table in tables:
        writer.writerow([table.title])
        writer.writerow(table.header)
        writer.writerows(_row(row) for row in table.rows)
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def tables_xlsx(preamble: list[str], tables: list[Table]) -> bytes:
    """One worksheet per table, each starting with the preamble and the table's title."""
    return xlsx_workbook(
        (
            table.key,
            [
                *([line] for line in [*preamble, table.title]),
                table.header,
                *(_row(row) for row in table.rows),
            ],
        )
        for table in tables
    )
