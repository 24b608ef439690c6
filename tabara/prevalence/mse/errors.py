"""Exceptions raised by the multiple-systems-estimation library.

MSEError
 ├── MSEInputError      the table or records cannot be used (names the row and column)
 └── MSEModelError      the requested model or method cannot be applied to this table
"""

from __future__ import annotations


class MSEError(Exception):
    """Base class for every error the estimation library raises on purpose."""


class MSEInputError(MSEError, ValueError):
    """The input table or records are malformed; `row` and `column` say where.

    For a file, `row` is the row as a spreadsheet numbers it (the header is row 1); for
    arrays passed in code it counts rows from 1. Either is None when the problem is not
    tied to one row or column.
    """

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None):
        self.row = row
        self.column = column
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = f"{', '.join(where)}: " if where else ""
        super().__init__(prefix + message)


class MSEModelError(MSEError, ValueError):
    """The method or model cannot be applied (too many lists for BIC, MLE does not exist...)."""
