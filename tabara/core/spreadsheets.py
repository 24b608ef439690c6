"""Read uploaded spreadsheets within fixed bounds of time and memory; write exports safely.

An XLSX file is a zip of XML. A few kilobytes can declare a sheet of 1,048,576 rows by
16,384 columns (openpyxl then pads every row to that width and fills every missing row), or
unzip to gigabytes. So, before anything is parsed: the upload's size is checked, then the
zip directory (number of members, total uncompressed size, compression ratio of each
member). Parsing is streaming (openpyxl read-only mode), the sheet's declared dimensions
are ignored, and iteration stops at the caller's row and column limits.

Every CSV or XLSX the project writes goes through SafeCsvWriter or xlsx_append, which
escape text that a spreadsheet would run as a formula.

Django-free apart from gettext_noop: messages are English templates marked for translation;
`SpreadsheetRejected.translated()` gives them in the active language.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_noop

MIB = 1024 * 1024


@dataclass(frozen=True)
class SheetLimits:
    """What one upload may hold; a file beyond any limit is refused or cut at the limit."""

    max_bytes: int = 2 * MIB
    max_rows: int = 5000
    max_cols: int = 50
    max_unzipped: int = 16 * MIB
    max_ratio: int = 100
    max_members: int = 100


class SpreadsheetRejected(ValueError):
    """The upload cannot be read within the limits; carries a translatable message."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params)

    def translated(self) -> str:
        from django.utils.translation import gettext

        return gettext(self.template) % self.params


class RowLimitReached(Exception):
    """Raised after the last allowed row when the next line holds data: the rest is unread."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"more than {limit} rows")


def _mb(size: int) -> str:
    return f"{size / MIB:g}"


def upload_size_check(size: int, limits: SheetLimits) -> None:
    """Refuse a file over the size limit, from its declared size, before reading it."""
    if size > limits.max_bytes:
        raise SpreadsheetRejected(
            gettext_noop("The file is larger than %(limit)s MB."), limit=_mb(limits.max_bytes)
        )


def upload_size_validator(limits: SheetLimits) -> Callable[[Any], None]:
    """A form-field validator: refuses an upload by its declared size, before it is read."""

    def validate(upload: Any) -> None:
        from django.core.exceptions import ValidationError

        try:
            upload_size_check(int(upload.size), limits)
        except SpreadsheetRejected as exc:
            raise ValidationError(exc.translated(), code="too_large") from exc

    return validate


def zip_check(data: bytes, limits: SheetLimits) -> None:
    """Refuse an XLSX whose zip would unpack beyond the limits; reads only the directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SpreadsheetRejected(gettext_noop("This .xlsx file could not be opened.")) from exc
    too_big = SpreadsheetRejected(
        gettext_noop("This .xlsx file unpacks to more than %(limit)s MB."),
        limit=_mb(limits.max_unzipped),
    )
    if len(members) > limits.max_members:
        raise too_big
    total = 0
    for member in members:
        total += member.file_size
        if total > limits.max_unzipped:
            raise too_big
        if member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise SpreadsheetRejected(
                gettext_noop("This .xlsx file is compressed suspiciously well: save it again.")
            )


def xlsx_rows(data: bytes, limits: SheetLimits) -> Iterator[list[object]]:
    """Cell values of the first sheet, row by row: at most max_rows rows of max_cols cells.

    Raises RowLimitReached after the last allowed row if the next line holds data. Trailing
    empty cells and trailing empty rows are dropped, whatever the sheet declares.
    """
    upload_size_check(len(data), limits)
    zip_check(data, limits)
    from openpyxl import load_workbook  # openpyxl is heavy; only XLSX callers load it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise SpreadsheetRejected(gettext_noop("This .xlsx file could not be opened.")) from exc
    try:
        if not book.worksheets:
            raise SpreadsheetRejected(gettext_noop("This .xlsx file has no sheet."))
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # never trust the sheet's own <dimension ref="...">
        rows = sheet.iter_rows(
            min_row=1, max_row=limits.max_rows + 1, max_col=limits.max_cols, values_only=True
        )
        blank = 0  # empty rows are held back until a row with data follows them
        for number, row in enumerate(rows, start=1):
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            if number > limits.max_rows:
                if cells:
                    raise RowLimitReached(limits.max_rows)
                return
            if not cells:
                blank += 1
                continue
            yield from ([] for _ in range(blank))
            blank = 0
            yield cells
    except (SpreadsheetRejected, RowLimitReached):
        raise
    except Exception as exc:  # a damaged sheet fails while streaming, not at open
        raise SpreadsheetRejected(gettext_noop("This .xlsx file could not be opened.")) from exc
    finally:
        book.close()


def csv_rows(text: str, limits: SheetLimits, dialect: Any = csv.excel) -> Iterator[list[str]]:
    """Rows of a CSV text: at most max_rows rows, each cut to max_cols cells.

    Raises RowLimitReached after the last allowed row if the next line holds data.
    """
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for number, row in enumerate(reader, start=1):
            if number > limits.max_rows:
                if any(cell.strip() for cell in row):
                    raise RowLimitReached(limits.max_rows)
                return
            yield row[: limits.max_cols]
    except csv.Error as exc:  # a field over csv's 128 KB limit, a NUL byte...
        raise SpreadsheetRejected(gettext_noop("This CSV file could not be read.")) from exc


# Writing: a cell that starts with one of these is run as a formula by Excel or LibreOffice
# when the export is opened (OWASP "CSV injection"); such text is prefixed with an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def cell_escape(value: Any) -> Any:
    """`value`, or for text that a spreadsheet would evaluate, the text behind an apostrophe.

    Numbers are left alone, and so is text that is only a number ("-3.5", "+250788123456"):
    a spreadsheet reads it as that number and runs nothing.
    """
    dangerous = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    if dangerous and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def row_escape(row: Iterable[Any]) -> list[Any]:
    return [cell_escape(value) for value in row]


class SafeCsvWriter:
    """csv.writer whose every cell goes through cell_escape(): the only way to write CSV."""

    def __init__(self, out: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        # csv.writer returns what its file's write() returned: streaming views yield it.
        return self._writer.writerow(row_escape(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def xlsx_append(sheet: Any, row: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet with every cell through cell_escape()."""
    sheet.append(row_escape(row))


def xlsx_workbook(sheets: Iterable[tuple[str, Iterable[Iterable[Any]]]]) -> bytes:
    """An XLSX file of named sheets, written by XlsxWriter with every cell through cell_escape().

    For exports built whole in memory (a few hundred cells): several times faster than an
    openpyxl workbook. Text is always written as text and numbers as numbers, so nothing a
    person typed can become a formula, a link or a number.
    """
    import xlsxwriter  # only the XLSX exports load it

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row_escape(row)):
                if value is None:
                    continue
                if isinstance(value, bool) or not isinstance(value, int | float):
                    sheet.write_string(r, c, str(value))
                else:
                    sheet.write_number(r, c, value)
    book.close()
    return out.getvalue()
