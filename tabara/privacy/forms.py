"""Forms of the privacy pages: a breach record and an erasure confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tabara.privacy.services.subject import ErasureGround

WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = forms.Textarea(attrs={"rows": 3})


class BreachForm(forms.Form):
    discovered_at = forms.DateTimeField(
        label=_("When did your organization become aware of it?"), widget=WHEN
    )
    occurred_at = forms.DateTimeField(
        label=_("When did it happen (if known)?"), required=False, widget=WHEN
    )
    nature = forms.CharField(label=_("What happened"), widget=TEXT)
    data_categories = forms.CharField(label=_("Which kinds of personal data"), widget=TEXT)
    people_affected = forms.IntegerField(
        label=_("About how many people"), min_value=0, required=False
    )
    records_affected = forms.IntegerField(
        label=_("About how many records"), min_value=0, required=False
    )
    consequences = forms.CharField(label=_("Likely consequences"), widget=TEXT, required=False)
    measures = forms.CharField(label=_("Measures taken or proposed"), widget=TEXT, required=False)
    high_risk = forms.BooleanField(
        label=_("Likely to result in a high risk to the people concerned"), required=False
    )
    authority_notified_at = forms.DateTimeField(
        label=_("When the supervisory authority (NCSA) was notified"), required=False, widget=WHEN
    )
    authority_reference = forms.CharField(
        label=_("The authority's reference"), max_length=100, required=False
    )
    authority_report_at = forms.DateTimeField(
        label=_("When the written report was sent to the authority"), required=False, widget=WHEN
    )
    people_notified_at = forms.DateTimeField(
        label=_("When the people concerned were told"), required=False, widget=WHEN
    )
    people_not_notified_reason = forms.CharField(
        label=_("Why the people concerned were not told"), widget=TEXT, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        discovered = data.get("discovered_at")
        now = timezone.now()
        if discovered and discovered > now:
            self.add_error("discovered_at", _("This moment is in the future."))
        for name in ("authority_notified_at", "authority_report_at", "people_notified_at"):
            when = data.get(name)
            if when and discovered and when < discovered:
                self.add_error(name, _("This cannot be before the breach was discovered."))
            elif when and when > now:
                self.add_error(name, _("This moment is in the future."))
        occurred = data.get("occurred_at")
        if occurred and discovered and occurred > discovered:
            self.add_error("occurred_at", _("A breach cannot happen after it was discovered."))
        return data


class EraseForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("Ground for erasure (Article 23)"), choices=ErasureGround.choices
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that the name, phone, identity number, description and needs "
            "of this person will be erased for good."
        )
    )
