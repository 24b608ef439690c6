"""Changing language on a public form keeps what was typed, and sends nothing (issue #10).

The language buttons are read from the page as a browser reads them, and pressed the way
a browser presses a submit button: every field as the page holds it, plus that button.
"""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.awareness.models import Comment, Subscriber
from tabara.awareness.services.newsletter import subscriber_subscribe
from tabara.awareness.tests.factories import make_article
from tabara.awareness.tokens import make_token
from tabara.intake.models import Report, ReportMessage
from tabara.intake.services import followup_start
from tabara.intake.tests.factories import complete_form, submit_report
from tabara.intake.tests.test_refusals import CARRIER, form_token, shows_typed
from tests.html_forms import forms_of

BUDGET = 14 * 1024
TEXT = "A recruiter promised my cousin a job in a hotel abroad (synthetic)."


def press(client: Client, page: str, language: str) -> Any:
    """Submit the page's form with the language button for `language`, as a browser does."""
    button = ("language_switch", language)
    form = next(f for f in forms_of(page) if button in f.submits)
    data: dict[str, list[str]] = {}
    for control in form.controls:
        if control.kind == "file" or (
            control.kind in {"checkbox", "radio"} and not control.checked
        ):
            continue
        values = control.chosen if control.kind.startswith("select") else [control.value]
        data.setdefault(control.name, []).extend(values)
    data["language_switch"] = [language]
    return client.post(form.formactions[button], data)


@pytest.mark.django_db
def test_a_rate_limited_report_changes_language_with_its_text(geography) -> None:
    client = Client(REMOTE_ADDR=CARRIER)
    token = form_token(client)
    data = {**complete_form(what_happened=TEXT), "form_token": token}
    statuses = [client.post("/rw/report/", data).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.post("/rw/report/", data)
    page = refused.content.decode()
    assert refused.status_code == 429 and shows_typed(refused, TEXT)
    # No GET link in the header that would leave the page and drop the text.
    assert 'href="/fr/report/"' not in page and 'href="/en/report/"' not in page
    assert page.count('href="#language"') == 3 and 'id="language"' in page

    french = press(client, page, "fr")
    body = french.content.decode()
    assert french.status_code == 200
    assert '<html lang="fr">' in body
    assert "Signaler" in body  # the report form's title in French
    assert shows_typed(french, TEXT) and shows_typed(french, "Synthetic Travel Ltd")
    assert 'value="+250 722 000 999"' in body
    assert 'id="receipt"' not in body and 'role="alert"' not in body
    assert Report.objects.count() == 3  # the switch sent no report
    assert len(gzip.compress(french.content, 6)) <= BUDGET


@pytest.mark.django_db
def test_a_fresh_report_form_offers_the_languages_as_buttons_in_the_form(geography) -> None:
    page = Client().get("/en/report/").content.decode()
    (form,) = [f for f in forms_of(page) if f.method == "post"]
    assert ("language_switch", "rw") in form.submits and ("language_switch", "fr") in form.submits
    assert ("language_switch", "en") not in form.submits
    assert 'formaction="/rw/report/"' in page and "formnovalidate" in page
    # Enter in a field presses the form's first button: sending the report, not a language.
    assert page.index(">Send the report</button>") < page.index('name="language_switch"')


@pytest.mark.django_db
def test_the_follow_up_thread_changes_language_with_the_message_typed(geography) -> None:
    submitted = submit_report()
    token, _report = followup_start(typed_receipt=submitted.receipt)
    client = Client()
    typed = "Are you still looking for her? (synthetic)"
    data = {"token": token, "body": typed, "form_token": form_token(client, "/en/follow-up/")}
    page = client.post("/en/follow-up/thread/", {**data, "body": ""}).content.decode()
    page = re.sub(r'(<textarea name="body"[^>]*>)\s*(</textarea>)', rf"\1{typed}\2", page)
    assert typed in page  # the person typed it
    kinyarwanda = press(client, page, "rw")
    body = kinyarwanda.content.decode()
    assert kinyarwanda.status_code == 200
    assert '<html lang="rw">' in body and shows_typed(kinyarwanda, typed)
    assert ReportMessage.objects.count() == 0  # not sent
    assert 'id="status"' in body  # still the thread: the session was not ended


@pytest.mark.django_db
def test_a_language_switch_on_a_page_without_a_typed_form_writes_nothing() -> None:
    subscriber = subscriber_subscribe(
        email="reader@example.org", language="en", base_url="http://testserver"
    )
    path = f"/fr/newsletter/confirm/{make_token('confirm', subscriber.pk)}/"
    response = Client().post(path, {"language_switch": "fr"})
    assert response.status_code == 303 and response["Location"] == path
    assert Subscriber.objects.get().status == "pending"


@pytest.mark.django_db
def test_a_comment_being_written_changes_language_with_its_text(make_staff) -> None:
    article = make_article(make_staff(roles=[Role.PROGRAMME_OFFICER]))
    client = Client()
    page = client.get(f"/en/news/{article.slug}/").content.decode()
    typed = "Our youth group wants a session in Rubavu too (synthetic)."
    page = re.sub(r'(<textarea name="body"[^>]*>)\s*(</textarea>)', rf"\1{typed}\2", page)
    page = page.replace('name="name"', 'name="name" value="Grace Synthetic"', 1)
    kinyarwanda = press(client, page, "rw")
    body = kinyarwanda.content.decode()
    assert kinyarwanda.status_code == 200 and '<html lang="rw">' in body
    assert "Ibiganiro i Rubavu" in body  # the article, in Kinyarwanda
    assert shows_typed(kinyarwanda, typed) and 'value="Grace Synthetic"' in body
    assert Comment.objects.count() == 0
    # The page answers a POST: no header link leaves it with a GET that would lose the text.
    assert body.count('href="#language"') == 3


@pytest.mark.django_db
def test_the_receipt_page_and_the_newsletter_change_language_keeping_what_was_typed() -> None:
    client = Client()
    receipt = client.get("/en/follow-up/").content.decode()
    assert 'href="/fr/follow-up/"' not in receipt  # no link that drops the receipt typed
    receipt = receipt.replace('name="receipt"', 'name="receipt" value="1234 5678 9012 3456"', 1)
    french = press(client, receipt, "fr")
    page = french.content.decode()
    assert french.status_code == 200 and '<html lang="fr">' in page
    assert 'value="1234 5678 9012 3456"' in page and "Aucun signalement" not in page
    signup = client.get("/en/newsletter/").content.decode()
    assert 'href="/rw/newsletter/"' not in signup
    signup = signup.replace('name="email"', 'name="email" value="reader@example.org"', 1)
    kinyarwanda = press(client, signup, "rw")
    page = kinyarwanda.content.decode()
    assert kinyarwanda.status_code == 200 and '<html lang="rw">' in page
    assert 'value="reader@example.org"' in page and Subscriber.objects.count() == 0
