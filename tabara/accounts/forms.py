from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import StaffLanguage


class SignInForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), max_length=200, widget=forms.PasswordInput)
    otp_token = forms.RegexField(
        label=_("Six-digit code from your authenticator app, or a recovery code"),
        regex=r"^\s*(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})\s*$",
        max_length=14,
        error_messages={
            "invalid": _(
                "Enter the six digits shown in your authenticator app, or a recovery code."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of Tabara and of the alerts you receive"),
        choices=StaffLanguage.choices,
        widget=forms.RadioSelect,
    )
