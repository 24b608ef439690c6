"""Public lookup in the register: no login, no JavaScript, nothing stored."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tabara.core.public import public_route
from tabara.recruitment import selectors
from tabara.recruitment.forms import LookupForm
from tabara.recruitment.public import HOTLINES, described, not_found_text


@require_GET
@public_route(group="agency-lookup")
def lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET if "q" in request.GET else None)
    context: dict[str, object] = {"form": form, "hotlines": HOTLINES}
    if form.is_bound and form.is_valid():
        today = timezone.localdate()
        found = selectors.agency_find(form.cleaned_data["q"])
        context["results"] = [described(agency, today) for agency in found.agencies]
        context["searched"] = True
        context["not_found"] = not_found_text()
    return render(request, "recruitment/lookup.html", context, status=400 if form.errors else 200)
