"""The staff search page: one box for a name, a phone, an ID number or a reference."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.search.query import QueryKind
from tabara.search.services import search_run


@require_safe
@staff_required(Perm.CASE_VIEW)
def search(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    text = request.GET.get("q", "")[:200]
    results = search_run(user=user, text=text) if text.strip() else None
    return render(
        request,
        "search/search.html",
        {
            "text": text,
            "results": results,
            "nothing_to_search": results is not None and results.query.kind == QueryKind.EMPTY,
            "case_url": reverse("cases:detail", args=[0]).removesuffix("0/"),
        },
    )
