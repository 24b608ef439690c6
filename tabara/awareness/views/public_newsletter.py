"""Public newsletter pages: sign up, confirm (double opt-in), unsubscribe in one click."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from tabara.awareness.forms.public import SubscribeForm
from tabara.awareness.services import newsletter as services
from tabara.awareness.tokens import BadLink
from tabara.awareness.views.common import lang, site_base
from tabara.core.public import public_form_valid, public_route


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-subscribe")
def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None, initial={"language": lang()})
    if request.method == "POST" and public_form_valid(request, form):
        if not form.is_bot():
            services.subscriber_subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                base_url=site_base(),
            )
        return render(request, "awareness/public/subscribe.html", {"sent": True})
    status = 400 if form.errors else 200
    return render(request, "awareness/public/subscribe.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-link", signed_url=True)
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "POST":
        try:
            services.subscriber_confirm(token=token)
        except BadLink:
            return render(request, "awareness/public/bad_link.html", status=404)
        return render(request, "awareness/public/newsletter_done.html", {"confirmed": True})
    return render(request, "awareness/public/newsletter_confirm.html", {"action": "confirm"})


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-link", signed_url=True)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST (the button, or RFC 8058 one-click mail) unsubscribes."""
    if request.method == "POST":
        try:
            services.subscriber_unsubscribe(token=token)
        except BadLink:
            return render(request, "awareness/public/bad_link.html", status=404)
        return render(request, "awareness/public/newsletter_done.html", {"unsubscribed": True})
    return render(request, "awareness/public/newsletter_confirm.html", {"action": "unsubscribe"})
