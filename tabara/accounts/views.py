from __future__ import annotations

import math

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import verified_staff
from tabara.accounts.context_processors import staff_nav
from tabara.accounts.forms import PreferencesForm, SignInForm
from tabara.accounts.models import StaffLanguage
from tabara.accounts.services import (
    CodeReusedError,
    SignInError,
    SignInThrottled,
    staff_sign_in,
    user_language_set,
)
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.views import posted


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    target = request.GET.get("next") or reverse("accounts:home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("accounts:home")
    form = SignInForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = staff_sign_in(
                request=request,
                username=data["username"],
                password=data["password"],
                otp_token=data["otp_token"],
            )
        except SignInThrottled as refusal:
            minutes = max(1, math.ceil(refusal.wait.total_seconds() / 60))
            form.add_error(
                None,
                ngettext(
                    "Too many failed sign-ins. Wait %(minutes)s minute and try again.",
                    "Too many failed sign-ins. Wait %(minutes)s minutes and try again.",
                    minutes,
                )
                % {"minutes": minutes},
            )
        except CodeReusedError:
            form.add_error(
                None,
                _("This code has already been used. Wait for the next code in your app."),
            )
        except SignInError:
            form.add_error(None, _("Username, password or code is not correct."))
        else:
            return _in_own_language(user.language, target)
    return render(request, "accounts/sign_in.html", {"form": form}, status=200)


def _in_own_language(language: str, target: str) -> HttpResponse:
    """Go on in the language the user chose (User.language), whatever the sign-in page's.

    Every staff page has a language prefix, so swapping it (/en/staff/ -> /rw/staff/) is
    enough; no language cookie is set (public pages ignore cookies on purpose).
    """
    return HttpResponseRedirect(translate_url(target, language))


@require_http_methods(["POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    user = verified_staff(request)
    if user is not None:
        audit_record(actor=user, action=AuditAction.LOGOUT, target_type="user", target_id=user.pk)
    logout(request)
    return HttpResponseRedirect(reverse("accounts:login"))


def staff_home(request: HttpRequest) -> HttpResponse:
    """Send signed-in staff to the first section their roles open (sign-in otherwise)."""
    user = verified_staff(request)
    if user is None:
        return redirect_to_login(request.get_full_path())
    sections = staff_nav(request)["staff_nav"]
    if sections:
        return HttpResponseRedirect(sections[0]["url"])
    return render(request, "accounts/no_sections.html")


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """My preferences: the language of the pages and of the alerts sent to me."""
    user = verified_staff(request)
    if user is None:
        return redirect_to_login(request.get_full_path())
    form = PreferencesForm(posted(request), initial={"language": user.language})
    if request.method == "POST" and form.is_valid():
        language = StaffLanguage(form.cleaned_data["language"])
        user_language_set(user=user, language=language)
        with translation.override(language):
            return HttpResponseRedirect(reverse("accounts:preferences") + "?saved=1")
    return render(
        request,
        "accounts/preferences.html",
        {"form": form, "saved": request.GET.get("saved") == "1"},
        status=400 if form.errors else 200,
    )


preferences.tabara_staff_any = True  # type: ignore[attr-defined]
