"""The public report form: every field optional except what happened, all sizes bounded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tabara.attachments.forms import FilesField
from tabara.core.phones import PhoneField
from tabara.core.widgets import CodeField
from tabara.geo.countries import country_choices
from tabara.geo.selectors import border_post_choices, district_choices, sector_choices
from tabara.intake.choices import (
    AgeGroup,
    Channel,
    LocationKind,
    Platform,
    RecruitmentChannel,
    ReportStatus,
    Sex,
)
from tabara.intake.services import ReportInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

REQUIRED = {"required": _("Please tell us what happened: this is the only required field.")}
TOO_LONG = _("This is too long: at most %(limit_value)d characters (you wrote %(show_value)d).")


def _text(
    label: StrOrPromise, limit: int, *, rows: int = 3, required: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        strip=True,
        error_messages={"max_length": TOO_LONG, **(REQUIRED if required else {})},
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit}),
    )


def _choice(label: StrOrPromise, choices: Any, *, initial: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        initial=initial,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the options shown.")},
    )


def _countries() -> tuple[tuple[str, str], ...]:
    return country_choices(get_language() or "rw")


class ReportForm(forms.Form):
    what_happened = _text(_("What happened?"), 5000, rows=6, required=True)
    location_kind = _choice(
        _("Where did it happen?"), LocationKind.choices, initial=LocationKind.UNKNOWN
    )
    district = CodeField(
        district_choices,
        label=_("District"),
        error_messages={"invalid_choice": _("Please choose a district from the list.")},
    )
    sector = CodeField(
        sector_choices,
        label=_("Sector"),
        error_messages={"invalid_choice": _("Please choose a sector from the list.")},
    )
    border_post = CodeField(
        border_post_choices,
        label=_("Border post"),
        error_messages={"invalid_choice": _("Please choose a border post from the list.")},
    )
    country = CodeField(_countries, label=_("Country"))
    occurred_on = forms.DateField(
        label=_("When did it happen? (date, if you know it)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Write the date as year-month-day, for example 2026-03-25.")},
    )
    when_text = forms.CharField(
        label=_("Or describe when (for example: last week)"),
        max_length=200,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    people_count = forms.IntegerField(
        label=_("How many people are at risk?"),
        required=False,
        min_value=1,
        max_value=1000,
        error_messages={
            "invalid": _("Write a number, for example 2."),
            "min_value": _("Write a number of at least 1."),
            "max_value": _("Write a number of at most 1000."),
        },
    )
    age_group = _choice(
        _("Are they children or adults?"), AgeGroup.choices, initial=AgeGroup.UNKNOWN
    )
    sex = _choice(_("Are they female or male?"), Sex.choices, initial=Sex.UNKNOWN)
    recruitment_channel = _choice(
        _("How were they recruited?"),
        RecruitmentChannel.choices,
        initial=RecruitmentChannel.UNKNOWN,
    )
    platform = forms.ChoiceField(
        label=_("Which social media?"),
        required=False,
        choices=[("", "—"), *Platform.choices],
        error_messages={"invalid_choice": _("Please choose one of the options shown.")},
    )
    agency_name = forms.CharField(
        label=_("Name of the agency, if any"),
        max_length=200,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    destination = _text(_("Where were they taken, or promised to go?"), 500, rows=2)
    destination_country = CodeField(_countries, label=_("Destination country"))
    suspect_identifiers = _text(
        _(
            "Anything that identifies the recruiters: phone numbers, names, agencies, "
            "accounts or links"
        ),
        2000,
    )
    wants_contact = forms.BooleanField(
        label=_("I agree to be contacted by the people handling this report"), required=False
    )
    contact_name = forms.CharField(
        label=_("Name to ask for (can be a nickname)"),
        max_length=100,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    contact_phone = PhoneField(
        label=_("Phone number"), required=False, error_messages={"max_length": TOO_LONG}
    )
    attachments = FilesField(
        label=_("A photo, screenshot, document or voice note (up to 3 files of 5 MB)")
    )
    # Honeypot: hidden from people by CSS, filled in by bots. Out of the tab order too, so that
    # no keyboard reaches a field hidden from screen readers (axe-core: aria-hidden-focus).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_occurred_on(self) -> Any:
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future. Please check it."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            self.add_error("website", _("Leave this field empty."))
        sector, district = data.get("sector") or "", data.get("district") or ""
        # NISR codes nest: a sector's code starts with its district's code.
        if sector and district and not sector.startswith(district):
            self.add_error("sector", _("This sector is not in the district you chose."))
        if data.get("wants_contact") and not data.get("contact_phone"):
            self.add_error(
                "contact_phone", _("Give a phone number, or untick the box to stay anonymous.")
            )
        return data

    def to_input(self) -> ReportInput:
        data = self.cleaned_data
        return ReportInput(
            what_happened=data["what_happened"],
            location_kind=data.get("location_kind") or LocationKind.UNKNOWN,
            district_code=data.get("district") or "",
            sector_code=data.get("sector") or "",
            border_post_code=data.get("border_post") or "",
            country=data.get("country") or "",
            occurred_on=data.get("occurred_on"),
            when_text=data.get("when_text") or "",
            people_count=data.get("people_count"),
            age_group=data.get("age_group") or AgeGroup.UNKNOWN,
            sex=data.get("sex") or Sex.UNKNOWN,
            recruitment_channel=data.get("recruitment_channel") or RecruitmentChannel.UNKNOWN,
            platform=data.get("platform") or "",
            agency_name=data.get("agency_name") or "",
            destination=data.get("destination") or "",
            destination_country=data.get("destination_country") or "",
            suspect_identifiers=data.get("suspect_identifiers") or "",
            wants_contact=bool(data.get("wants_contact")),
            contact_name=data.get("contact_name") or "",
            contact_phone=data.get("contact_phone") or "",
        )


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your 16-digit receipt"),
        max_length=40,
        error_messages={"required": _("Type the 16 digits of your receipt.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ReporterMessageForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        required=False,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the reporter"),
        max_length=2000,
        error_messages={"required": _("Write a message first."), "max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class InboxFilterForm(forms.Form):
    """The inbox filters; a value that is not offered is refused with a message."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", "—"), *ReportStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose one of the options shown.")},
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[("", "—"), *Channel.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose one of the options shown.")},
    )
    district = CodeField(district_choices, label=_("District"))
