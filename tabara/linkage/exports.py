"""A link run's clusters as CSV or XLSX for analysts, through tabara.core.spreadsheets.

One row per record of every cluster of two or more records at the run's threshold: the
cluster's number, the record as the analyst may see it (people.records_view decides, and
audits every case person it shows), its source, and the match probability of its strongest
link inside the cluster. Names only for a reader who may read people's records
(`case.view`), and only of the records shown to them; an analyst alone gets none.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.spreadsheets import SafeCsvWriter, xlsx_append
from tabara.linkage.models import LinkRun
from tabara.linkage.people import records_view


def cluster_rows(user: User, run: LinkRun) -> list[list[object]]:
    """Header, then the records of each cluster of two or more, cluster by cluster."""
    names = user.can(Perm.CASE_VIEW)
    members: dict[int, list[int]] = {}
    records = {r.pk: r for r in run.records.order_by("position")}
    for record in records.values():
        members.setdefault(record.cluster, []).append(record.pk)
    clusters = [group for group in members.values() if len(group) > 1]
    inside = {pk for group in clusters for pk in group}
    strongest: dict[int, float] = {}
    for left, right, probability in run.pairs.filter(
        match_probability__gte=run.threshold
    ).values_list("left_id", "right_id", "match_probability"):
        if left in inside and records[left].cluster == records[right].cluster:
            for pk in (left, right):
                strongest[pk] = max(strongest.get(pk, 0.0), probability)
    views = records_view(user, run, [records[pk] for pk in inside])
    header: list[object] = [
        _("Cluster"),
        _("Record (as you may see it)"),
        _("Source"),
        _("Match probability"),
    ]
    rows: list[list[object]] = [[*header, _("Name")] if names else header]
    for number, group in enumerate(clusters, start=1):
        for pk in group:
            view = views[pk]
            row: list[object] = [number, view.label, view.source, round(strongest.get(pk, 0), 4)]
            if names:
                row.append("" if view.hidden else view.values.get("name", ""))
            rows.append(row)
    return rows


def clusters_csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    SafeCsvWriter(out).writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def clusters_xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet  # noqa: S101
    sheet.title = "clusters"
    for row in rows:
        xlsx_append(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
