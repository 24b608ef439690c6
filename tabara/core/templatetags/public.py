"""`{% form_token %}`: the hidden signed token every public form carries (core/public.py)."""

from __future__ import annotations

from django import template
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
