"""Public pages that teach: the signs of trafficking, common practices, activities."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tabara.awareness.selectors.activities import activities_public
from tabara.awareness.views.common import lang
from tabara.core.public import public_route
from tabara.screening.explain import teaching_texts

SIGNS_OUTCOMES = ("trafficking", "smuggling", "sex_work", "child_labour", "labour_exploitation")


@require_GET
@public_route(group="awareness-read")
def signs(request: HttpRequest) -> HttpResponse:
    """The signs of trafficking, and how it differs from what it is confused with."""
    texts = [t for t in teaching_texts(lang()) if t.outcome in SIGNS_OUTCOMES]
    return render(request, "awareness/public/signs.html", {"texts": texts})


@require_GET
@public_route(group="awareness-read")
def practices(request: HttpRequest) -> HttpResponse:
    return render(request, "awareness/public/practices.html")


@require_GET
@public_route(group="awareness-read")
def activities(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awareness/public/activities.html",
        {
            "upcoming": activities_public(upcoming=True)[:30],
            "past": activities_public(upcoming=False)[:30],
        },
    )
