"""Forms of the linkage pages: upload a list, map its columns, start a run, choose the
threshold, decide on a pair."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tabara.core.spreadsheets import upload_size_validator
from tabara.linkage.lists import FIELD_LABELS, FIELDS, LIMITS
from tabara.linkage.models import ImportedList, PairDecision

_THRESHOLD_ERRORS = {
    "invalid": _("Write a probability such as 0.5."),
    "min_value": _("Use a threshold of at least 0.01."),
    "max_value": _("Use a threshold of at most 0.99."),
    "required": _("Give a threshold."),
}


def threshold_field(initial: float = 0.5) -> forms.FloatField:
    return forms.FloatField(
        label=_("Threshold (match probability)"),
        initial=initial,
        min_value=0.01,
        max_value=0.99,
        error_messages=_THRESHOLD_ERRORS,
        help_text=_("Two records are one person when the model's probability is at least this."),
    )


class UploadForm(forms.Form):
    agency = forms.CharField(
        label=_("Agency the list comes from"),
        max_length=120,
        error_messages={"required": _("Name the agency the list comes from.")},
    )
    table = forms.FileField(
        label=_("List of people (CSV or XLSX)"),
        help_text=_("A header row, then one row per record; you map the columns next."),
        error_messages={"required": _("Choose a file to upload.")},
        validators=[upload_size_validator(LIMITS)],
    )


class MappingForm(forms.Form):
    """One choice per field: which of the file's columns holds it (or none)."""

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [
            (str(index), name or _("column %(n)s") % {"n": index + 1})
            for index, name in enumerate(columns)
        ]
        for name in FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=FIELD_LABELS[name],
                choices=choices,
                required=name == "full_name",
                error_messages={
                    "required": _("Choose the column that holds the names."),
                    "invalid_choice": _("Choose one of the file's columns."),
                },
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        used: dict[str, str] = {}
        for name in FIELDS:
            column = data.get(name)
            if column:
                if column in used:
                    self.add_error(
                        name,
                        _("This column is already mapped to %(field)s.")
                        % {"field": FIELD_LABELS[used[column]]},
                    )
                used[column] = name
        return data

    def mapping(self) -> dict[str, int]:
        return {name: int(self.cleaned_data[name]) for name in FIELDS if self.cleaned_data[name]}


class RunForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Give the run a title.")}
    )
    include_cases = forms.BooleanField(
        label=_("Include the presumed victims of Tabara's cases"), required=False
    )
    lists = forms.ModelMultipleChoiceField(
        label=_("Imported lists"),
        queryset=ImportedList.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose among your organization's lists.")},
    )
    threshold = threshold_field()

    def __init__(self, *args: Any, lists: QuerySet[ImportedList], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lists"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101
        field.queryset = lists.filter(status=ImportedList.Status.IMPORTED)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("include_cases") and not data.get("lists"):
            raise forms.ValidationError(_("Choose Tabara's cases, one or more lists, or both."))
        return data


class ThresholdForm(forms.Form):
    threshold = threshold_field()


class DecisionForm(forms.Form):
    pair = forms.IntegerField(min_value=1, error_messages={"required": _("Choose a pair.")})
    mode = forms.ChoiceField(choices=PairDecision.Mode.choices, required=False)
    verdict = forms.ChoiceField(
        choices=PairDecision.Verdict.choices,
        error_messages={
            "required": _("Say whether the two records are the same person."),
            "invalid_choice": _("Say whether the two records are the same person."),
        },
    )
