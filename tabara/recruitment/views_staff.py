"""Staff pages of the register: the list, one agency with its dated history, the import."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.domain_errors import NotFound
from tabara.core.views import posted
from tabara.recruitment import analysis as agency_analysis
from tabara.recruitment import importing, selectors, services
from tabara.recruitment.forms import AgencyForm, ImportForm
from tabara.recruitment.models import Agency
from tabara.recruitment.public import described


@require_GET
@staff_required(Perm.AGENCIES_MANAGE)
def agencies(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = [described(agency, today) for agency in selectors.agency_list()]
    return render(request, "recruitment/staff_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AGENCIES_MANAGE)
def agency_new(request: HttpRequest) -> HttpResponse:
    form = AgencyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        agency, _changed = services.agency_save(user=staff_user(request), data=form.to_input())
        return HttpResponseRedirect(reverse("recruitment:agency", args=[agency.pk]))
    context = {"form": form, "agency": None}
    return render(
        request, "recruitment/staff_form.html", context, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AGENCIES_MANAGE)
def agency_edit(request: HttpRequest, agency_id: int) -> HttpResponse:
    try:
        agency = selectors.agency_get(agency_id)
    except Agency.DoesNotExist:
        raise NotFound from None
    form = AgencyForm(posted(request), agency_id=agency.pk, initial=AgencyForm.initial_of(agency))
    if request.method == "POST" and form.is_valid():
        services.agency_save(user=staff_user(request), data=form.to_input(), agency_id=agency.pk)
        return HttpResponseRedirect(reverse("recruitment:agency", args=[agency.pk]))
    context = {
        "form": form,
        "agency": agency,
        "history": selectors.agency_history(agency.pk)[:50],
    }
    return render(
        request, "recruitment/staff_form.html", context, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AGENCIES_MANAGE)
def agency_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "fields": importing.FIELDS}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = importing.parse_agencies(
                upload.name or "", upload.read(importing.MAX_BYTES + 1), form.mapping()
            )
        except importing.UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            outcome = services.agencies_import(
                user=staff_user(request), rows=parsed.rows, filename=upload.name or ""
            )
            context.update(outcome=outcome, rejected=parsed.rejected)
            return render(request, "recruitment/staff_import.html", context)
    return render(
        request, "recruitment/staff_import.html", context, status=400 if form.errors else 200
    )


@require_GET
@staff_required(Perm.NETWORK_VIEW)
def analysis(request: HttpRequest) -> HttpResponse:
    """Agencies named in reports against the register; links only to reports one may open."""
    user = staff_user(request)
    found = agency_analysis.agencies_in_reports(user, timezone.localdate())
    audit_record(actor=user, action=AuditAction.AGENCIES_ANALYSED, target_type="agency_analysis")
    return render(request, "recruitment/analysis.html", {"a": found})
