"""A code field and select widget for long, static option lists (sectors, countries).

Django's ChoiceField normalises its choices on every form instance and renders each
<option> through the template engine: tens of milliseconds for Rwanda's 416 sectors. Here
the options come from a cached callable, are validated against a set, and are rendered
by string building with every value escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from html import escape
from typing import Any

from django import forms
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

Option = tuple[str, str]
Group = tuple[str, Sequence[Option]]
OptionSource = Callable[[], Sequence[Option | Group]]
EMPTY: Option = ("", "—")


class FastSelect(forms.Widget):
    """A <select> whose options (with optional <optgroup>s) come from `source`."""

    def __init__(self, source: OptionSource, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source = source

    def render(
        self,
        name: str,
        value: Any,
        attrs: Mapping[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = _options_html(tuple(self.source()))
        if value:
            plain = f'<option value="{escape(str(value))}">'
            options = options.replace(plain, plain[:-1] + " selected>", 1)
        head = format_html_join("", ' {}="{}"', final.items())
        return mark_safe(f"<select{head}>{options}</select>")  # noqa: S308 - all parts escaped


class CodeField(forms.CharField):
    """A code chosen from `source`; anything else is refused with `invalid_choice`."""

    default_error_messages = {"invalid_choice": _("Please choose one of the options shown.")}

    def __init__(self, source: OptionSource, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        super().__init__(widget=FastSelect(source), **kwargs)
        self.source = source

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value not in _codes(self.source()):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )


def _codes(options: Iterable[Option | Group]) -> set[str]:
    codes: set[str] = set()
    for key, label in options:
        if isinstance(label, str):
            codes.add(key)
        else:
            codes.update(k for k, _v in label)
    return codes


@lru_cache(maxsize=64)
def _options_html(options: tuple[Option | Group, ...]) -> str:
    """The <option>s (and <optgroup>s) of a list, built once per distinct list."""
    parts = []
    for key, label in [EMPTY, *options]:
        if isinstance(label, str):
            parts.append(_option(key, label))
        else:
            parts.append(f'<optgroup label="{escape(key)}">')
            parts.extend(_option(k, v) for k, v in label)
            parts.append("</optgroup>")
    return "".join(parts)


def _option(value: str, label: str) -> str:
    return f'<option value="{escape(value)}">{escape(label)}</option>'
