"""Tags of public forms (core/public.py).

`{% form_token %}`: the hidden signed token every public form carries.
`{% language_buttons %}`: the languages as submit buttons inside a form with typed text,
each posting what was typed to the form's own address (or `action`) in that language.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tabara.core.public import FORM_TOKEN_FIELD, form_token_new

register = template.Library()


@register.simple_tag
def form_token() -> SafeString:
    """A fresh token on every rendering, including a form shown again after a refusal."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FORM_TOKEN_FIELD, form_token_new()
    )


@register.inclusion_tag("public/language_in_form.html", takes_context=True)
def language_buttons(context: dict[str, Any], action: str = "") -> dict[str, Any]:
    path = action or context["request"].path
    return {
        "buttons": [
            {"code": link["code"], "name": link["name"], "url": translate_url(path, link["code"])}
            for link in context["language_links"]
            if not link["current"]
        ]
    }
