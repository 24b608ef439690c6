"""The two files: an organization's cases in HTCDS, and the public CTDC-layout file.

Each is read and audited in one transaction and written to a temporary file beside the
output, which takes the output's name only once everything succeeded.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import cases_owned
from tabara.core.spreadsheets import SafeCsvWriter
from tabara.opendata import ctdc, htcds
from tabara.opendata.disclosure import DisclosureRisk, disclosure_check
from tabara.opendata.kanon import TooFewRecords, anonymise
from tabara.opendata.operators import OperatorRefused, refusal_record
from tabara.opendata.selectors import counted_cases, victim_records

DEFAULT_K = 11  # as CTDC does


class ExportRefused(Exception):
    """The file cannot be written as asked; nothing was written."""


@contextmanager
def _staged(output: Path) -> Iterator[IO[str]]:
    """A text file beside `output` that replaces it only if the block succeeds."""
    if output.exists():
        raise ExportRefused(f"{output} already exists; choose a new file name")
    if not output.parent.is_dir():
        raise ExportRefused(f"the folder {output.parent} does not exist")
    fd, temp = tempfile.mkstemp(prefix=".tabara-", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            yield handle
        os.replace(temp, output)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


@dataclass(frozen=True)
class HtcdsExport:
    rows: int
    cases: int
    without_consent: int


def htcds_export(*, user: User, output: Path) -> HtcdsExport:
    """The user's organization's cases whose people consented to sharing, in HTCDS fields."""
    if not user.can(Perm.HTCDS_EXPORT):
        raise OperatorRefused(f"{user.username} does not hold the permission {Perm.HTCDS_EXPORT}")
    owned = cases_owned(user)
    with _staged(output) as handle, transaction.atomic():
        records = list(victim_records(owned.filter(consent_to_share=True)))
        without = owned.filter(consent_to_share=False).count()
        writer = SafeCsvWriter(handle)
        writer.writerow(htcds.COLUMNS)
        writer.writerows([row[c] for c in htcds.COLUMNS] for row in map(htcds.htcds_row, records))
        case_ids = sorted({r.case_id for r in records})
        audit_record(
            actor=user,
            action=AuditAction.HTCDS_EXPORTED,
            target_type="organization",
            target_id=user.organization_id or "",
            extra={"rows": len(records), "cases": case_ids, "without_consent": without},
        )
    return HtcdsExport(len(records), len(case_ids), without)


@dataclass(frozen=True)
class CtdcExport:
    rows: int
    k: int
    measured_k: int
    generalised: int
    suppressed: int
    suppressed_records: int
    levels: dict[str, int]


def _header(result: CtdcExport) -> list[str]:
    levels = " ".join(f"{q}={result.levels[q]}" for q in ctdc.QUASI_IDENTIFIERS)
    return [
        "# Tabara: presumed victims in the layout of CTDC's k-anonymised global dataset.",
        f"# k = {result.k}: every combination of the quasi-identifiers "
        f"({' '.join(ctdc.QUASI_IDENTIFIERS)}) occurs at least {result.k} times; "
        f"pycanon measured k = {result.measured_k}.",
        f"# {result.rows} records; {result.generalised} values generalised; "
        f"{result.suppressed} values suppressed (-99) in {result.suppressed_records} records; "
        "no record dropped.",
        f"# Generalisation levels (0 = as recorded): {levels}.",
        f"# Exported {timezone.localdate():%Y-%m-%d}; see docs/open-data.md.",
    ]


def ctdc_export(*, user: User, output: Path, k: int = DEFAULT_K) -> CtdcExport:
    """Every counted presumed victim, k-anonymous, checked by pycanon before it is written."""
    if not user.can(Perm.OPEN_DATA_PUBLISH):
        raise OperatorRefused(
            f"{user.username} does not hold the permission {Perm.OPEN_DATA_PUBLISH}"
        )
    if k < 2:
        raise ExportRefused("k must be at least 2")
    try:
        with _staged(output) as handle, transaction.atomic():
            records = list(victim_records(counted_cases()))
            result = anonymise([ctdc.quasi_identifiers(r) for r in records], ctdc.LADDERS, k=k)
            type_level = result.levels[ctdc.TYPE]
            rows = sorted(
                (ctdc.ctdc_row(qi, type_level) for qi in result.records),
                key=lambda row: [row[c] for c in ctdc.COLUMNS],
            )
            measured = disclosure_check(rows, ctdc.QUASI_IDENTIFIERS, ctdc.COLUMNS, k)
            summary = CtdcExport(
                len(rows),
                k,
                measured,
                result.generalised_values,
                result.suppressed_values,
                result.suppressed_records,
                result.levels,
            )
            handle.writelines(line + "\n" for line in _header(summary))
            writer = SafeCsvWriter(handle)
            writer.writerow(ctdc.COLUMNS)
            writer.writerows([row[c] for c in ctdc.COLUMNS] for row in rows)
            audit_record(
                actor=user,
                action=AuditAction.CTDC_EXPORTED,
                extra={
                    "rows": summary.rows,
                    "k": k,
                    "measured_k": measured,
                    "generalised": summary.generalised,
                    "suppressed": summary.suppressed,
                },
            )
    except (TooFewRecords, DisclosureRisk) as exc:
        refusal_record(actor=user, command="export ctdc", reason=type(exc).__name__, k=k)
        raise ExportRefused(f"refused, nothing written: {exc}") from exc
    return summary
