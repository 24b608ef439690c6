"""Staff pages of the work on a case: my cases, assignment, notes, services, assessments,
closure and follow-ups. Each page checks access through the services it calls; a form with
errors comes back with what was typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.cases import assessing, assignment, closure, notes, plan
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.assessment_rules import AnswersInvalid
from tabara.cases.choices import AssessmentKind, ClosureReason, FollowUpOutcome, ServiceStatus
from tabara.cases.forms_work import (
    AssignForm,
    CloseForm,
    FollowUpForm,
    NeedsForm,
    NoteForm,
    SafetyForm,
    ServicePlanForm,
    ServiceUpdateForm,
)
from tabara.core.views import posted


def _back(case_id: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("cases:detail", args=[case_id]))


def _page(request: HttpRequest, template: str, context: Mapping[str, object]) -> HttpResponse:
    form = context.get("form")
    invalid = bool(context.get("error")) or bool(getattr(form, "errors", None))
    return render(request, template, context, status=400 if invalid else 200)


@require_safe
@staff_required(Perm.CASE_VIEW)
def mine(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    return render(
        request,
        "cases/mine.html",
        {
            "cases": assignment.cases_mine(user),
            "unassigned": assignment.cases_unassigned(user),
            "case_url": reverse("cases:detail", args=[0]).removesuffix("0/"),
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_SUPERVISE)
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.ASSIGN).case
    form = AssignForm(
        posted(request),
        initial={"worker": case.assigned_to_id or "", "supervisor": case.supervisor_id or ""},
        workers=assignment.assignable_staff(case.owner_org_id, assignment.WORKER_PERM),
        supervisors=assignment.assignable_staff(case.owner_org_id, assignment.SUPERVISOR_PERM),
    )
    if request.method == "POST" and form.is_valid():
        assignment.case_assign(
            user=user,
            case_id=case_id,
            worker=form.chosen("worker"),
            supervisor=form.chosen("supervisor"),
        )
        return _back(case_id)
    return _page(request, "cases/work/assign.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_VIEW)
def note_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    corrects_id = request.GET.get("corrects", "")
    corrected = notes.case_note_to_correct(
        user=user, case_id=case_id, note_id=int(corrects_id) if corrects_id.isdigit() else None
    )
    form = NoteForm(posted(request))
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            notes.case_note_write(
                user=user,
                case_id=case_id,
                text=form.cleaned_data["text"],
                corrects_id=corrected.note.pk if corrected.note else None,
            )
        except notes.NoteInvalid:
            error = _("Write the note before saving it.")
        else:
            return _back(case_id)
    context = {"case": corrected.case, "form": form, "corrected": corrected.note, "error": error}
    return _page(request, "cases/work/note.html", context)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def service_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    form = ServicePlanForm(posted(request), initial={"provider_org": case.owner_org_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan.case_service_plan(
            user=user,
            case_id=case_id,
            service_type=data["service_type"],
            provider_org=data["provider_org"],
            planned_on=data["planned_on"],
        )
        return _back(case_id)
    return _page(request, "cases/work/service_new.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_VIEW)
def service_detail(request: HttpRequest, service_id: int) -> HttpResponse:
    user = staff_user(request)
    service, access = plan.case_service_view(user=user, service_id=service_id)
    form = ServiceUpdateForm(posted(request), initial={"status": service.status})
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan.case_service_update(
                user=user,
                service_id=service_id,
                status=ServiceStatus(data["status"]),
                note=data["note"],
                started_on=data["started_on"],
                ended_on=data["ended_on"],
            )
        except plan.ServiceInvalid:
            error = _("To finish a service, write its outcome; it cannot end before it started.")
        else:
            return HttpResponseRedirect(reverse("cases:service", args=[service_id]))
    context = {
        "case": access.case,
        "access": access,
        "service": service,
        "updates": list(service.updates.select_related("by", "by_org").order_by("at", "id")),
        "form": form,
        "error": error,
    }
    return _page(request, "cases/work/service.html", context)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def assess(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    which = AssessmentKind(kind)
    form = (SafetyForm if which == AssessmentKind.SAFETY else NeedsForm)(posted(request))
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            assessing.case_assess(
                user=user,
                case_id=case_id,
                kind=which,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
            )
        except AnswersInvalid:  # pragma: no cover - the form allows only valid answers
            error = _("Answer every question.")
        else:
            return _back(case_id)
    context = {"case": case, "form": form, "kind": which, "error": error}
    return _page(request, "cases/work/assess.html", context)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def close(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    form = CloseForm(posted(request))
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            closure.case_close(
                user=user,
                case_id=case_id,
                reason=ClosureReason(form.cleaned_data["reason"]),
                details=form.cleaned_data["details"],
            )
        except closure.ClosureInvalid:
            error = _("Only an active case can be closed.")
        else:
            return _back(case_id)
    return _page(request, "cases/work/close.html", {"case": case, "form": form, "error": error})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def follow_up(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    user = staff_user(request)
    item = closure.case_follow_up_for(user=user, follow_up_id=follow_up_id)
    case = item.case
    form = FollowUpForm(posted(request))
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            closure.case_follow_up_record(
                user=user,
                follow_up_id=follow_up_id,
                outcome=FollowUpOutcome(form.cleaned_data["outcome"]),
                note=form.cleaned_data["note"],
            )
        except closure.ClosureInvalid:
            error = _("This follow-up was already recorded.")
        else:
            return _back(case.pk)
    context = {"case": case, "follow_up": item, "form": form, "error": error}
    return _page(request, "cases/work/follow_up.html", context)
