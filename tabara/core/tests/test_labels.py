"""Optional fields say "(optional)" in their label, in the reader's language (labels.py).

The rule is the GOV.UK Design System's: mark the fields that may be left empty, not the
required ones. The words are those of each language, not read from the catalogue.
"""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from tabara.core.templatetags.errors import form_errors


class Mixed(forms.Form):
    name = forms.CharField(label="Name")
    nickname = forms.CharField(label="Nickname", required=False)
    colour = forms.ChoiceField(
        label="Colour", choices=[("r", "Red")], widget=forms.RadioSelect, required=False
    )
    agree = forms.BooleanField(label="Send me news", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    trap = forms.CharField(
        label="Leave empty", required=False, widget=forms.TextInput(attrs={"tabindex": "-1"})
    )
    phone = forms.CharField(label="Phone", required=False, max_length=3)


class Filters(forms.Form):
    since = forms.DateField(label="From", required=False)
    district = forms.CharField(label="District", required=False)


LABELS = Template("{% for field in form %}[{{ field.label }}]{% endfor %}")


def labels(form: forms.Form, language: str = "en") -> list[str]:
    with translation.override(language):
        return LABELS.render(Context({"form": form}))[1:-1].split("][")


@pytest.mark.parametrize(
    ("language", "optional"), [("en", "(optional)"), ("fr", "(facultatif)"), ("rw", "(si ngombwa)")]
)
def test_fields_that_may_be_left_empty_say_so_in_the_reader_s_language(
    language: str, optional: str
) -> None:
    assert labels(Mixed(), language) == [
        "Name",
        f"Nickname {optional}",
        f"Colour {optional}",
        "Send me news",  # a check box left unticked is an answer
        "Token",
        "Leave empty",  # the honeypot, out of everyone's way
        f"Phone {optional}",
    ]


def test_a_form_with_nothing_required_marks_nothing() -> None:
    assert labels(Filters()) == ["From", "District"]


def test_label_tag_is_marked_and_the_error_summary_is_not() -> None:
    form = Mixed(data={"phone": "12345"})
    assert not form.is_valid()
    with translation.override("en"):
        assert "Phone (optional):</label>" in str(form["phone"].label_tag())
        texts = [item["text"] for item in form_errors(form)]
    assert texts[0] == "Name: This field is required."
    assert texts[1].startswith("Phone: Ensure this value has at most 3 characters")
