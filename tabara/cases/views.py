"""Staff pages of cases: the list with filters, opening a case, the case page, statistics."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.attachments.selectors import attachments_of_case
from tabara.cases import services
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.casework_context import casework_context
from tabara.cases.choices import (
    CaseStatus,
    ExploitationType,
    PersonRole,
    status_from_screening,
)
from tabara.cases.forms import CaseFilterForm, CaseForm, PersonForm, StatusForm
from tabara.cases.links import links
from tabara.cases.models import Case
from tabara.cases.open_form import copied_rows, from_report, preview_token
from tabara.cases.routing_preview import case_recipients_preview
from tabara.cases.selectors import CaseFilters, case_list
from tabara.core.views import posted
from tabara.geo.selectors import district_choices
from tabara.intake.selectors import access_report_by_id
from tabara.screening.selectors import access_interview_by_id


@require_safe
@staff_required(Perm.CASE_VIEW)
def case_index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = CaseFilterForm(request.GET or None)
    filters = CaseFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = CaseFilters(
            status=data["status"],
            exploitation_type=data["type"],
            district_code=data["district"],
            overdue=data["overdue"],
        )
    cases = case_list(user, filters)
    label_rows(cases)
    return render(
        request,
        "cases/case_list.html",
        {
            "filters": filters,
            "statuses": CaseStatus.choices,
            "types": ExploitationType.choices,
            "districts": district_choices(),
            "cases": cases,
            # Links are built from a prefix: reverse() per row costs more than the query.
            "case_url": reverse("cases:detail", args=[0]).removesuffix("0/"),
        },
    )


def label_rows(cases: list[Case]) -> None:
    """Attach translated labels once per value: get_FOO_display() per row is slow."""
    statuses = {value: str(label) for value, label in CaseStatus.choices}
    types = {value: str(label) for value, label in ExploitationType.choices}
    for case in cases:
        case.status_label = statuses.get(case.status, case.status)  # type: ignore[attr-defined]
        case.type_label = types.get(case.exploitation_type, "")  # type: ignore[attr-defined]


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def case_new(request: HttpRequest) -> HttpResponse:
    """Open a case: answers (copied from the report, if any), then who will receive it, then
    the officer confirms. A confirmation whose answers or routing changed since the preview
    shows the new preview instead of opening the case."""
    user = staff_user(request)
    report_id = request.GET.get("report", "")
    report = (
        access_report_by_id(user, int(report_id))
        if report_id.isdigit() and user.can(Perm.REPORT_VIEW)
        else None
    )
    reported, screened = (
        from_report(report),
        _from_screening(user, request.GET.get("screening", "")),
    )
    initial = {**reported, **screened}
    if reported.get("child_involved") or screened.get("child_involved"):
        initial["child_involved"] = True  # a child reported or found stays a child
    form = CaseForm(posted(request), initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.to_input()
        if report is not None:
            data = services.case_input_from_report(user=user, report_id=report.pk, data=data)
        recipients = case_recipients_preview(owner_org_id=user.organization_id, data=data)
        token = preview_token(form.cleaned_data, recipients)
        if request.POST.get("step") == "open" and request.POST.get("previewed") == token:
            if report is not None:
                case = services.case_open_from_report(
                    user=user, report_id=report.pk, data=form.to_input()
                )
            else:
                case = services.case_open(user=user, data=data)
            return HttpResponseRedirect(reverse("cases:detail", args=[case.pk]))
        preview = {
            "recipients": recipients,
            "consent": data.consent_to_share,
            "token": token,
            "changed": request.POST.get("step") == "open",
        }
    return render(
        request,
        "cases/case_new.html",
        {"form": form, "report": report, "copied": copied_rows(report), "preview": preview},
        status=400 if form.errors else 200,
    )


def _from_screening(user: User, screening_id: str) -> dict[str, object]:
    """Initial answers taken from a completed screening the user may see."""
    if not screening_id.isdigit() or not user.can(Perm.SCREENING_RUN):
        return {}
    interview = access_interview_by_id(user, int(screening_id))
    if interview.status != interview.Status.COMPLETED:
        return {}
    child = interview.result.get("elements", {}).get("child") == "yes"
    return {"screening_outcome": status_from_screening(interview.outcome), "child_involved": child}


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_VIEW)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    person = PersonForm()
    status: StatusForm | None = None
    if request.method == "POST":
        access_case_by_id(user, case_id, purpose=Purpose.UPDATE)  # only the owner changes it
        action = request.POST.get("action")
        if action == "person":
            person = PersonForm(request.POST)
            if person.is_valid():
                data = person.cleaned_data
                services.case_person_add(
                    user=user,
                    case_id=case_id,
                    role=PersonRole(data["role"]),
                    full_name=data["full_name"],
                    phone=data["phone"],
                    identity_number=data["identity_number"],
                    gender=data["gender"],
                    age=data["age"],
                    needs=data["needs"],
                )
                return HttpResponseRedirect(reverse("cases:detail", args=[case_id]))
        elif action == "status":
            status = StatusForm(request.POST)
            if status.is_valid():
                services.case_status_change(
                    user=user, case_id=case_id, status=CaseStatus(status.cleaned_data["status"])
                )
                return HttpResponseRedirect(reverse("cases:detail", args=[case_id]))
        else:
            if action == "consent":
                consent = request.POST.get("consent") == "yes"
                services.case_consent_record(user=user, case_id=case_id, consent=consent)
            return HttpResponseRedirect(reverse("cases:detail", args=[case_id]))
    # A GET, or a form with mistakes: the page again, the typed values and errors in place.
    access = services.case_view(user=user, case_id=case_id)
    return render(
        request,
        "cases/case_detail.html",
        {
            "access": access,
            "case": access.case,
            "people": list(access.people()),
            "attachments": attachments_of_case(access),
            "timeline": list(access.timeline()),
            "referrals": links.sharing.of_case(user, case_id, owner=access.owner)
            if links.sharing
            else [],
            "can_update": access.owner and user.can(Perm.CASE_OPEN),
            "can_refer": access.owner and user.can(Perm.CASE_REFER),
            "can_assign": access.owner and user.can(Perm.CASE_SUPERVISE),
            "can_answer_requests": access.owner and user.can(Perm.CASE_SUPERVISE),
            "person_form": person,
            "status_form": status or StatusForm(initial={"status": access.case.status}),
            **casework_context(access),
        },
        status=400 if request.method == "POST" else 200,
    )
