"""Subject access (printable page and JSON) and erasure of a person in a case."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.privacy.forms import EraseForm
from tabara.privacy.selectors import access_person_by_id
from tabara.privacy.services.subject import ErasureGround, person_data_export, person_erase


@require_http_methods(["GET"])
@staff_required(Perm.CASE_SUPERVISE)
def person_data_page(request: HttpRequest, person_id: int) -> HttpResponse:
    data = person_data_export(user=staff_user(request), person_id=person_id, output="page")
    response = render(request, "privacy/person_data.html", {"data": data, "person_id": person_id})
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET"])
@staff_required(Perm.CASE_SUPERVISE)
def person_data_json(request: HttpRequest, person_id: int) -> HttpResponse:
    data = person_data_export(user=staff_user(request), person_id=person_id, output="json")
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person_id}.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_SUPERVISE)
def person_erase_page(request: HttpRequest, person_id: int) -> HttpResponse:
    user = staff_user(request)
    held = access_person_by_id(user, person_id)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person_erase(
            user=user, person_id=person_id, ground=ErasureGround(form.cleaned_data["ground"])
        )
        return HttpResponseRedirect(reverse("cases:detail", args=[held.access.case.pk]))
    return render(
        request,
        "privacy/person_erase.html",
        {"form": form, "person": held.person, "case": held.access.case},
        status=400 if request.method == "POST" else 200,
    )
