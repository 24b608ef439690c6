"""Import an agency's list: upload (kept encrypted until mapped), map its columns, keep rows.

A bad file is refused with a translated reason; a bad row never stops the import: it is
left out (no record id, a repeated one) or loses the field that cannot be read, and each
problem is kept by line as a code, never with the value (problems are not encrypted).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.domain_errors import NotFound
from tabara.core.spreadsheets import (
    MIB,
    RowLimitReached,
    SheetLimits,
    SpreadsheetRejected,
    csv_rows,
    upload_size_check,
    xlsx_rows,
)
from tabara.linkage.models import ImportedList, ImportedRecord
from tabara.linkage.reading import _cell
from tabara.linkage.records import record_prepare

LIMITS = SheetLimits(max_bytes=10 * MIB, max_rows=20_001, max_cols=50, max_unzipped=64 * MIB)
# The fields a column can be mapped to; only the name is required (the line number
# stands in for a missing record id).
FIELDS = ("record_id", "full_name", "sex", "birth_date", "age", "nin", "phone", "district")
FIELD_LABELS = {
    "record_id": gettext_lazy("Record id"),
    "full_name": gettext_lazy("Full name"),
    "sex": gettext_lazy("Sex"),
    "birth_date": gettext_lazy("Birth date"),
    "age": gettext_lazy("Age"),
    "nin": gettext_lazy("National ID number"),
    "phone": gettext_lazy("Phone"),
    "district": gettext_lazy("District code"),
}
# Header spellings recognised when proposing a mapping (casefolded).
_GUESSES = {
    "record_id": ("record_id", "id", "record", "no", "number", "numero", "nimero"),
    "full_name": ("full_name", "name", "names", "full name", "amazina", "izina", "nom", "noms"),
    "sex": ("sex", "gender", "igitsina", "sexe", "genre"),
    "birth_date": ("birth_date", "dob", "date of birth", "birth", "date de naissance"),
    "age": ("age", "imyaka", "âge"),
    "nin": ("nin", "national id", "id number", "indangamuntu", "nid"),
    "phone": ("phone", "telephone", "téléphone", "tel", "telefone", "mobile"),
    "district": ("district", "akarere", "district code"),
}
PROBLEM_TEXTS = {
    "no_id": gettext_lazy("the record id is empty: the row is left out"),
    "repeat": gettext_lazy("the record id repeats line %(other)s: the row is left out"),
    "no_name": gettext_lazy("there is no name: the row is kept but never linked"),
    "sex": gettext_lazy("the sex is neither M nor F: ignored"),
    "birth": gettext_lazy("the birth date or age cannot be used: ignored"),
    "nin": gettext_lazy("the national ID number cannot be read: ignored"),
    "nin_conflict": gettext_lazy(
        "the national ID number disagrees with the sex or birth year: both kept"
    ),
    "phone": gettext_lazy("the phone number is not valid: ignored"),
    "district": gettext_lazy("the district is not one of the 30 district codes: ignored"),
}


class ListUnreadable(ValueError):
    """The file as a whole cannot be used; the message is in the reader's language."""


class ListNotFound(NotFound):
    """The list does not exist or is another organization's: the same answer."""


def _rows(name: str, content: bytes) -> Iterator[list[str]]:
    if name.lower().endswith((".xlsx", ".xlsm")):
        for cells in xlsx_rows(content, LIMITS):
            yield [_cell(value) for value in cells]
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ListUnreadable(_("the file is neither UTF-8 text (CSV) nor XLSX")) from error
    for row in csv_rows(text, LIMITS):
        yield [cell.strip() for cell in row]


def file_rows(name: str, content: bytes) -> list[list[str]]:
    """The header and the non-empty rows of an upload, each with its line number first."""
    try:
        upload_size_check(len(content), LIMITS)
        rows = [
            [str(line), *row] for line, row in enumerate(_rows(name, content), start=1) if any(row)
        ]
    except SpreadsheetRejected as error:
        raise ListUnreadable(error.translated()) from error
    except RowLimitReached as error:
        raise ListUnreadable(
            _("the list has more than %(limit)s rows") % {"limit": error.limit - 1}
        ) from error
    if not rows:
        raise ListUnreadable(_("the file is empty: it has no header row"))
    if len(rows) < 2:
        raise ListUnreadable(_("the file has a header row but no records"))
    return rows


def mapping_guess(columns: list[str]) -> dict[str, int]:
    """A proposed mapping: each field whose usual header appears in the file."""
    folded = [column.strip().casefold() for column in columns]
    guess: dict[str, int] = {}
    for target, spellings in _GUESSES.items():
        for index, column in enumerate(folded):
            if column in spellings and index not in guess.values():
                guess[target] = index
                break
    return guess


@transaction.atomic
def list_upload(*, user: User, agency: str, file_name: str, content: bytes) -> ImportedList:
    """Keep an upload (encrypted) until its columns are mapped; ListUnreadable if unusable."""
    rows = file_rows(file_name, content)
    assert user.organization_id is not None  # noqa: S101 - LINKAGE_RUN needs an organization
    return ImportedList.objects.create(
        organization_id=user.organization_id or 0,
        created_by=user,
        agency=agency,
        file_name=file_name[:200],
        pending=json.dumps(rows[1:]),
        columns=rows[0][1:],
    )


def pending_rows(imported: ImportedList) -> list[list[str]]:
    """The uploaded rows waiting for a mapping (line number first in each)."""
    return json.loads(imported.pending) if imported.pending else []


def _problem_code(message: str) -> str:
    if message.startswith("full_name"):
        return "no_name"
    if message.startswith("nin:"):
        return "nin" if message.endswith("ignored") else "nin_conflict"
    for prefix, code in (("sex", "sex"), ("phone", "phone"), ("district", "district")):
        if message.startswith(prefix):
            return code
    return "birth"


def problem_text(problem: dict[str, Any]) -> str:
    """One kept problem in the reader's language."""
    return str(str(PROBLEM_TEXTS[problem["code"]]) % problem.get("params", {}))


@transaction.atomic
def list_map(*, user: User, list_id: int, mapping: dict[str, int]) -> ImportedList:
    """Keep every usable row under `mapping` (field → column index); record each problem."""
    imported = (
        ImportedList.objects.select_for_update()
        .filter(pk=list_id, organization_id=user.organization_id or 0)
        .exclude(status=ImportedList.Status.IMPORTED)
        .first()
    )
    if imported is None:
        raise ListNotFound
    today = timezone.localdate()
    problems: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    kept: list[ImportedRecord] = []
    for row in pending_rows(imported):
        line = int(row[0])
        values = {f: row[i + 1] if i + 1 < len(row) else "" for f, i in mapping.items()}
        record_id = values.get("record_id", "") if "record_id" in mapping else str(line)
        if not record_id:
            problems.append({"line": line, "code": "no_id"})
            continue
        if record_id in seen:
            problems.append({"line": line, "code": "repeat", "params": {"other": seen[record_id]}})
            continue
        seen[record_id] = line
        prepared = record_prepare(
            {**values, "record_id": record_id, "source": imported.agency}, line=line, today=today
        )
        problems.extend({"line": line, "code": _problem_code(m)} for m in prepared.problems)
        kept.append(_record(imported, line, record_id, values))
    ImportedRecord.objects.bulk_create(kept, batch_size=500)
    imported.status = ImportedList.Status.IMPORTED
    imported.pending = ""
    imported.mapping = mapping
    imported.row_count = len(kept)
    imported.problems = problems
    imported.imported_at = timezone.now()
    imported.save()
    audit_record(
        actor=user,
        action=AuditAction.LINKAGE_LIST_IMPORTED,
        target_type="imported_list",
        target_id=imported.pk,
        extra={"rows": len(kept), "problems": len(problems)},
    )
    return imported


def _record(imported: ImportedList, line: int, record_id: str, values: dict[str, str]) -> Any:
    return ImportedRecord(
        imported_list=imported,
        line=line,
        record_id=record_id,
        full_name=values.get("full_name", ""),
        birth_date=values.get("birth_date", ""),
        nin=values.get("nin", ""),
        phone=values.get("phone", ""),
        sex=values.get("sex", "")[:10],
        age=values.get("age", "")[:10],
        district=values.get("district", "")[:10],
    )


def record_values(record: ImportedRecord) -> dict[str, str]:
    """An imported row as the text cells the linkage core reads."""
    return {
        "full_name": record.full_name,
        "sex": record.sex,
        "birth_date": record.birth_date,
        "age": record.age,
        "nin": record.nin,
        "phone": record.phone,
        "district": record.district,
    }


def import_day(imported: ImportedList) -> dt.date:
    """The day ages in the list are counted from: the day it was imported."""
    return (
        timezone.localdate(imported.imported_at) if imported.imported_at else timezone.localdate()
    )
