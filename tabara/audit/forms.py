"""The audit viewer's filter form: it parses the query string, nothing more."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization
from tabara.audit.models import AuditAction
from tabara.audit.selectors import AuditFilters


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who (sign-in name)"), max_length=150, required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.CharField(label=_("Target type"), max_length=40, required=False)
    target_id = forms.CharField(label=_("Target number"), max_length=40, required=False)
    organization = forms.TypedChoiceField(
        label=_("Organization"), coerce=int, required=False, empty_value=None
    )
    date_from = forms.DateField(
        label=_("From (day)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To (day)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, national: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "—"), *AuditAction.choices]  # type: ignore[attr-defined]
        if national:
            self.fields["organization"].choices = [  # type: ignore[attr-defined]
                ("", "—"),
                *Organization.objects.values_list("pk", "short_name"),
            ]
        else:
            del self.fields["organization"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The last day comes before the first."))
        return data

    def filters(self) -> AuditFilters:
        data = self.cleaned_data
        return AuditFilters(
            actor=data.get("actor", ""),
            action=data.get("action", ""),
            target_type=data.get("target_type", ""),
            target_id=data.get("target_id", ""),
            organization_id=data.get("organization"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
