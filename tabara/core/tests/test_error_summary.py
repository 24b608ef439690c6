"""The error summary (tabara/core/templatetags/errors.py): what it lists and where it links."""

from __future__ import annotations

import re

from django import forms
from django.forms import formset_factory
from django.template import Context, Template
from django.utils import translation

PAGE = Template("{% load errors %}{% error_summary %}")
LINK = re.compile(r'<a href="#([^"]+)">([^<]+)</a>')


class Sample(forms.Form):
    name = forms.CharField(label="Your name")
    colour = forms.ChoiceField(
        label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, object]:
        raise forms.ValidationError("The form has expired.")


def render(language: str = "en", **context: object) -> str:
    with translation.override(language):
        return PAGE.render(Context(context))


def test_each_error_links_to_its_field_after_the_form_s_own() -> None:
    form = Sample(data={"colour": "green"})
    assert not form.is_valid()
    assert '<h2 id="error-summary-title">Il y a un problème</h2>' in render("fr", form=form)
    html = render(form=form)
    assert "autofocus" in html and 'role="alert"' in html
    # Ids as Django renders the inputs: the text box's, the first radio button's.
    assert LINK.findall(html) == [
        ("id_name", "Your name: This field is required."),
        (
            "id_colour_0",
            "Colour: Select a valid choice. green is not one of the available choices.",
        ),
    ]
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items[0] == "The form has expired."
    assert items[-1] == "Token: This field is required."  # hidden: said, not linked


def test_nothing_for_a_form_the_view_did_not_validate() -> None:
    # A form posted only to switch language is bound but never validated: no errors shown.
    assert render(form=Sample(data={})).strip() == ""
    assert render(form=Sample()).strip() == ""


def test_a_view_s_own_message_and_formsets() -> None:
    formset = formset_factory(Sample, extra=0)(
        data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "x"}
    )
    assert not formset.is_valid()
    html = render(items=formset, error="The rules could not be read.")
    assert re.findall(r"<li>(.*?)</li>", html)[0] == "The rules could not be read."
    assert ("id_form-0-colour_0", "Colour: This field is required.") in LINK.findall(html)
