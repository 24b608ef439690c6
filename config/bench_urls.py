"""The normal URL map plus /bench/bare: the cheapest insert the same stack can serve."""

from __future__ import annotations

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as app_patterns


@csrf_exempt
def bare_insert(request: HttpRequest) -> HttpResponse:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_bare (body) VALUES (%s)", [request.POST.get("v", "")])
    return HttpResponse("ok")


urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/bare", bare_insert),
    *app_patterns,
]
