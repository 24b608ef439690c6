"""Optional fields say so in words, in their label (WCAG 3.3.2; the GOV.UK Design System).

Tabara follows the GOV.UK pattern: a field that may be left empty ends its label with
"(optional)"; a field that must be filled is not marked, and browsers and screen readers
announce its `required` attribute. In a form whose every field may be left empty (a
filter, a search) nothing is marked: there is nothing to tell apart. A single check box
is not marked either (leaving it unticked is an answer), nor a hidden field.

FORM_RENDERER is `Renderer`, so every form Django builds gives its fields a
`MarkedBoundField`: `{{ field.label }}`, `{{ field.label_tag }}` and the error summary
all read the marked label, whatever template shows the form. `plain_label` is the label
without the mark.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

OPTIONAL = pgettext_lazy("the label of a field that may be left empty", "{label} (optional)")


def marked_optional(form: forms.BaseForm, field: forms.Field) -> bool:
    """Whether the label of `field` in `form` says "(optional)"."""
    widget = field.widget
    if field.required or widget.is_hidden or isinstance(widget, forms.CheckboxInput):
        return False
    if widget.attrs.get("tabindex") == "-1":  # a honeypot, hidden from people
        return False
    return any(other.required for other in form.fields.values())


class MarkedBoundField(BoundField):
    def __init__(self, form: forms.BaseForm, field: forms.Field, name: str) -> None:
        super().__init__(form, field, name)
        self.plain_label: Any = self.label
        if marked_optional(form, field):
            self.label = format_lazy(OPTIONAL, label=self.label)


class Renderer(DjangoTemplates):
    bound_field_class = MarkedBoundField
