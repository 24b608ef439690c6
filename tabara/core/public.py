"""The public-route guard: what makes a page safe for an anonymous reporter to use.

A view wrapped in `public_route` never sees the client's address, user agent or referrer
(they are removed from the request before the view runs, after the rate limiter has used
the address in memory), and its response never sets a cookie or lets a cache or the
browser keep it.

A POST can be refused: sent from another site, by a form older than FORM_TOKEN_MAX_AGE, or
over a rate limit (tabara/core/ratelimit.py). A refused POST still reaches the view, which
must show its form again with everything typed and the reason (`public_form_valid`); if
the view does not, whatever it wrote is rolled back and a bare refusal page is shown.

A form with typed text offers its languages as submit buttons inside it
(public/language_in_form.html): the POST carries what was typed and LANGUAGE_SWITCH_FIELD
to the same page in the other language. It is neither checked nor counted, since nothing
it sends is kept: the view runs in a transaction that is always rolled back, and
`public_form_valid` answers False with no errors, so the form comes back filled in.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from tabara.core.errors import error_page
from tabara.core.ratelimit import over_limit

if TYPE_CHECKING:
    from django import forms
    from django_stubs_ext import StrOrPromise

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
FORM_TOKEN_FIELD = "form_token"  # noqa: S105 - a field name
FORM_TOKEN_MAX_AGE = 12 * 60 * 60
LANGUAGE_SWITCH_FIELD = "language_switch"
_SIGNER_SALT = "tabara.public-form"

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Refusal:
    """Why a public POST was not accepted, as the person will read it, and its status."""

    message: StrOrPromise
    status: int


FORGED = Refusal(
    _("This form must be sent from the Tabara site itself. Check and send again."), 403
)
EXPIRED = Refusal(
    _("This page was open for too long. Check what you wrote, then send it again."), 400
)
LIMITED = Refusal(
    _("Too many messages were sent from here. Please wait a minute, then send again."), 429
)


def form_token_new() -> str:
    """A signed, timestamped random token for one rendering of a public form."""
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(secrets.token_urlsafe(12))


def _token_state(token: str) -> str:
    """'none', 'valid', 'expired' or 'bad' (bad signatures and non-ASCII junk alike)."""
    if not token:
        return "none"
    try:
        signing.TimestampSigner(salt=_SIGNER_SALT).unsign(token, max_age=FORM_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return "expired"
    except (signing.BadSignature, UnicodeError, ValueError):
        return "bad"
    return "valid"


def scrub_request(request: HttpRequest) -> None:
    for key in IDENTIFYING_META:
        request.META.pop(key, None)
    request.COOKIES = {}


def cross_site(request: HttpRequest) -> bool | None:
    """True when the browser says a POST came from another site; None when it says nothing.

    There is no cookie-based CSRF token on public pages. Browsers send Sec-Fetch-Site or
    Origin with a POST; when both are missing, the signed form token has to vouch instead.
    """
    site = request.headers.get("Sec-Fetch-Site", "")
    if site == "cross-site":
        return True
    origin = request.headers.get("Origin", "")
    if origin and origin != "null":
        return origin.split("://", 1)[-1] != request.get_host()
    if site in {"same-origin", "same-site", "none"}:
        return False
    return None


def _content_digest(request: HttpRequest) -> str:
    typed = sorted(
        (name, value)
        for name, values in request.POST.lists()
        if name != FORM_TOKEN_FIELD
        for value in values
    )
    return hashlib.sha256(repr(typed).encode()).hexdigest()


def post_refusal(request: HttpRequest, group: str, *, signed_url: bool) -> Refusal | None:
    """Check a public POST: origin, form token, then every rate-limit budget.

    With `signed_url`, the address itself is a signed capability (a newsletter or comment
    link) and vouches for a POST that carries neither browser header nor form token, as
    mail providers' one-click unsubscribe requests (RFC 8058) do.
    """
    token = request.POST.get(FORM_TOKEN_FIELD, "")[:200]
    state = _token_state(token)
    forged = cross_site(request)
    limited = over_limit(
        request,
        group=group,
        token=token if state == "valid" else "",
        content=_content_digest(request),
    )
    if forged or state == "bad":
        return FORGED
    if state == "expired":
        return EXPIRED
    if forged is None and state == "none" and not signed_url:
        return FORGED
    return LIMITED if limited else None


def public_form_valid(request: HttpRequest, form: forms.Form) -> bool:
    """form.is_valid(), unless the POST was refused: then the reason joins the form's errors.

    Either way a bound form keeps what was typed, and the template shows it again.
    """
    valid = form.is_valid()
    if getattr(request, "tabara_language_switch", False):
        # The same form in another language, as typed; nothing was sent yet, so no errors.
        form.errors.clear()
        request.tabara_language_shown = True  # type: ignore[attr-defined]
        return False
    refusal: Refusal | None = getattr(request, "tabara_refusal", None)
    if refusal is None:
        return valid
    form.add_error(None, str(refusal.message))
    request.tabara_refusal_shown = True  # type: ignore[attr-defined]
    return False


def public_route(*, group: str, signed_url: bool = False) -> Callable[[View], View]:
    """Check POSTs and hide the client from the view; see the module docstring.

    The address budget for each group is in settings.PUBLIC_RATE_LIMITS (read per request).
    """

    def decorator(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            refusal = None
            switch = _language_switch(request)
            if request.method == "POST" and not switch:
                refusal = post_refusal(request, group, signed_url=signed_url)
            scrub_request(request)
            request.tabara_refusal = refusal  # type: ignore[attr-defined]
            if switch:
                response = _switched(view, switch, request, *args, **kwargs)
            elif refusal is None:
                response = view(request, *args, **kwargs)
            else:
                response = _refused(view, refusal, request, *args, **kwargs)
            response.cookies.clear()
            response["Cache-Control"] = "no-store"
            response["Referrer-Policy"] = "no-referrer"
            response["Vary"] = "Accept-Language"
            return response

        wrapped.tabara_public = True  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _language_switch(request: HttpRequest) -> str:
    """The language a POST asks the form in, or "" for an ordinary POST."""
    if request.method != "POST":
        return ""
    code = request.POST.get(LANGUAGE_SWITCH_FIELD, "")
    return code if code in dict(settings.LANGUAGES) else ""


def _switched(
    view: View, code: str, request: HttpRequest, *args: Any, **kwargs: Any
) -> HttpResponse:
    request.tabara_language_switch = True  # type: ignore[attr-defined]
    # The button's formaction already has the language's prefix; a browser that ignores
    # formaction posts to the form's own address, and the field alone chooses the language.
    with translation.override(code), transaction.atomic():
        response = view(request, *args, **kwargs)
        transaction.set_rollback(True)
    if not getattr(request, "tabara_language_shown", False):
        # A view without a typed form: its page in that language, by GET.
        return HttpResponseRedirect(translate_url(request.path, code), status=303)
    response.status_code = 200
    return response


def _refused(
    view: View, refusal: Refusal, request: HttpRequest, *args: Any, **kwargs: Any
) -> HttpResponse:
    with transaction.atomic():
        response = view(request, *args, **kwargs)
        if not getattr(request, "tabara_refusal_shown", False):
            transaction.set_rollback(True)
            response = error_page(request, refusal.status, refusal.message)
    response.status_code = refusal.status
    return response
