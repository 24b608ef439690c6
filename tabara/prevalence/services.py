"""Create and run estimations; the run happens in a background task after commit."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tabara import __version__ as tabara_version
from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.spreadsheets import (
    RowLimitReached,
    SpreadsheetRejected,
    csv_rows,
    upload_size_check,
)
from tabara.prevalence.caution_texts import caution_entry
from tabara.prevalence.models import Estimation
from tabara.prevalence.mse import MSEError, parse_rows, run_estimation
from tabara.prevalence.mse.reading import LIMITS, xlsx_text_rows
from tabara.prevalence.wording import describe_terms


class EstimationInputError(Exception):
    """The uploaded table cannot be used; the message names the row and column."""


def rows_from_upload(name: str, content: bytes) -> list[list[str]]:
    """The rows of an uploaded CSV or XLSX file as text cells, validated as a capture table.

    The file is read within LIMITS (size, unzipped size, rows, columns); a refusal carries
    a message in the reader's language.
    """
    try:
        upload_size_check(len(content), LIMITS)
        if name.lower().endswith((".xlsx", ".xlsm")):
            table = parse_rows(xlsx_text_rows(content))
            counts = [str(int(c)) for c in table.counts]
            patterns = [[str(int(v)) for v in row] for row in table.patterns]
            return [
                [*table.lists, "count"],
                *[[*p, c] for p, c in zip(patterns, counts, strict=True)],
            ]
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise EstimationInputError(_("the file is not UTF-8 text (CSV) nor XLSX")) from error
        rows = list(csv_rows(text, LIMITS))
        parse_rows(rows)
    except SpreadsheetRejected as error:
        raise EstimationInputError(error.translated()) from error
    except RowLimitReached as error:
        raise EstimationInputError(
            _("the table has more than %(limit)s rows") % {"limit": error.limit}
        ) from error
    except MSEError as error:
        raise EstimationInputError(str(error)) from error
    return rows


def data_hash(rows: list[list[str]]) -> str:
    return hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()


@transaction.atomic
def estimation_create(
    *,
    user: User,
    title: str,
    file_name: str,
    rows: list[list[str]],
    method: str,
    threshold: float,
    bootstrap: int,
    seed: int,
    extra: dict[str, Any] | None = None,
) -> Estimation:
    """Record an estimation request and queue its run after the commit.

    `extra` goes into the audit row (where the table came from, e.g. a link run).
    """
    from tabara.prevalence.tasks import estimation_run_task

    assert user.organization_id is not None  # noqa: S101 - PREVALENCE_RUN needs an organization
    estimation = Estimation.objects.create(
        organization_id=user.organization_id,
        created_by=user,
        title=title,
        file_name=file_name,
        rows=rows,
        data_sha256=data_hash(rows),
        lists=list(parse_rows(rows).lists),
        method=method,
        threshold=threshold,
        bootstrap=bootstrap,
        seed=seed,
        library_version=f"tabara {tabara_version}",
        progress_total=bootstrap,
    )
    audit_record(
        actor=user,
        action=AuditAction.ESTIMATION_REQUESTED,
        target_type="estimation",
        target_id=estimation.pk,
        extra={
            "method": method,
            "bootstrap": bootstrap,
            "data": estimation.data_sha256,
            **(extra or {}),
        },
    )
    transaction.on_commit(lambda: estimation_run_task.enqueue(estimation_id=estimation.pk))
    return estimation


def estimation_run(*, estimation_id: int) -> Estimation:
    """Run the estimation, reporting bootstrap progress; a failure is recorded, not raised."""
    Estimation.objects.filter(pk=estimation_id).update(
        status=Estimation.Status.RUNNING, started_at=timezone.now()
    )
    estimation = Estimation.objects.get(pk=estimation_id)
    last = [0]

    def progress(done: int, total: int) -> None:
        if done - last[0] >= max(1, total // 50) or done == total:
            last[0] = done
            Estimation.objects.filter(pk=estimation_id).update(
                progress_done=done, progress_total=total
            )

    try:
        table = parse_rows(estimation.rows)
        report = run_estimation(
            table,
            method=estimation.method,  # type: ignore[arg-type]
            threshold=estimation.threshold,
            bootstrap=estimation.bootstrap,
            seed=estimation.seed,
            progress=progress,
        )
    except MSEError as error:
        return _finish(estimation, status=Estimation.Status.FAILED, error=str(error))
    result: dict[str, Any] = report.to_json()
    result["overlaps"] = overlap_rows(table.lists, table.cell_counts.tolist())
    result["plain_terms"] = describe_terms(report)
    result["cautions"] = [caution_entry(note) for note in report.cautions]
    if report.bootstrap is not None:
        result["histogram"] = report.bootstrap.histogram
    return _finish(estimation, status=Estimation.Status.DONE, result=result)


def overlap_rows(lists: tuple[str, ...], cells: list[int]) -> list[dict[str, Any]]:
    """Each observed capture pattern with its count, for the report's overlap table."""
    rows = []
    for code in range(1, len(cells)):
        on = [name for i, name in enumerate(lists) if code >> i & 1]
        rows.append(
            {
                "lists": on,
                "marks": [bool(code >> i & 1) for i in range(len(lists))],
                "count": int(cells[code]),
            }
        )
    return rows


def _finish(
    estimation: Estimation,
    *,
    status: str,
    result: dict[str, Any] | None = None,
    error: str = "",
) -> Estimation:
    estimation.status = status
    estimation.result = result or {}
    estimation.error = error
    estimation.finished_at = timezone.now()
    estimation.save(update_fields=["status", "result", "error", "finished_at"])
    return estimation
