"""Question forms built from the rule set: one yes / no / don't know choice per indicator."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.screening.model import Indicator

ANSWER_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Don't know"))]
PREFIX = "q_"


class QuestionsForm(forms.Form):
    """Radio groups named q_<indicator id>; a question left blank is simply not answered."""

    def __init__(
        self,
        *args: object,
        questions: Iterable[Indicator],
        lang: str,
        answers: Mapping[str, str] | None = None,
        wording: Mapping[str, Mapping[str, str]] | None = None,
        **kwargs: object,
    ) -> None:
        """`wording` replaces the rule set's officer questions (the public self-check's)."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for indicator in questions:
            self.fields[PREFIX + indicator.id] = forms.ChoiceField(
                label=(
                    wording[indicator.id][lang]
                    if wording is not None
                    else indicator.question.get(lang)
                ),
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=(answers or {}).get(indicator.id),
                error_messages={
                    "invalid_choice": _("Please choose yes, no or don't know."),
                },
            )

    def answers(self) -> dict[str, str]:
        """The answers given in this form, keyed by indicator id ('' = not answered)."""
        return {
            name.removeprefix(PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(PREFIX)
        }


class StartForm(forms.Form):
    subject = forms.CharField(
        label=_("Who or what is being screened (no full names needed)"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Keep this under 200 characters.")},
    )
