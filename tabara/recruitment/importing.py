"""Reading the licensing authority's list of agencies (CSV or XLSX) through a column mapping.

The authority names its columns as it likes; the mapping says which column holds which
field (guessed from the header when not given). Every row is checked on its own: a bad row
is rejected with its line number and every reason, and never stops the good rows. Nothing
here touches the database.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tabara.core.phones import phone_normalise
from tabara.core.spreadsheets import (
    RowLimitReached,
    SheetLimits,
    SpreadsheetRejected,
    csv_rows,
    upload_size_check,
    xlsx_rows,
)
from tabara.geo.countries import country_choices
from tabara.recruitment.choices import AgencyStatus
from tabara.recruitment.services import AgencyInput

MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
LIMITS = SheetLimits(max_bytes=MAX_BYTES, max_rows=MAX_ROWS + 1, max_cols=40)

# Field -> (label, header names the authority may use, compared folded).
FIELDS: dict[str, tuple[object, tuple[str, ...]]] = {
    "name": (gettext_lazy("Name"), ("name", "agency", "agency_name", "company", "nom", "izina")),
    "other_names": (gettext_lazy("Other names"), ("other_names", "trading_names", "aka")),
    "licence_number": (
        gettext_lazy("Licence number"),
        ("licence_number", "license_number", "licence", "license", "licence_no", "license_no"),
    ),
    "status": (gettext_lazy("Status"), ("status", "statut", "licence_status")),
    "status_since": (gettext_lazy("Status since"), ("status_since", "status_date", "since")),
    "licence_expires": (
        gettext_lazy("Licence valid until"),
        ("licence_expires", "expires", "expiry", "expiry_date", "valid_until"),
    ),
    "destinations": (
        gettext_lazy("Licensed destinations"),
        ("destinations", "countries", "destination_countries", "pays"),
    ),
    "address": (gettext_lazy("Address"), ("address", "adresse", "aderesi")),
    "phones": (gettext_lazy("Phones"), ("phones", "phone", "telephone", "tel")),
    "website": (gettext_lazy("Website"), ("website", "site", "web")),
    "social_accounts": (
        gettext_lazy("Social media accounts"),
        ("social_accounts", "social_media", "social"),
    ),
}
REQUIRED = ("name", "licence_number", "status")
STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("licensed", "licenced", "valid", "active", "agree", "agreee", "valide", "yemewe"),
        AgencyStatus.LICENSED,
    ),
    **dict.fromkeys(("suspended", "suspendu", "suspendue", "yahagaritswe"), AgencyStatus.SUSPENDED),
    **dict.fromkeys(
        ("revoked", "withdrawn", "cancelled", "revoque", "retire", "yambuwe"), AgencyStatus.REVOKED
    ),
    **dict.fromkeys(("expired", "expire", "expiree", "yarangiye"), AgencyStatus.EXPIRED),
}
_SPLIT = re.compile(r"\s*[;|\n]\s*")
_SPLIT_PHONES = re.compile(r"\s*[;|/,\n]\s*")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


class UnreadableFile(ValueError):
    """The upload is not a spreadsheet this importer can read."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """A line that was not imported, with every reason."""

    line: int
    reasons: tuple[str, ...]


@dataclass
class ParsedList:
    """The outcome of reading a file: valid rows and rejected lines."""

    rows: list[AgencyInput] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def header_fold(text: str) -> str:
    """A column name compared without case, accents or spacing: "Licence No." -> licence_no."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def mapping_guess(header: list[str], given: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index: the column named in `given`, else one with a known name."""
    folded = [header_fold(name) for name in header]
    found: dict[str, int] = {}
    for name, (_label, aliases) in FIELDS.items():
        wanted = [header_fold(given[name])] if given.get(name) else list(aliases)
        for alias in wanted:
            if alias in folded:
                found[name] = folded.index(alias)
                break
    return found


def _table(filename: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    upload_size_check(len(data), LIMITS)
    lowered = filename.lower()
    if lowered.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(_("Save the CSV file as UTF-8.")) from exc
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        raw: Iterator[list[object]] = iter(csv_rows(text, LIMITS, dialect))  # type: ignore[arg-type]
    elif lowered.endswith(".xlsx"):
        raw = xlsx_rows(data, LIMITS)
    else:
        raise UnreadableFile(_("Upload an .xlsx or .csv file."))
    for line, cells in enumerate(raw, start=1):
        yield line, [_cell_text(cell) for cell in cells]


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def parse_agencies(filename: str, data: bytes, mapping: Mapping[str, str]) -> ParsedList:
    """Check every row of the file; `mapping` names the column of a field when it differs."""
    parsed = ParsedList()
    columns: dict[str, int] | None = None
    seen: set[str] = set()
    try:
        for line, cells in _table(filename, data):
            if columns is None:
                columns = mapping_guess(cells, mapping)
                missing = [str(FIELDS[name][0]) for name in REQUIRED if name not in columns]
                if missing:
                    raise UnreadableFile(
                        _("No column found for: %(fields)s. Name the columns below.")
                        % {"fields": ", ".join(missing)}
                    )
                continue
            if not any(cells):
                continue
            values = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
            _row_add(parsed, seen, line, values)
    except SpreadsheetRejected as exc:
        raise UnreadableFile(exc.translated()) from exc
    except RowLimitReached as limit:
        parsed.rejected.append(
            Rejection(limit.limit + 1, (_("More than 5000 rows: import the rest separately."),))
        )
    if columns is None:
        raise UnreadableFile(_("The file is empty."))
    return parsed


def _row_add(parsed: ParsedList, seen: set[str], line: int, values: dict[str, str]) -> None:
    reasons: list[str] = []
    name = values.get("name", "")
    licence = " ".join(values.get("licence_number", "").split()).upper()
    if not name:
        reasons.append(_("The name is empty."))
    if len(name) > 200:
        reasons.append(_("The name is longer than 200 characters."))
    if not licence or len(licence) > 60:
        reasons.append(_("The licence number is empty or longer than 60 characters."))
    elif licence in seen:
        reasons.append(
            _("Licence number %(number)s appears twice in the file.") % {"number": licence}
        )
    seen.add(licence)
    status_text = values.get("status", "")
    status = STATUS_WORDS.get(header_fold(status_text).replace("_", ""))
    if status is None:
        reasons.append(
            _("Status “%(value)s” is not licensed, suspended, revoked or expired.")
            % {"value": status_text}
        )
    since = _date(values.get("status_since", ""), reasons)
    expires = _date(values.get("licence_expires", ""), reasons)
    destinations = _countries(values.get("destinations", ""), reasons)
    phones = _phones(values.get("phones", ""), reasons)
    for key, limit in (("address", 300), ("website", 200)):
        if len(values.get(key, "")) > limit:
            reasons.append(_("A value is too long: %(field)s.") % {"field": FIELDS[key][0]})
    if reasons or status is None:
        parsed.rejected.append(Rejection(line, tuple(reasons)))
        return
    parsed.rows.append(
        AgencyInput(
            name=name,
            licence_number=licence,
            status=status,
            status_since=since,
            licence_expires=expires,
            other_names=tuple(n for n in _SPLIT.split(values.get("other_names", "")) if n),
            destinations=destinations,
            address=values.get("address", ""),
            phones=phones,
            website=values.get("website", ""),
            social_accounts=tuple(
                a for a in re.split(r"[;|\s]+", values.get("social_accounts", "")) if a
            ),
        )
    )


def _date(text: str, reasons: list[str]) -> date | None:
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        with contextlib.suppress(ValueError):
            return datetime.strptime(text[:10], fmt).date()  # noqa: DTZ007 - a date, no time
    reasons.append(_("“%(value)s” is not a date (write 2026-03-25).") % {"value": text})
    return None


def country_lookup() -> dict[str, str]:
    """Folded code or name in any of the three languages -> ISO code."""
    names: dict[str, str] = {}
    for lang in ("en", "fr", "rw"):
        for code, label in country_choices(lang):
            names[header_fold(code)] = code
            names[header_fold(label)] = code
    return names


def _countries(text: str, reasons: list[str]) -> tuple[str, ...]:
    lookup = country_lookup()
    codes: list[str] = []
    for part in re.split(r"\s*[;|,\n]\s*", text):
        if not part:
            continue
        code = lookup.get(header_fold(part))
        if code is None:
            reasons.append(_("“%(value)s” is not a country of the list.") % {"value": part})
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def _phones(text: str, reasons: list[str]) -> tuple[str, ...]:
    numbers: list[str] = []
    for part in _SPLIT_PHONES.split(text):
        if not part:
            continue
        number = phone_normalise(part)
        if not number:
            reasons.append(_("“%(value)s” is not a phone number.") % {"value": part})
        elif number not in numbers:
            numbers.append(number)
    return tuple(numbers)
