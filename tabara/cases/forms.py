"""Forms of the staff case pages: they parse input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tabara.cases.choices import (
    CaseStatus,
    ExploitationType,
    Gender,
    PersonRole,
    RecruitmentChannel,
    ScreeningOutcome,
)
from tabara.cases.services import CaseInput
from tabara.core.phones import PhoneField
from tabara.core.widgets import CodeField
from tabara.geo.countries import country_choices
from tabara.geo.models import AdminUnit, BorderPost
from tabara.geo.selectors import district_choices, sector_choices

BLANK: list[tuple[str, Any]] = [("", "—")]


def _countries() -> tuple[tuple[str, str], ...]:
    return country_choices(get_language() or "rw")


class CaseForm(forms.Form):
    screening_outcome = forms.ChoiceField(
        label=_("Screening result"), choices=ScreeningOutcome.choices
    )
    child_involved = forms.BooleanField(label=_("A child is involved"), required=False)
    exploitation_type = forms.ChoiceField(
        label=_("Type of exploitation"), choices=ExploitationType.choices
    )
    recruitment_channel = forms.ChoiceField(
        label=_("How the person was recruited"), choices=RecruitmentChannel.choices
    )
    origin_sector = forms.ChoiceField(label=_("Sector of origin"), required=False)
    border_post = forms.ChoiceField(label=_("Border post crossed"), required=False)
    destination_district = forms.ChoiceField(label=_("Destination district"), required=False)
    destination_country = CodeField(_countries, label=_("Destination country"))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, required=False)
    consent_to_share = forms.ChoiceField(
        label=_(
            "Has the presumed victim agreed that other organizations may receive this case, "
            "to protect and help them?"
        ),
        help_text=_(
            "Ask in words they understand, in their language. If they said no, or could not "
            "be asked, answer No: nothing is shared, and their answer can be recorded later "
            "on the case page."
        ),
        choices=[("yes", _("Yes, they agreed")), ("no", _("No, or not asked yet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer the consent question: Yes or No.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sectors: list[Any] = [*BLANK, *sector_choices()]
        self.fields["origin_sector"].choices = sectors  # type: ignore[attr-defined]
        posts = [*BLANK, *BorderPost.objects.order_by("name").values_list("code", "name")]
        self.fields["border_post"].choices = posts  # type: ignore[attr-defined]
        districts = [*BLANK, *district_choices()]
        self.fields["destination_district"].choices = districts  # type: ignore[attr-defined]

    def to_input(self) -> CaseInput:
        data = self.cleaned_data
        units = {
            u.code: u
            for u in AdminUnit.objects.filter(
                code__in=[data["origin_sector"], data["destination_district"]]
            ).select_related("parent")
        }
        return CaseInput(
            screening_outcome=data["screening_outcome"],
            child_involved=data["child_involved"],
            exploitation_type=data["exploitation_type"],
            recruitment_channel=data["recruitment_channel"],
            origin_sector=units.get(data["origin_sector"]),
            border_post=BorderPost.objects.filter(code=data["border_post"] or None).first(),
            destination_district=units.get(data["destination_district"]),
            destination_country=data["destination_country"],
            summary=data["summary"],
            consent_to_share=data["consent_to_share"] == "yes",
        )


class PersonForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=PersonRole.choices)
    full_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = PhoneField(label=_("Phone"), rwanda_mobile=False, required=False)
    identity_number = forms.CharField(
        label=_("National ID or document number"), max_length=40, required=False
    )
    gender = forms.ChoiceField(label=_("Sex"), choices=Gender.choices)
    age = forms.IntegerField(label=_("Age"), min_value=0, max_value=120, required=False)
    needs = forms.CharField(label=_("Needs"), widget=forms.Textarea, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices)


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=BLANK + CaseStatus.choices, required=False
    )
    type = forms.ChoiceField(
        label=_("Type of exploitation"), choices=BLANK + ExploitationType.choices, required=False
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    overdue = forms.BooleanField(label=_("With an overdue referral"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        districts = [*BLANK, *district_choices()]
        self.fields["district"].choices = districts  # type: ignore[attr-defined]
