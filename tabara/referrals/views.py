"""Staff pages of referrals: my queue, a referral, referring a case, the overdue board."""

from __future__ import annotations

import yaml
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.selectors import cases_awaiting
from tabara.cases.views import label_rows
from tabara.referrals import services
from tabara.referrals.forms import ReferForm, RespondForm, RoutingForm
from tabara.referrals.models import ReferralKind, ReferralStatus, Urgency, ViewScope
from tabara.referrals.routing import RuleSetInvalid
from tabara.referrals.rulesets import routing_rules_parse, routing_ruleset_publish
from tabara.referrals.selectors import (
    referral_queue,
    referrals_overdue,
    routing_ruleset_current,
)
from tabara.referrals.viewing import referral_timeline, referral_view


@require_safe
@staff_required(Perm.CASE_VIEW)
def queue(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    referrals = referral_queue(user)
    urgencies = {value: str(label) for value, label in Urgency.choices}
    statuses = {value: str(label) for value, label in ReferralStatus.choices}
    for referral in referrals:  # labels once per value: get_FOO_display() per row is slow
        referral.urgency_label = urgencies[referral.urgency]  # type: ignore[attr-defined]
        referral.status_label = statuses[referral.status]  # type: ignore[attr-defined]
    cases = cases_awaiting(user)
    label_rows(cases)
    return render(
        request,
        "referrals/queue.html",
        {
            "referrals": referrals,
            "cases": cases,
            # Links are built from a prefix: reverse() per row costs more than the query.
            "referral_url": reverse("referrals:detail", args=[0]).removesuffix("0/"),
            "case_url": reverse("cases:detail", args=[0]).removesuffix("0/"),
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_VIEW)
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = staff_user(request)
    view = referral_view(user=user, referral_id=referral_id)
    can_respond = view.receiver and user.can(Perm.REFERRAL_RESPOND)
    form = RespondForm(request.POST or None)
    error = ""
    if request.method == "POST" and can_respond and form.is_valid():
        action, text = form.cleaned_data["action"], form.cleaned_data["text"]
        try:
            if action == "acknowledge":
                services.referral_acknowledge(user=user, referral_id=referral_id)
            elif action == "accept":
                services.referral_accept(user=user, referral_id=referral_id)
            elif action == "decline":
                services.referral_decline(user=user, referral_id=referral_id, reason=text)
            else:
                services.referral_close(user=user, referral_id=referral_id, outcome=text)
        except services.InvalidTransition:
            error = _("This step is not possible now (a reason or outcome may be missing).")
        else:
            return HttpResponseRedirect(reverse("referrals:detail", args=[referral_id]))
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "referral": view.referral,
            "view": view,
            "timeline": referral_timeline(view.referral),
            "can_respond": can_respond,
            "text": form["text"].value() or "",
            "error": error,
            "now": timezone.now(),
        },
        status=400 if error else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_REFER)
def referral_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.REFER).case
    form = ReferForm(request.POST or None, exclude_org_id=case.owner_org_id)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_send(
                user=user,
                case_id=case_id,
                to_org=data["to_org"],
                urgency=Urgency(data["urgency"]),
                scope=ViewScope(data["scope"]),
                kind=ReferralKind(data["kind"]),
                reason=data["reason"],
                override_consent=data["override_consent"],
            )
        except services.ConsentRequired:
            error = _("The victim has not agreed to sharing; only a supervisor may override.")
        except services.InvalidTransition:
            error = _("An open referral to this organization already exists.")
        else:
            return HttpResponseRedirect(reverse("cases:detail", args=[case_id]))
    return render(
        request,
        "referrals/referral_new.html",
        {"case": case, "form": form, "error": error},
        status=400 if error or form.errors else 200,
    )


@require_safe
@staff_required(Perm.CASE_SUPERVISE)
def overdue(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    return render(
        request,
        "referrals/overdue.html",
        {"referrals": list(referrals_overdue(user)[:200]), "now": timezone.now()},
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.ROUTING_MANAGE)
def routing(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    current = routing_ruleset_current()
    text = yaml.safe_dump(current.rules, allow_unicode=True, sort_keys=False) if current else ""
    form = RoutingForm(request.POST or None, initial={"rules": text})
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            rules = routing_rules_parse(form.cleaned_data["rules"])
        except RuleSetInvalid as exc:
            error = str(exc)
        else:
            routing_ruleset_publish(user=user, rules=rules)
            return HttpResponseRedirect(reverse("referrals:routing"))
    return render(
        request,
        "referrals/routing.html",
        {"form": form, "current": current, "error": error},
        status=400 if error or form.errors else 200,
    )
