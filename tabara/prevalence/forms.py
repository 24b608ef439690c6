from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.core.spreadsheets import upload_size_validator
from tabara.prevalence.mse.reading import LIMITS

METHOD_CHOICES = [
    ("stepwise", _("Stepwise (p-value, Chan, Silverman & Vincent 2021)")),
    ("aic-stepwise", _("Stepwise by AIC (UK Home Office 2014)")),
    ("bic", _("Best model by BIC (up to 6 lists)")),
    ("independence", _("Independence (no list dependence)")),
]


class EstimationForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the estimation a title.")},
    )
    table = forms.FileField(
        label=_("List-overlap table (CSV or XLSX)"),
        help_text=_("One 0/1 column per list and a 'count' column; or one row per person."),
        error_messages={"required": _("Choose a file to upload.")},
        validators=[upload_size_validator(LIMITS)],
    )
    method = forms.ChoiceField(label=_("Method"), choices=METHOD_CHOICES, initial="stepwise")
    threshold = forms.FloatField(
        label=_("p-value threshold"),
        initial=0.02,
        min_value=0.0001,
        max_value=0.5,
        error_messages={
            "invalid": _("Write a number such as 0.02."),
            "min_value": _("Use a threshold of at least 0.0001."),
            "max_value": _("Use a threshold of at most 0.5."),
        },
    )
    bootstrap = forms.IntegerField(
        label=_("Bootstrap replicates (0 for none)"),
        initial=1000,
        min_value=0,
        max_value=5000,
        error_messages={
            "invalid": _("Write a whole number such as 1000."),
            "min_value": _("Use 0 or more replicates."),
            "max_value": _("Use at most 5000 replicates."),
        },
    )
    seed = forms.IntegerField(
        label=_("Random seed"),
        initial=1234,
        min_value=0,
        max_value=2**31 - 1,
        error_messages={"invalid": _("Write a whole number.")},
    )


class LinkedPublishForm(forms.Form):
    """Publish the estimate of one linkage threshold of a link run as an estimation."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the estimation a title.")},
    )
    threshold = forms.TypedChoiceField(
        label=_("Linkage threshold"),
        coerce=float,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the threshold whose estimate to publish."),
            "invalid_choice": _("Choose one of the thresholds shown."),
        },
    )
    lists = forms.MultipleChoiceField(
        label=_("Lists"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least two lists."),
            "invalid_choice": _("Choose among the run's lists."),
        },
    )

    def __init__(
        self, *args: object, thresholds: list[float], lists: list[str], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        threshold_field = self.fields["threshold"]
        assert isinstance(threshold_field, forms.TypedChoiceField)  # noqa: S101 - declared above
        threshold_field.choices = [(str(t), f"p ≥ {t:g}") for t in thresholds]
        lists_field = self.fields["lists"]
        assert isinstance(lists_field, forms.MultipleChoiceField)  # noqa: S101 - declared above
        lists_field.choices = [(name, name) for name in lists]

    def clean_lists(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["lists"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose at least two lists."))
        return chosen
