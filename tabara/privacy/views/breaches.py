"""The breach register: an organization's administrators record and update breaches."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.privacy.deadlines import breach_standing
from tabara.privacy.forms import BreachForm
from tabara.privacy.models import Breach
from tabara.privacy.rules import RULES
from tabara.privacy.services.breaches import BreachNotFound, breach_record
from tabara.privacy.services.retention import rule_days


def _user(request: HttpRequest) -> tuple[User, int]:
    """The signed-in user and their organization; staff of no organization see nothing."""
    user = staff_user(request)
    if user.organization_id is None:
        raise Http404
    return user, user.organization_id


def _initial(breach: Breach) -> dict[str, Any]:
    return {name: getattr(breach, name) for name in BreachForm.base_fields}


@require_http_methods(["GET", "POST"])
@staff_required(Perm.BREACHES_MANAGE)
def breach_list(request: HttpRequest) -> HttpResponse:
    user, org_id = _user(request)
    form = BreachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        breach = breach_record(user=user, data=form.cleaned_data)
        return HttpResponseRedirect(reverse("privacy:breach", args=[breach.pk]))
    now = timezone.now()
    breaches = Breach.objects.filter(organization_id=org_id).order_by("-discovered_at", "-id")
    rows = [(breach, breach_standing(breach, now)) for breach in breaches]
    rules = [(rule, rule_days(rule)) for rule in RULES]
    return render(
        request,
        "privacy/breaches.html",
        {"rows": rows, "form": form, "rules": rules},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.BREACHES_MANAGE)
def breach_detail(request: HttpRequest, breach_id: int) -> HttpResponse:
    user, org_id = _user(request)
    breach = Breach.objects.filter(pk=breach_id, organization_id=org_id).first()
    if breach is None:
        raise Http404
    form = BreachForm(request.POST or None, initial=_initial(breach))
    if request.method == "POST" and form.is_valid():
        try:
            breach_record(user=user, data=form.cleaned_data, breach_id=breach_id)
        except BreachNotFound as exc:  # pragma: no cover - checked just above
            raise Http404 from exc
        return HttpResponseRedirect(reverse("privacy:breach", args=[breach_id]))
    return render(
        request,
        "privacy/breach_detail.html",
        {"breach": breach, "form": form, "standing": breach_standing(breach, timezone.now())},
        status=400 if request.method == "POST" else 200,
    )
