"""Error pages 400, 403, 404, 405, 429 and 500: branded, in the language of the URL prefix.

Each is a small static page (no JavaScript) with the emergency numbers and a link home, so a
person who meets an error on a cheap phone still sees who to call.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

TEXTS = {
    400: (
        _("Bad request"),
        _("The page could not understand what was sent. Go back and try again."),
    ),
    403: (
        _("Not allowed"),
        _("You cannot open this page, or the form was not sent from this site."),
    ),
    404: (_("Page not found"), _("This page does not exist, or it has moved.")),
    405: (_("Not available this way"), _("This address cannot be opened like this.")),
    429: (
        _("Too many requests"),
        _("Too many requests came from here. Please wait a minute, then try again."),
    ),
    500: (
        _("Something went wrong"),
        _(
            "Tabara could not finish this. If you were sending a report and saw no receipt, "
            "please send it again in a few minutes."
        ),
    ),
}

INTEGRITY_MESSAGE = _(
    "A record on this page failed its integrity check, so it is not shown. "
    "The administrators have been told; please tell them too."
)


def page_language(request: HttpRequest) -> str:
    """The language of the URL prefix (/rw/, /en/, /fr/), else the site's default."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def error_page(request: HttpRequest, status: int, message: object = None) -> HttpResponse:
    """Render the error page without context processors: it must work when little else does."""
    language = page_language(request)
    title, default = TEXTS[status]
    message = message or default
    with translation.override(language):
        body = loader.get_template("errors/error.html").render(
            {
                "current_language": language,
                "status": status,
                "title": str(title),
                "message": str(message),
            }
        )
    response = HttpResponse(body, status=status)
    response["Content-Language"] = language
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_page(request, 500)


def integrity_failure(request: HttpRequest) -> HttpResponse:
    """A stored value failed its authentication (tabara/core/crypto.py): show nothing of it."""
    return error_page(request, 500, INTEGRITY_MESSAGE)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(request, 403)
