"""Accepting an invitation: set a password, enrol TOTP, see the recovery codes once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tabara.accounts.admin_forms import AcceptForm
from tabara.accounts.invitations import (
    InvitationError,
    invitation_accept,
    invitation_open,
    totp_qr_svg,
    totp_secret_text,
)
from tabara.accounts.models import Invitation, StaffLanguage
from tabara.accounts.services import user_language_set
from tabara.core.views import posted


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link is the credential: a used, expired or unknown token gets the same page."""
    try:
        found = invitation_open(token=token)
    except InvitationError as error:
        return render(request, "accounts/invitation_closed.html", {"error": error}, status=404)
    form = AcceptForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            user, codes = invitation_accept(
                token=token,
                password=form.cleaned_data["password"],
                otp_code=form.cleaned_data["otp_code"],
            )
        except ValidationError as error:
            form.add_error("password", error.messages)
        except InvitationError as error:
            form.add_error("otp_code", str(error))
        else:
            language = translation.get_language() or ""
            if found.purpose == Invitation.Purpose.JOIN and language in StaffLanguage.values:
                # A new member reads Tabara in the language they enrolled in (sign-in uses it).
                user_language_set(user=user, language=StaffLanguage(language))
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "member": user})
    context = {
        "form": form,
        "invitation": found,
        "qr_svg": totp_qr_svg(found),
        "secret": totp_secret_text(found),
    }
    return render(request, "accounts/invitation.html", context)


invitation.tabara_token_link = True  # type: ignore[attr-defined]
