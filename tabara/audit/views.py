"""The audit viewer (audit.view): filter, page through, export as CSV, verify the chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tabara.accounts.access import staff_required, verified_staff
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.forms import AuditFilterForm
from tabara.audit.models import AuditAction, AuditEvent
from tabara.audit.selectors import audit_events_filter, audit_events_visible
from tabara.audit.services import audit_chain_verify, audit_record
from tabara.core.spreadsheets import SafeCsvWriter

PAGE_SIZE = 100
CSV_HEADER = ["id", "occurred_at_utc", "actor", "organization", "action", "target_type",
              "target_id", "extra"]  # fmt: skip


def _reader(request: HttpRequest) -> User:
    user = verified_staff(request)
    if user is None:  # staff_required lets no such request through
        raise Http404
    return user


def _filtered(request: HttpRequest, user: User) -> tuple[AuditFilterForm, QuerySet[AuditEvent]]:
    form = AuditFilterForm(request.GET or None, national=user.can(Perm.ACCOUNTS_MANAGE_ALL))
    events = audit_events_visible(user)
    if form.is_bound:
        if not form.is_valid():
            return form, events.none()
        return form, audit_events_filter(events, form.filters())
    return form, events.order_by("-id")


@require_GET
@staff_required(Perm.AUDIT_VIEW)
def audit_log(request: HttpRequest) -> HttpResponse:
    user = _reader(request)
    form, events = _filtered(request, user)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    labels = dict(AuditAction.choices)
    rows = [{"event": event, "label": labels.get(event.action, event.action)} for event in page]
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


def _csv_lines(events: QuerySet[AuditEvent]) -> Iterator[str]:
    class Line:
        def write(self, value: str) -> str:
            return value

    writer = SafeCsvWriter(Line())
    yield writer.writerow(CSV_HEADER)
    for event in events.iterator(chunk_size=2000):
        organization = event.organization
        yield writer.writerow(
            (
                event.pk,
                event.occurred_at.astimezone(UTC).isoformat(),
                event.actor_label,
                organization.short_name if organization is not None else "",
                event.action,
                event.target_type,
                event.target_id,
                json.dumps(event.extra, sort_keys=True, ensure_ascii=False),
            )
        )


@require_GET
@staff_required(Perm.AUDIT_VIEW)
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered events as CSV; the export itself is audited first."""
    user = _reader(request)
    _form, events = _filtered(request, user)
    audit_record(
        actor=user,
        action=AuditAction.AUDIT_EXPORTED,
        extra={"filters": {k: v for k, v in request.GET.items() if v and k != "page"}},
    )
    response = StreamingHttpResponse(_csv_lines(events), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tabara-audit.csv"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@staff_required(Perm.AUDIT_VIEW)
def audit_verify(request: HttpRequest) -> HttpResponse:
    """Recompute the whole chain now and say whether it is intact, or where it breaks."""
    return render(request, "audit/verify.html", {"verdict": audit_chain_verify()})
