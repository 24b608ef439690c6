"""The in-app notification list of a signed-in staff member."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import verified_staff
from tabara.notifications.selectors import notification_list_for_user
from tabara.notifications.services import notification_mark_read


@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    user = verified_staff(request)
    if user is None:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST" and request.POST.get("id", "").isdigit():
        notification_mark_read(user=user, notification_id=int(request.POST["id"]))
        return HttpResponseRedirect(reverse("notifications:list"))
    notifications = notification_list_for_user(user)[:100]
    return render(request, "notifications/list.html", {"notifications": notifications})


notification_list.tabara_staff_any = True  # type: ignore[attr-defined]
