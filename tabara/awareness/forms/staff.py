"""Staff forms: activities, attendance, tests, articles, newsletter issues."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from tabara.awareness import importing
from tabara.awareness.choices import ActivityKind, AgeBand, ArticleKind, Audience, Phase, Sex
from tabara.awareness.services.activities import ActivityInput
from tabara.core.spreadsheets import upload_size_validator
from tabara.core.widgets import CodeField
from tabara.geo.selectors import border_post_choices, district_choices, sector_choices

LANGS = (("rw", "Ikinyarwanda"), ("en", "English"), ("fr", "Français"))
WIDE = {"rows": 2}


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type of activity"), choices=ActivityKind.choices)
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    district = CodeField(district_choices, label=_("District"))
    sector = CodeField(sector_choices, label=_("Sector"))
    border_post = CodeField(border_post_choices, label=_("Border post"))
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    partners = forms.CharField(label=_("Partner organizations"), max_length=500, required=False)
    facilitators = forms.CharField(label=_("Facilitators"), max_length=500, required=False)
    audiences = forms.MultipleChoiceField(
        label=_("Audience"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    materials = forms.CharField(
        label=_("Materials used"), required=False, widget=forms.Textarea(attrs=WIDE)
    )
    summary = forms.CharField(
        label=_("Summary (shown on the public site)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_public = forms.BooleanField(label=_("Show on the public site"), required=False, initial=True)

    def to_input(self) -> ActivityInput:
        data = self.cleaned_data
        return ActivityInput(
            title=data["title"],
            kind=data["kind"],
            held_on=data["held_on"],
            district_code=data["district"] or "",
            sector_code=data["sector"] or "",
            border_post_code=data["border_post"] or "",
            venue=data["venue"],
            partners=data["partners"],
            facilitators=data["facilitators"],
            audiences=list(data["audiences"]),
            materials=data["materials"],
            summary=data["summary"],
            is_public=data["is_public"],
        )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Register (.xlsx or .csv, from the template)"),
        validators=[upload_size_validator(importing.LIMITS)],
    )


class CountsForm(forms.Form):
    """A sex × age band grid of head counts, for campaigns without a register."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sex in (Sex.FEMALE, Sex.MALE, Sex.UNKNOWN):
            for band in AgeBand:
                self.fields[f"{sex}__{band}"] = forms.IntegerField(
                    min_value=0, max_value=1_000_000, required=False, label=f"{sex} {band}"
                )

    def counts(self) -> dict[tuple[str, str], int]:
        result = {}
        for name, value in self.cleaned_data.items():
            sex, band = name.split("__")
            result[(sex, band)] = value or 0
        return result


class InvitesForm(forms.Form):
    phase = forms.ChoiceField(label=_("Test"), choices=Phase.choices)


class QuestionForm(forms.Form):
    prompt_en = forms.CharField(label=_("Question (English)"), max_length=500)
    prompt_rw = forms.CharField(label=_("Question (Kinyarwanda)"), max_length=500, required=False)
    prompt_fr = forms.CharField(label=_("Question (French)"), max_length=500, required=False)
    options_en = forms.CharField(
        label=_("Answers in English, one per line; put * before the right one"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    options_rw = forms.CharField(
        label=_("Answers in Kinyarwanda, same order"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    options_fr = forms.CharField(
        label=_("Answers in French, same order"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    distinguishes = forms.BooleanField(
        label=_("Asks to tell trafficking apart from smuggling, sex work or child labour"),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lines = [line.strip() for line in data.get("options_en", "").splitlines() if line.strip()]
        right = [i for i, line in enumerate(lines) if line.startswith("*")]
        if len(lines) < 2 or len(right) != 1:
            raise forms.ValidationError(_("Give at least two answers and mark exactly one with *."))
        options: list[dict[str, str]] = [{"en": line.lstrip("*").strip()} for line in lines]
        for lang in ("rw", "fr"):
            other = [
                x.strip().lstrip("*").strip()
                for x in data.get(f"options_{lang}", "").splitlines()
                if x.strip()
            ]
            if other and len(other) != len(lines):
                raise forms.ValidationError(_("Each language needs the same number of answers."))
            for option, label in zip(options, other, strict=False):
                option[lang] = label
        data["options"] = options
        data["answer"] = right[0]
        return data


class ArticleForm(forms.Form):
    slug = forms.SlugField(label=_("Address (letters, digits and dashes)"), max_length=80)
    kind = forms.ChoiceField(label=_("Kind"), choices=ArticleKind.choices)
    title_rw = forms.CharField(label=_("Title (Kinyarwanda)"), max_length=200, required=False)
    body_rw = forms.CharField(
        label=_("Text (Kinyarwanda, Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Text (English, Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    body_fr = forms.CharField(
        label=_("Text (French, Markdown)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    published = forms.BooleanField(label=_("Published"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{code}") and data.get(f"body_{code}") for code, _n in LANGS):
            raise forms.ValidationError(_("Write a title and a text in at least one language."))
        return data


ONE_LINE = RegexValidator(r"^[^\r\n]*$", _("A subject fits on one line."))


class IssueForm(forms.Form):
    subject_rw = forms.CharField(
        label=_("Subject (Kinyarwanda)"), max_length=200, required=False, validators=[ONE_LINE]
    )
    body_rw = forms.CharField(
        label=_("Text (Kinyarwanda, Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    subject_en = forms.CharField(
        label=_("Subject (English)"), max_length=200, required=False, validators=[ONE_LINE]
    )
    body_en = forms.CharField(
        label=_("Text (English, Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    subject_fr = forms.CharField(
        label=_("Subject (French)"), max_length=200, required=False, validators=[ONE_LINE]
    )
    body_fr = forms.CharField(
        label=_("Text (French, Markdown)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"subject_{code}") and data.get(f"body_{code}") for code, _n in LANGS):
            raise forms.ValidationError(_("Write a subject and a text in at least one language."))
        return data
