"""The job-offer questionnaire as a web form, built from the rules in the page's language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.core.phones import PhoneField
from tabara.geo.countries import country_choices
from tabara.recruitment.offers import OfferRules

PREFIX = "q_"


class OfferForm(forms.Form):
    """One radio group per question (a select of countries for the destination)."""

    agency = forms.CharField(
        label=_("Name of the agency or person who offered the job (if you know it)"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("This is too long.")},
    )
    agency_phone = PhoneField(
        label=_("Their phone number (if you know it)"), rwanda_mobile=False, required=False
    )

    def __init__(self, *args: Any, rules: OfferRules, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in rules.questions:
            if question.kind == "country":
                choices = [("", "—"), *country_choices(lang), ("unknown", _("I don't know"))]
                field: forms.Field = forms.ChoiceField(choices=choices, required=False)
            else:
                field = forms.ChoiceField(
                    choices=[(o.id, o.label[lang]) for o in question.options],
                    required=False,
                    widget=forms.RadioSelect,
                )
            field.label = question.text[lang]
            field.error_messages["invalid_choice"] = _("Please choose one of the options shown.")
            self.fields[PREFIX + question.id] = field

    def answers(self) -> dict[str, str]:
        """The questions answered, by question id."""
        return {
            name.removeprefix(PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(PREFIX) and value
        }
