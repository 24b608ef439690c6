"""Forms of the register: an agency (staff), the import with its column mapping, the lookup."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tabara.core.phones import PhoneField
from tabara.core.spreadsheets import upload_size_validator
from tabara.geo.countries import country_choices
from tabara.recruitment import importing
from tabara.recruitment.choices import AgencyStatus
from tabara.recruitment.models import Agency
from tabara.recruitment.services import AgencyInput

TOO_LONG = _("This is too long.")
PHONES = 3


def _countries() -> tuple[tuple[str, str], ...]:
    return country_choices(get_language() or "rw")


def _lines(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    other_names = forms.CharField(
        label=_("Other names (one a line)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    licence_number = forms.CharField(label=_("Licence number"), max_length=60)
    status = forms.ChoiceField(label=_("Status"), choices=AgencyStatus.choices)
    status_since = forms.DateField(
        label=_("Status since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    licence_expires = forms.DateField(
        label=_("Licence valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    destinations = forms.MultipleChoiceField(
        label=_("Licensed destinations"),
        choices=_countries,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    phone_1 = PhoneField(label=_("Phone"), rwanda_mobile=False, required=False)
    phone_2 = PhoneField(label=_("Phone"), rwanda_mobile=False, required=False)
    phone_3 = PhoneField(label=_("Phone"), rwanda_mobile=False, required=False)
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    social_accounts = forms.CharField(
        label=_("Social media accounts (one a line)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, agency_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency_id = agency_id

    def clean_licence_number(self) -> str:
        value = " ".join(self.cleaned_data["licence_number"].split()).upper()
        taken = Agency.objects.filter(licence_number=value)
        if self.agency_id is not None:
            taken = taken.exclude(pk=self.agency_id)
        if taken.exists():
            raise forms.ValidationError(_("Another agency has this licence number."))
        return value

    def to_input(self) -> AgencyInput:
        data = self.cleaned_data
        phones = tuple(data[f"phone_{n}"] for n in range(1, PHONES + 1) if data[f"phone_{n}"])
        return AgencyInput(
            name=data["name"].strip(),
            licence_number=data["licence_number"],
            status=data["status"],
            status_since=data["status_since"],
            licence_expires=data["licence_expires"],
            other_names=_lines(data["other_names"]),
            destinations=tuple(data["destinations"]),
            address=data["address"].strip(),
            phones=tuple(dict.fromkeys(phones)),
            website=data["website"],
            social_accounts=_lines(data["social_accounts"]),
        )

    @staticmethod
    def initial_of(agency: Agency) -> dict[str, Any]:
        phones = [p.number for p in agency.phones.all()]
        initial: dict[str, Any] = {
            "name": agency.name,
            "other_names": "\n".join(agency.other_names),
            "licence_number": agency.licence_number,
            "status": agency.status,
            "status_since": agency.status_since,
            "licence_expires": agency.licence_expires,
            "destinations": agency.destinations,
            "address": agency.address,
            "website": agency.website,
            "social_accounts": "\n".join(agency.social_accounts),
        }
        initial.update({f"phone_{n}": number for n, number in enumerate(phones[:PHONES], 1)})
        return initial


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("The licensing authority's list (.xlsx or .csv)"),
        validators=[upload_size_validator(importing.LIMITS)],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (label, _aliases) in importing.FIELDS.items():
            self.fields[f"col_{name}"] = forms.CharField(
                label=str(label),
                required=False,
                max_length=100,
                error_messages={"max_length": TOO_LONG},
            )

    def mapping(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(f"col_{name}", "")
            for name in importing.FIELDS
            if self.cleaned_data.get(f"col_{name}")
        }


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Agency name, phone number or licence number"),
        max_length=200,
        error_messages={
            "required": _("Type a name, a phone number or a licence number."),
            "max_length": TOO_LONG,
        },
    )
