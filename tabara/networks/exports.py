"""The network table as CSV or XLSX, through the formula-safe writers of tabara.core."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tabara.core.spreadsheets import SafeCsvWriter, xlsx_append
from tabara.core.times import kigali_time
from tabara.networks.selectors import Network


def network_table(network: Network) -> list[list[object]]:
    """Header and one row per identifier and record it connects; then the hubs."""
    rows: list[list[object]] = [
        [
            _("Network"),
            _("Identifier kind"),
            _("Identifier (masked)"),
            _("Records carrying it"),
            _("Report or case"),
            _("Holder"),
            _("District"),
            _("Date"),
            _("Register of agencies"),
        ]
    ]
    for row in network.rows:
        identifier, record = row.identifier, row.record
        rows.append(
            [
                row.number,
                identifier.kind_label,
                identifier.label,
                identifier.total,
                record.reference,
                record.holder,
                record.district,
                kigali_time(record.at),
                identifier.standing_label,
            ]
        )
    if network.truncated:
        rows.append(
            [
                _("The export stops at %(rows)s rows; narrow the period to see them all.")
                % {"rows": len(network.rows)}
            ]
        )
    rows.append([])
    rows.append(
        [
            _("Hubs (not alerted, not drawn)"),
            _("Identifier kind"),
            "",
            _("Records carrying it"),
            _("Register of agencies"),
        ]
    )
    for hub in network.hubs:
        rows.append(["", hub.kind_label, hub.label, hub.total, hub.standing_label])
    return rows


def network_csv(network: Network) -> bytes:
    out = io.StringIO()
    SafeCsvWriter(out).writerows(network_table(network))
    return out.getvalue().encode("utf-8-sig")


def network_xlsx(network: Network) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet  # noqa: S101
    sheet.title = "network"
    for row in network_table(network):
        xlsx_append(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
