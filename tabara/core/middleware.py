"""Middleware that applies to every response."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from tabara.core.crypto import DecryptionError
from tabara.core.errors import error_page, integrity_failure

logger = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def is_public(request: HttpRequest) -> bool:
    """A request answered by a `public_route` view, or by no view at all (an error page)."""
    match = getattr(request, "resolver_match", None)
    return match is None or getattr(match.func, "tabara_public", False)


class PublicCookieStripMiddleware:
    """The outermost middleware: no public response sets a cookie, whoever tried to set one.

    Django's CSRF middleware, for one, replaces a malformed `csrftoken` cookie on the way
    out, after the public view has cleared its own cookies.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_public(request):
            response.cookies.clear()
        return response


class ErrorPageMiddleware:
    """A bare 405 (from require_http_methods) becomes the branded page, keeping `Allow`.

    A stored value that fails authentication (changed, or copied from another row or
    field) becomes the branded integrity page: the error is logged, no data is shown.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed):
            page = error_page(request, 405)
            page["Allow"] = response["Allow"]
            return page
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DecryptionError):
            logger.error("integrity check failed on %s: %s", request.path, exception)
            return integrity_failure(request)
        return None


class SecurityHeadersMiddleware:
    """Content-Security-Policy and friends: no third-party requests can ever load."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        return response


class PublicSessionGuardMiddleware:
    """Public views must not load a session: drop the session cookie before they run.

    Views marked by `public_route` are identified in process_view, so the staff pages keep
    their sessions while a shared family phone keeps no trace of a report.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> None:
        if getattr(view_func, "tabara_public", False):
            request.COOKIES = {}
            request.META.pop("HTTP_COOKIE", None)
