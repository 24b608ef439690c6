from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.utils.translation import get_language_from_request

from tabara.core.health import task_queue_lag
from tabara.core.public import public_route


@public_route(group="root")
def root_redirect(request: HttpRequest) -> HttpResponse:
    """Send a visitor to the home page in the language their browser prefers."""
    language = get_language_from_request(request) or settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")


def healthz(request: HttpRequest) -> HttpResponse:
    """Database reachability and task-queue lag, as JSON; nothing about any person.

    503 when the database does not answer, so a load balancer or monitor can act on it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        tasks = task_queue_lag()
    except DatabaseError:
        return JsonResponse({"ok": False, "database": "unreachable"}, status=503)
    return JsonResponse({"ok": True, "database": "ok", "task_queue": tasks})


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data to bind a form to, or None for GET: an empty POST still binds."""
    return request.POST if request.method == "POST" else None
