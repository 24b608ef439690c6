"""Forms of the administration pages: they parse input; services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization
from tabara.accounts.roles import Role
from tabara.core.phones import PhoneField
from tabara.geo.models import AdminUnit
from tabara.geo.selectors import district_choices

ROLE_LABELS = {
    Role.INTAKE_OFFICER: _("Intake officer"),
    Role.CASE_WORKER: _("Case worker"),
    Role.SUPERVISOR: _("Supervisor"),
    Role.ANALYST: _("Analyst"),
    Role.PROGRAMME_OFFICER: _("Programme officer"),
    Role.ADMINISTRATOR: _("Administrator"),
    Role.NATIONAL_ADMINISTRATOR: _("National administrator"),
}


def role_choices(roles: frozenset[Role]) -> list[tuple[str, Any]]:
    return [(role.value, label) for role, label in ROLE_LABELS.items() if role in roles]


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=30)
    kind = forms.ChoiceField(label=_("Type"), choices=Organization.Kind.choices)
    district = forms.ChoiceField(label=_("District"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = PhoneField(label=_("Contact phone"), rwanda_mobile=False, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", "—"), *district_choices()]  # type: ignore[attr-defined]

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values, with the district code turned into its unit."""
        data = dict(self.cleaned_data)
        code = data.pop("district")
        data["district"] = AdminUnit.objects.filter(code=code).first() if code else None
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    organization = forms.TypedChoiceField(label=_("Organization"), coerce=int)
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )

    def __init__(
        self,
        *args: Any,
        organizations: list[Organization],
        grantable: frozenset[Role],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]  # type: ignore[attr-defined]
        self.fields["roles"].choices = role_choices(grantable)  # type: ignore[attr-defined]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )

    def __init__(self, *args: Any, grantable: frozenset[Role], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = role_choices(grantable)  # type: ignore[attr-defined]


class AcceptForm(forms.Form):
    password = forms.CharField(
        label=_("Choose a password (at least 12 characters)"),
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("The same password again"),
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    otp_code = forms.RegexField(
        label=_("The six-digit code your app now shows"),
        regex=r"^\s*\d{6}\s*$",
        max_length=8,
        error_messages={"invalid": _("Enter the six digits shown in your authenticator app.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data
