"""The guard on gateway callbacks (USSD, SMS, delivery reports) from Africa's Talking.

The gateway signs nothing, so a callback is accepted only with the secret path segment
(compared in constant time) and, when TABARA_GATEWAY_ALLOWED_IPS is set, from a listed
address. The guard then removes the address and any device headers, as `public_route`
does, and keeps the secret-bearing path out of Django's request log.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from tabara.core.public import scrub_request
from tabara.core.ratelimit import client_address

View = Callable[..., HttpResponse]


def gateway_allowed(request: HttpRequest, secret: str) -> bool:
    expected = str(settings.TABARA_GATEWAY_SECRET).encode()
    good_secret = bool(expected) and hmac.compare_digest(secret.encode(), expected)
    allowed: list[str] = settings.TABARA_GATEWAY_ALLOWED_IPS
    return good_secret and (not allowed or client_address(request) in allowed)


def gateway_callback(view: View) -> View:
    """Accept only authenticated POSTs; hide the caller; never set a cookie or get cached."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, secret: str, *args: Any, **kwargs: Any) -> HttpResponse:
        allowed = gateway_allowed(request, secret)
        scrub_request(request)
        if not allowed:
            response = HttpResponse("Not found", status=404, content_type="text/plain")
        elif request.method != "POST":
            response = HttpResponse("POST only", status=405, content_type="text/plain")
        else:
            response = view(request, *args, **kwargs)
        if response.status_code >= 400:
            # Django would log the path, and the path holds the secret.
            response._has_been_logged = True  # type: ignore[attr-defined]
        response.cookies.clear()
        response["Cache-Control"] = "no-store"
        return response

    return wrapped
