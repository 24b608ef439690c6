"""The analysts' network page and its exports; every read is audited."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.networks.alerts import hub_cap
from tabara.networks.exports import network_csv, network_xlsx
from tabara.networks.forms import NetworkFilterForm
from tabara.networks.graph import network_svg
from tabara.networks.selectors import (
    DRAWN_IDENTIFIERS,
    DRAWN_RECORDS,
    PAGE_ROWS,
    Network,
    network_for,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(request: HttpRequest) -> int:
    """The table's page asked for; 1 for anything that is not a whole number."""
    asked = request.GET.get("page", "")
    return int(asked) if asked.isdigit() and len(asked) < 7 else 1


def _read(
    request: HttpRequest, action: AuditAction, *, per_page: int
) -> tuple[NetworkFilterForm, Network, str]:
    user: User = staff_user(request)
    asked = request.GET.copy()
    asked.pop("format", None)  # the export's own choice, not a filter
    asked.pop("page", None)  # the table's page, not a filter
    form = NetworkFilterForm(asked or None)
    filters = form.filters()
    network = network_for(user, filters, page=_page(request), per_page=per_page)
    audit_record(
        actor=user,
        action=action,
        target_type="network",
        extra={
            "since": filters.since.isoformat() if filters.since else "",
            "until": filters.until.isoformat() if filters.until else "",
            "district": filters.district.code if filters.district else "",
            "components": network.component_count,
            "page": network.page,
            "hubs": len(network.hubs),
        },
    )
    return form, network, asked.urlencode()


@require_safe
@staff_required(Perm.NETWORK_VIEW)
@transaction.atomic
def network_page(request: HttpRequest) -> HttpResponse:
    form, network, query = _read(request, AuditAction.NETWORK_VIEWED, per_page=PAGE_ROWS)
    drawn = network.drawn
    captions = [
        (
            _("Network %(number)s: %(records)s records, %(drawn)s drawn")
            if c.partial
            else _("Network %(number)s: %(records)s records")
        )
        % {"number": c.number, "records": c.record_total, "drawn": len(c.records)}
        for c in drawn
    ]
    svg = network_svg(drawn, title=_("Identifiers and the records they connect"), captions=captions)
    return render(
        request,
        "networks/network.html",
        {
            "form": form,
            "network": network,
            # Built by graph.py with every text escaped.
            "svg": mark_safe(svg) if drawn else "",  # noqa: S308
            "drawn": len(drawn),
            "partial": any(c.partial for c in drawn),
            "drawn_identifiers": DRAWN_IDENTIFIERS,
            "drawn_records": DRAWN_RECORDS,
            "cap": hub_cap(),
            "query": query,
        },
        status=400 if form.errors else 200,
    )


@require_safe
@staff_required(Perm.NETWORK_VIEW)
@transaction.atomic
def network_export(request: HttpRequest) -> HttpResponse:
    fmt = request.GET.get("format", "csv")
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    _form, network, _query = _read(request, AuditAction.NETWORK_EXPORTED, per_page=0)
    if fmt == "csv":
        response = HttpResponse(network_csv(network), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(network_xlsx(network), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="network.{fmt}"'
    return response
