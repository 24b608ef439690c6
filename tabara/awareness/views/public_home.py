"""The public home page: emergency numbers, report, learn, and awareness news and activities."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tabara.awareness.selectors.home import home_highlights
from tabara.core.public import public_route


@public_route(group="home")
def home(request: HttpRequest) -> HttpResponse:
    """The public home page: emergency numbers, report, learn, news and activities."""
    language = get_language() or settings.LANGUAGE_CODE
    return render(request, "public/home.html", home_highlights(language))
