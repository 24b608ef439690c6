"""The error summary at the top of a page whose form was refused (GOV.UK Design System).

`{% error_summary %}` sits once in each base template, at the top of <main>, so a page
needs nothing more than its form in the template context: every bound form there with
errors is listed, each error a link to its field ("Label: message"), errors of the whole
form first as plain text. The summary takes the focus when the page loads (autofocus: no
script) and is announced (role="alert"). A view's `error` (one message, not a form's) is
listed first. A page whose errors are neither can include the same template itself:
    {% include "forms/error_summary.html" with errors=my_errors %}
where each item has `text` and, for a link, `href` ("#id_of_the_field").
"""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BaseForm, BoundField
from django.forms.formsets import BaseFormSet
from django.utils.functional import Promise

register = template.Library()


def _forms(context: template.Context) -> list[BaseForm]:
    found: list[BaseForm] = []
    values: list[object] = list(context.flatten().values())
    for value in values:
        candidates: list[object] = list(value) if isinstance(value, BaseFormSet) else [value]
        for form in candidates:
            # Only forms the view has validated: reading .errors would validate the others
            # (a form posted only to change its language must not show errors).
            validated = getattr(form, "_errors", None) is not None
            if isinstance(form, BaseForm) and validated and form not in found:
                found.append(form)
    return found


def _first_input(field: BoundField) -> str:
    """The id to link to: the field's, or its first choice's (radio buttons, check boxes)."""
    if field.id_for_label:
        return str(field.id_for_label)
    subwidgets = field.subwidgets
    return str(subwidgets[0].id_for_label) if subwidgets else str(field.auto_id)


def form_errors(form: BaseForm) -> list[dict[str, str]]:
    """The summary's items for one form: its own errors, then each field's, in order."""
    items = [{"text": str(error), "href": ""} for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            # The label without "(optional)" (tabara/core/labels.py): the message says why.
            label = str(getattr(field, "plain_label", field.label) or field.name)
            if field.is_hidden:
                items.append({"text": f"{label}: {error}", "href": ""})
            else:
                items.append({"text": f"{label}: {error}", "href": f"#{_first_input(field)}"})
    return items


@register.inclusion_tag("forms/error_summary.html", takes_context=True)
def error_summary(context: template.Context) -> dict[str, Any]:
    items = [item for form in _forms(context) for item in form_errors(form)]
    message = context.get("error")
    if isinstance(message, str | Promise) and str(message):
        items.insert(0, {"text": str(message), "href": ""})
    return {"errors": items}
