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
from tabara.networks.selectors import Network, NetworkFilters, network_for

DRAWN = 30  # components drawn; the table lists them all
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _read(
    request: HttpRequest, action: AuditAction
) -> tuple[NetworkFilterForm, Network, NetworkFilters]:
    user: User = staff_user(request)
    asked = request.GET.copy()
    asked.pop("format", None)  # the export's own choice, not a filter
    form = NetworkFilterForm(asked or None)
    filters = form.filters()
    network = network_for(user, filters)
    audit_record(
        actor=user,
        action=action,
        target_type="network",
        extra={
            "since": filters.since.isoformat() if filters.since else "",
            "until": filters.until.isoformat() if filters.until else "",
            "district": filters.district.code if filters.district else "",
            "components": len(network.components),
            "hubs": len(network.hubs),
        },
    )
    return form, network, filters


@require_safe
@staff_required(Perm.NETWORK_VIEW)
@transaction.atomic
def network_page(request: HttpRequest) -> HttpResponse:
    form, network, _filters = _read(request, AuditAction.NETWORK_VIEWED)
    drawn = network.components[:DRAWN]
    captions = [
        _("Network %(number)s: %(records)s records")
        % {"number": c.number, "records": len(c.records)}
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
            "cap": hub_cap(),
            "query": request.GET.urlencode(),
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
    _form, network, _filters = _read(request, AuditAction.NETWORK_EXPORTED)
    if fmt == "csv":
        response = HttpResponse(network_csv(network), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(network_xlsx(network), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="network.{fmt}"'
    return response
