"""The analysts' filter: a period and a district (GET, so a view can be bookmarked)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tabara.geo.models import AdminUnit
from tabara.geo.selectors import district_choices
from tabara.networks.selectors import NetworkFilters

DEFAULT_DAYS = 365  # the page opens on the last year; a wider period is one field away


class NetworkFilterForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    district = forms.ChoiceField(label=_("District"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"since": timezone.localdate() - timedelta(days=DEFAULT_DAYS)})
        super().__init__(*args, **kwargs)
        district = self.fields["district"]
        assert isinstance(district, forms.ChoiceField)  # noqa: S101 - declared above
        district.choices = [("", _("All districts")), *district_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period comes before its start."))
        return data

    def filters(self) -> NetworkFilters:
        """What a valid form asks for; the last year when nothing was asked yet.

        An invalid form filters nothing (its page says why).
        """
        if not self.is_bound:
            return NetworkFilters(since=self.initial["since"])
        if not self.is_valid():
            return NetworkFilters()
        code = self.cleaned_data.get("district") or ""
        district = AdminUnit.objects.filter(level="district", code=code).first() if code else None
        return NetworkFilters(
            since=self.cleaned_data.get("since"),
            until=self.cleaned_data.get("until"),
            district=district,
        )
