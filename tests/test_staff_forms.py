"""Every staff form, sent with invalid data, comes back with what was typed and the error.

The forms are found, not listed: every staff page of the URL configuration that answers a
GET (tests/url_access.py names them all, and tests/test_url_authorization.py fails when a URL
is missing there) is opened in the world of that test by a user of the owning organization
who holds every role, and every <form> on it is read as a browser reads it. A new form on
any staff page is therefore walked without touching this file.

Each form is filled the way a person would fill it, with one kind of mistake a person makes:
text fields get a distinctive text ("Typed <name> 7"), lists and radio buttons a real
choice, boxes are ticked, and every field whose browser input type has a format gets a value
outside it (a number beyond its max or min, 30 February, an e-mail without @, a web address
with spaces). A form with none of those gets its first required text field left empty, or
else its first required list an answer that is not offered. It is posted back to its own
action (GET forms, filters, only when they have a formatted field), in a transaction that is
rolled back. The answer must be the page again (200 or 400; a redirect loses the input),
show more error messages than the page showed before, and hold every value that was typed or
chosen in a field of the same name. Passwords and files are not expected back (a browser
cannot be given a file, and a password is never echoed).

test_every_posted_staff_url_is_reached_by_a_form fails when a staff URL that takes a POST is
the action of no form the walk found; NO_FORM lists those that on purpose have nothing to
type, with the reason.

How it fails: when it was written, 8 of 38 forms failed, among them adding a person to a
case with the age 121, which redirected to the case page and dropped what was typed:

    AssertionError: 8 of 38 forms lost the input or the error:
      cases:detail -> POST cases:detail (age=121): got 302 /en/staff/cases/1/, expected the
      page again
      screening:interview -> POST screening:interview (q_age_under_18=not-a-choice): lost
      what was typed: notes='Typed notes 7'
      awareness:staff_dashboard -> GET awareness:staff_dashboard (since=2026-02-30,
      until=2026-02-30): no error message shown
      ...

Forms that are only a button ("mark as read", "deactivate", "publish") are pressed, in
Kinyarwanda: the answer must be a redirect or a page with a message, never a server error
(`walked.pressed` lists them). Forms with nothing to get wrong beyond that (only optional free
text) are not sent; `walked.skipped` lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in, staff_factory
from tests.html_forms import Control, Form, forms_of, shown_values
from tests.test_url_authorization import (  # noqa: F401 - world is a pytest fixture
    EXPECTED,
    STAFF,
    World,
    staff_pages,
    world,
)
from tests.url_access import Relation, Staff

# Staff URLs that take a POST but offer nothing to type: a button is the whole form.
NO_FORM: dict[str, str] = {
    "accounts:organization_deactivate": "a button on another organization's page",
    "accounts:staff_reactivate": "a button on a deactivated account's page",
    "intake:inbox": "answers a POST as a GET; its one form is the GET filter",
    "notifications:list": "a button that marks one alert as read",
}

TYPED_KINDS = {"text", "search", "tel", "textarea"}
ERROR = re.compile(r'class="(?:errorlist|err|errlist|msg err|card err)[ "]')


def invalid(control: Control) -> str | None:
    """A value outside the format of the field's input type, or None if it has none."""
    attrs = control.attrs
    if control.kind == "number":
        if attrs.get("max"):
            return str(int(float(attrs["max"])) + 1)
        if attrs.get("min"):
            return str(int(float(attrs["min"])) - 1)
        return "7x"
    return {
        "date": "2026-02-30",
        "datetime-local": "2026-02-30T09:00",
        "time": "25:61",
        "email": "not-an-email",
        "url": "not a web address",
    }.get(control.kind)


@dataclass
class Filled:
    data: dict[str, list[str]]
    typed: set[tuple[str, str]]  # what must be shown again
    mistake: str


def fill(form: Form) -> Filled | None:
    data: dict[str, list[str]] = {}
    typed: set[tuple[str, str]] = set()
    mistakes: list[str] = []

    def put(control: Control, value: str, *, shown: bool = True) -> None:
        data.setdefault(control.name, []).append(value)
        if shown and value:
            typed.add((control.name, value))

    for control in form.controls:
        kind = control.kind
        if kind == "hidden":
            put(control, control.value, shown=False)
        elif kind in {"file", "password", "reset"}:
            continue
        elif kind in {"checkbox", "radio"}:
            if control.name not in data:  # the first box or button of each name
                put(control, control.value)
        elif kind in {"select", "select-multiple"}:
            choices = [option for option in control.options if option]
            if choices:
                put(control, control.value or choices[0])
        elif kind in TYPED_KINDS:
            text = f"Typed {control.name} 7"
            limit = int(control.attrs.get("maxlength") or 0)
            put(control, text[:limit] if limit else text)
        elif (bad := invalid(control)) is not None:
            put(control, bad)
            mistakes.append(f"{control.name}={bad}")
        else:
            put(control, control.value or "")
    if not mistakes and form.method == "post":
        mistakes = _fallback_mistake(form, data, typed)
    if not mistakes:
        return None
    if form.submits:
        name, value = form.submits[0]
        data[name] = [value]
    return Filled(data=data, typed=typed, mistake=", ".join(mistakes))


def _fallback_mistake(
    form: Form, data: dict[str, list[str]], typed: set[tuple[str, str]]
) -> list[str]:
    """A mistake for a form without formatted fields: a required answer missing or not offered."""

    def blank(control: Control, value: str) -> None:
        typed.difference_update({(control.name, v) for v in data.get(control.name, [])})
        data[control.name] = [value] if value else []

    for control in form.controls:
        if control.required and control.kind == "file":
            return [f"{control.name}: no file chosen"]
    for control in form.controls:
        if control.required and control.kind in TYPED_KINDS:
            blank(control, "")
            return [f"{control.name} left empty"]
    for control in form.controls:
        several = len(form.named(control.name)) > 1
        if control.kind in {"select", "radio"} or (control.kind == "checkbox" and several):
            blank(control, "not-a-choice")
            return [f"{control.name}=not-a-choice"]
    return []


def _action_name(action: str, page: str) -> tuple[str, str]:
    url = action.split("#")[0] or page
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return url, ""
    return url, match.view_name


def _send(client: Client, method: str, url: str, data: dict[str, list[str]]) -> HttpResponse:
    with transaction.atomic():
        response: HttpResponse = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


@dataclass
class Walk:
    sent: list[str]
    failures: list[str]
    skipped: list[str]
    actions: set[str]
    pressed: list[str]


def walk(built: World) -> Walk:
    """As a user of every role in the owning organization, then in the sharing one."""
    result = Walk(sent=[], failures=[], skipped=[], actions=set(), pressed=[])
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for relation in (Relation.OWN, Relation.SHARED):
        user = staff_factory(roles=list(Role), organization=built.orgs[relation])
        _walk_as(signed_in(user), built, result, seen)
    return result


def _walk_as(
    client: Client, built: World, result: Walk, seen: set[tuple[str, str, frozenset[str]]]
) -> None:
    for page_name, page_url in staff_pages(built.objects):
        page = client.get(page_url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        html = page.content.decode()
        for form in forms_of(html):
            url, action = _action_name(form.action, page_url)
            if action not in STAFF:
                continue
            if form.method == "post":
                result.actions.add(action)
            key = (form.method, action, frozenset(c.name for c in form.controls))
            if key in seen:
                continue
            seen.add(key)
            where = f"{page_name} -> {form.method.upper()} {action}"
            filled = fill(form)
            if filled is None and _only_a_button(form):
                result.pressed.append(where)
                problem = _press(client, url, form)
                if problem:
                    result.failures.append(f"{where} (the button): {problem}")
                continue
            if filled is None:
                result.skipped.append(where)
                continue
            where += f" ({filled.mistake})"
            result.sent.append(where)
            with translation.override("en"):
                response = _send(client, form.method, url, filled.data)
            problem = _judge(response, html, filled)
            if problem:
                result.failures.append(f"{where}: {problem}")


def _only_a_button(form: Form) -> bool:
    return form.method == "post" and all(c.kind == "hidden" for c in form.controls)


def _press(client: Client, url: str, form: Form) -> str:
    """Send a form that is only a button, in Kinyarwanda: no server error, and an answer."""
    data = {control.name: [control.value] for control in form.controls}
    if form.submits:
        name, value = form.submits[0]
        url = form.formactions.get((name, value), url) or url
        data[name] = [value]
    url = re.sub(r"^/en/", "/rw/", url)
    response = _send(client, "post", url, data)
    if response.status_code >= 500 or response.status_code in (403, 404, 405):
        return f"got {response.status_code}"
    if response.status_code in (302, 303):
        return ""
    html = response.content.decode()
    if 'role="status"' not in html and 'role="alert"' not in html and not ERROR.search(html):
        return f"got {response.status_code} with no message"
    return ""


def _judge(response: HttpResponse, before: str, filled: Filled) -> str:
    if response.status_code not in (200, 400):
        where = response.get("Location", "")
        return f"got {response.status_code} {where}, expected the page again"
    html = response.content.decode()
    if len(ERROR.findall(html)) <= len(ERROR.findall(before)):
        return "no error message shown"
    lost = sorted(filled.typed - shown_values(html))
    if lost:
        return "lost what was typed: " + ", ".join(f"{name}={value!r}" for name, value in lost)
    return ""


@pytest.fixture(scope="module")
def walked(world: World, django_db_blocker: Any) -> Walk:  # noqa: F811 - the imported fixture
    with django_db_blocker.unblock(), transaction.atomic():
        result = walk(world)
        transaction.set_rollback(True)
    return result


@pytest.mark.django_db
def test_every_staff_form_keeps_its_input_on_invalid_data(walked: Walk) -> None:
    assert len(walked.sent) >= 20, walked.sent
    assert len(walked.pressed) >= 5, walked.pressed
    assert not walked.failures, (
        f"{len(walked.failures)} of {len(walked.sent)} forms lost the input or the error:\n"
        + "\n".join(walked.failures)
    )


@pytest.mark.django_db
def test_every_posted_staff_url_is_reached_by_a_form(walked: Walk) -> None:
    posted = {name for name in STAFF if isinstance(row := EXPECTED[name], Staff) and row.post}
    unreached = sorted(posted - walked.actions - set(NO_FORM))
    assert not unreached, (
        "staff URLs taking a POST that no form on any staff page sends to: "
        + ", ".join(unreached)
        + ". Give the page its form, or say in NO_FORM why there is nothing to type."
    )
