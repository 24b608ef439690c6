"""The public-route guard: what makes a page safe for an anonymous reporter to use.

A view wrapped in `public_route` never sees the client's address, user agent or referrer
(they are removed from the request before the view runs, after the in-memory rate limit
has used the address), and its response never sets a cookie or lets a cache or the
browser keep it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_COOKIE",
)

View = Callable[..., HttpResponse]


def public_rate(group: str, request: HttpRequest) -> str:
    limits: dict[str, str] = settings.PUBLIC_RATE_LIMITS
    return limits.get(group, limits["default"])


def scrub_request(request: HttpRequest) -> None:
    for key in IDENTIFYING_META:
        request.META.pop(key, None)
    request.COOKIES = {}


def cross_site(request: HttpRequest) -> bool:
    """True when the browser says a POST came from another site (no cookie-based CSRF here)."""
    if request.headers.get("Sec-Fetch-Site", "") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        host = request.get_host()
        return origin.split("://", 1)[-1] != host
    return False


def public_route(*, group: str) -> Callable[[View], View]:
    """Rate-limit POSTs per client in memory, then hide the client from the view.

    The limit for each group is in settings.PUBLIC_RATE_LIMITS (read per request).
    """

    def decorator(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            limited = request.method == "POST" and is_ratelimited(
                request, group=group, key="ip", rate=public_rate, method="POST", increment=True
            )
            forged = request.method == "POST" and cross_site(request)
            scrub_request(request)
            if limited or forged:
                message = (
                    _("Too many attempts. Please wait a minute and try again.")
                    if limited
                    else _("This form must be sent from the Tabara site itself.")
                )
                response: HttpResponse = TemplateResponse(
                    request,
                    "public/refused.html",
                    {"message": message},
                    status=429 if limited else 403,
                )
            else:
                response = view(request, *args, **kwargs)
            response.cookies.clear()
            response["Cache-Control"] = "no-store"
            response["Referrer-Policy"] = "no-referrer"
            response["Vary"] = "Accept-Language"
            return response

        wrapped.tabara_public = True  # type: ignore[attr-defined]
        return wrapped

    return decorator
