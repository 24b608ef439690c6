"""Reading an attendance register from a spreadsheet (XLSX or CSV), row by row.

Every row is checked on its own: a bad row is reported with its line number and every
reason, and never stops the good rows from being kept. Nothing here touches the database;
the caller passes the district lookup and the numbers already used.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tabara.awareness.choices import AgeBand, Audience, Sex
from tabara.core.spreadsheets import (
    RowLimitReached,
    SafeCsvWriter,
    SheetLimits,
    SpreadsheetRejected,
    csv_rows,
    upload_size_check,
    xlsx_append,
    xlsx_rows,
)

COLUMNS = (
    "number",
    "name",
    "sex",
    "age_band",
    "role",
    "district",
    "pre_score",
    "post_score",
    "pre_tells_apart",
    "post_tells_apart",
)
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
# Lines, not people: the header and MAX_ROWS rows; a wider sheet's extra columns are unread.
LIMITS = SheetLimits(max_bytes=MAX_BYTES, max_rows=MAX_ROWS + 1, max_cols=2 * len(COLUMNS))

SEX_WORDS = {
    "f": Sex.FEMALE,
    "female": Sex.FEMALE,
    "gore": Sex.FEMALE,
    "umugore": Sex.FEMALE,
    "femme": Sex.FEMALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
    "gabo": Sex.MALE,
    "umugabo": Sex.MALE,
    "homme": Sex.MALE,
    "h": Sex.MALE,
    "": Sex.UNKNOWN,
    "unknown": Sex.UNKNOWN,
}
YES = {"yes", "y", "1", "true", "yego", "oui"}
NO = {"no", "n", "0", "false", "oya", "non"}


class UnreadableFile(ValueError):
    """The upload is not a spreadsheet this importer can read."""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One valid line of the register."""

    line: int
    number: int | None
    name: str
    sex: str
    age_band: str
    role: str
    district_code: str
    pre_score: float | None
    post_score: float | None
    pre_tells_apart: bool | None
    post_tells_apart: bool | None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A line that was not imported, with every reason."""

    line: int
    reasons: tuple[str, ...]


@dataclass
class ParsedRegister:
    """The outcome of reading a file: valid rows and rejected lines."""

    rows: list[RegisterRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_table(filename: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, {column: text}) for each non-empty data row of a CSV or XLSX."""
    try:
        yield from _table(filename, data)
    except SpreadsheetRejected as exc:
        raise UnreadableFile(exc.translated()) from exc


def _table(filename: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    upload_size_check(len(data), LIMITS)
    lowered = filename.lower()
    if lowered.endswith(".csv"):
        raw = _csv_rows(data)
    elif lowered.endswith(".xlsx"):
        raw = enumerate(xlsx_rows(data, LIMITS), start=1)
    else:
        raise UnreadableFile(_("Upload an .xlsx or .csv file."))
    header: list[str] | None = None
    for line, cells in raw:
        texts = ["" if cell is None else str(cell).strip() for cell in cells]
        if header is None:
            header = [text.lower().replace(" ", "_") for text in texts]
            if "sex" not in header and "number" not in header:
                raise UnreadableFile(_("The first row must hold the column names of the template."))
            continue
        if not any(texts):
            continue
        yield line, dict(zip(header, texts, strict=False))


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[object]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("Save the CSV file as UTF-8.")) from exc
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    for line, cells in enumerate(csv_rows(text, LIMITS, dialect), start=1):
        yield line, list(cells)


def parse_register(
    filename: str,
    data: bytes,
    *,
    districts: Mapping[str, str],
    used_numbers: set[int],
) -> ParsedRegister:
    """Check every row. `districts` maps lower-case names and codes to district codes."""
    parsed = ParsedRegister()
    seen = set(used_numbers)
    try:
        for line, cells in read_table(filename, data):
            _row_add(parsed, seen, line, cells, districts)
    except RowLimitReached as limit:
        parsed.rejected.append(
            Rejection(limit.limit + 1, (_("More than 5000 rows: import the rest separately."),))
        )
    return parsed


def _row_add(
    parsed: ParsedRegister,
    seen: set[int],
    line: int,
    cells: dict[str, str],
    districts: Mapping[str, str],
) -> None:
    row, reasons = _check_row(line, cells, districts)
    if row is not None and row.number is not None:
        if row.number in seen:
            reasons.append(
                _("Participant number %(number)s is already used.") % {"number": row.number}
            )
        seen.add(row.number)
    if reasons or row is None:
        parsed.rejected.append(Rejection(line, tuple(reasons)))
    else:
        parsed.rows.append(row)


def _check_row(
    line: int, cells: dict[str, str], districts: Mapping[str, str]
) -> tuple[RegisterRow | None, list[str]]:
    reasons: list[str] = []
    number = _number(cells.get("number", ""), reasons)
    sex_text = cells.get("sex", "").lower()
    sex = SEX_WORDS.get(sex_text)
    if sex is None:
        reasons.append(_("Sex “%(value)s” is not F or M.") % {"value": cells.get("sex", "")})
    age_band = _age_band(cells.get("age_band", ""), reasons)
    role = _role(cells.get("role", ""), reasons)
    district_text = cells.get("district", "")
    district = districts.get(district_text.lower(), "") if district_text else ""
    if district_text and not district:
        reasons.append(
            _("District “%(value)s” is not a district of Rwanda.") % {"value": district_text}
        )
    name = cells.get("name", "")
    if len(name) > 120:
        reasons.append(_("The name is longer than 120 characters."))
    pre = _score(cells.get("pre_score", ""), "pre_score", reasons)
    post = _score(cells.get("post_score", ""), "post_score", reasons)
    pre_apart = _yes_no(cells.get("pre_tells_apart", ""), "pre_tells_apart", reasons)
    post_apart = _yes_no(cells.get("post_tells_apart", ""), "post_tells_apart", reasons)
    if reasons:
        return None, reasons
    row = RegisterRow(
        line, number, name, str(sex), age_band, role, district, pre, post, pre_apart, post_apart
    )
    return row, reasons


def _number(text: str, reasons: list[str]) -> int | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 1 or value != int(value) or value > 1_000_000:
        reasons.append(_("Number “%(value)s” is not a whole number from 1.") % {"value": text})
        return None
    return int(value)


def _age_band(text: str, reasons: list[str]) -> str:
    if not text:
        return AgeBand.UNKNOWN
    if text in AgeBand.values:
        return text
    try:
        age = float(text)
    except ValueError:
        age = -1.0
    if 0 <= age < 120:
        for band, top in (("0-14", 15), ("15-17", 18), ("18-24", 25), ("25-35", 36), ("36-59", 60)):
            if age < top:
                return band
        return AgeBand.FROM_60
    reasons.append(
        _("Age “%(value)s” is neither an age nor one of %(bands)s.")
        % {"value": text, "bands": ", ".join(AgeBand.values[:-1])}
    )
    return AgeBand.UNKNOWN


def _role(text: str, reasons: list[str]) -> str:
    if not text:
        return ""
    lowered = text.lower()
    if lowered in Audience.values:
        return lowered
    for value, label in Audience.choices:
        if str(label).lower() == text.lower():
            return value
    reasons.append(_("Role “%(value)s” is not one of the audiences.") % {"value": text})
    return ""


def _score(text: str, column: str, reasons: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        reasons.append(
            _("%(column)s “%(value)s” is not a score from 0 to 100.")
            % {"column": column, "value": text}
        )
        return None
    return value


def _yes_no(text: str, column: str, reasons: list[str]) -> bool | None:
    lowered = text.lower()
    if not lowered:
        return None
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    reasons.append(
        _("%(column)s “%(value)s” is not yes or no.") % {"column": column, "value": text}
    )
    return None


EXAMPLE = ("1", "", "F", "18-24", "youth", "Gasabo", "40", "80", "no", "yes")


def template_xlsx() -> bytes:
    """The downloadable template: the columns, one example row and the allowed values."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has a sheet
    sheet.title = "register"
    xlsx_append(sheet, COLUMNS)
    xlsx_append(sheet, EXAMPLE)
    values = book.create_sheet("allowed values")
    for row in (
        ["column", "values"],
        ["sex", "F, M (or blank)"],
        ["age_band", ", ".join(AgeBand.values[:-1]) + " — or the age in years"],
        ["role", ", ".join(Audience.values)],
        ["district", "district name or 2-digit code"],
        ["pre_score, post_score", "0 to 100 (percent right), blank if not taken"],
        ["pre_tells_apart, post_tells_apart", "yes / no, blank if not asked"],
    ):
        xlsx_append(values, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv() -> bytes:
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(COLUMNS)
    writer.writerow(EXAMPLE)
    return out.getvalue().encode("utf-8")
