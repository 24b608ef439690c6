"""Forms of the referral pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization
from tabara.referrals.models import ReferralKind, Urgency, ViewScope


class ReferForm(forms.Form):
    to_org = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=ReferralKind.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    scope = forms.ChoiceField(label=_("What they may see"), choices=ViewScope.choices)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    override_consent = forms.BooleanField(
        label=_("Share without the victim's consent (supervisor; recorded in the audit log)"),
        required=False,
    )

    def __init__(self, *args: Any, exclude_org_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_org"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = Organization.objects.exclude(pk=exclude_org_id or 0).order_by("short_name")


class RespondForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ("acknowledge", "accept", "decline", "close")]
    )
    text = forms.CharField(label=_("Reason or outcome"), max_length=300, required=False)


class RoutingForm(forms.Form):
    rules = forms.CharField(label=_("Rules (YAML)"), widget=forms.Textarea(attrs={"rows": 30}))
