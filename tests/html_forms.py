"""The forms of an HTML page as a browser sees them (standard library parser only).

Used by tests/test_staff_forms.py to find every form a staff page offers, fill it the way a
person would, and read back what the page shows after the POST.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Control:
    """One named form control: <input>, <select> or <textarea>."""

    tag: str
    name: str
    kind: str = "text"  # the input type; "select" / "textarea" for those tags
    value: str = ""  # the value attribute, the textarea's text or the selected option
    attrs: dict[str, str] = field(default_factory=dict)
    options: list[str] = field(default_factory=list)  # a select's option values, in order
    checked: bool = False  # a checkbox or radio that is checked / a select with a choice
    chosen: list[str] = field(default_factory=list)  # a select's selected option values

    @property
    def required(self) -> bool:
        return "required" in self.attrs


@dataclass
class Form:
    action: str
    method: str
    controls: list[Control] = field(default_factory=list)
    submits: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons
    formactions: dict[tuple[str, str], str] = field(default_factory=dict)  # their formaction

    def named(self, name: str) -> list[Control]:
        return [control for control in self.controls if control.name == name]


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._text: Control | None = None  # the textarea being read
        self._select: Control | None = None
        self._option: tuple[str | None, bool, list[str]] | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attributes}
        if tag == "form":
            self._form = Form(
                action=attrs.get("action", ""), method=attrs.get("method", "get").lower()
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name", "")
        submit = (tag == "button" and attrs.get("type", "submit") == "submit") or (
            tag == "input" and attrs.get("type", "text") in {"submit", "image"}
        )
        if submit and name:
            self._form.submits.append((name, attrs.get("value", "")))
            if "formaction" in attrs:
                self._form.formactions[(name, attrs.get("value", ""))] = attrs["formaction"]
        elif tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            self._form.controls.append(
                Control(
                    "input",
                    name,
                    kind=kind,
                    value=attrs.get("value", "on" if kind in {"checkbox", "radio"} else ""),
                    attrs=attrs,
                    checked="checked" in attrs,
                )
            )
        elif tag == "textarea" and name:
            self._text = Control("textarea", name, kind="textarea", attrs=attrs)
            self._form.controls.append(self._text)
        elif tag == "select" and name:
            kind = "select-multiple" if "multiple" in attrs else "select"
            self._select = Control("select", name, kind=kind, attrs=attrs)
            self._form.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = (attrs.get("value"), "selected" in attrs, [])

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.value += data
        if self._option is not None:
            self._option[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._text is not None:
            # A browser drops one newline right after <textarea>.
            self._text.value = self._text.value.removeprefix("\n")
            self._text = None
        elif tag == "option" and self._option is not None and self._select is not None:
            self._close_option()
        elif tag == "select" and self._select is not None:
            if self._option is not None:
                self._close_option()
            self._select = None

    def _close_option(self) -> None:
        assert self._option is not None and self._select is not None
        value, selected, text = self._option
        option = value if value is not None else "".join(text).strip()
        self._select.options.append(option)
        if selected:
            self._select.value = option
            self._select.checked = True
            self._select.chosen.append(option)
        self._option = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def shown_values(html: str) -> set[tuple[str, str]]:
    """(name, value) of every control as the page fills it in: what a person would see."""
    shown: set[tuple[str, str]] = set()
    for form in forms_of(html):
        for control in form.controls:
            if control.kind in {"select", "select-multiple"}:
                shown.update((control.name, value) for value in control.chosen)
            elif control.kind in {"checkbox", "radio"}:
                if control.checked:
                    shown.add((control.name, control.value))
            else:
                shown.add((control.name, control.value))
    return shown
