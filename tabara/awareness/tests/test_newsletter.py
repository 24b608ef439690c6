"""Newsletter: double opt-in, one-click unsubscribe, and sending exactly once after a crash."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.awareness import outbox
from tabara.awareness.models import IssueDelivery, NewsletterIssue, Subscriber
from tabara.awareness.services import newsletter
from tabara.awareness.tasks import newsletter_deliver_task
from tabara.awareness.tokens import make_token
from tabara.notifications.models import Notification

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("db", "fresh_limits")

EMAIL = "reader@example.org"


def link_in(notification: Notification) -> str:
    # Links come from TABARA_SITE_URL (https://tabara.test in the test settings).
    match = re.search(r"https://tabara\.test(/\S+)", notification.body)
    assert match is not None
    return match.group(1)


def subscribe(client: Client, email: str = EMAIL, language: str = "fr") -> None:
    response = client.post("/en/newsletter/", {"email": email, "language": language})
    assert response.status_code == 200 and b'id="sent"' in response.content


def test_double_opt_in_needs_the_emailed_link(db) -> None:
    visitor = Client()
    subscribe(visitor)
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.language) == ("pending", "fr")
    mail = Notification.objects.get(event_key__startswith="subscriber-confirm")
    assert mail.email == EMAIL and "/fr/newsletter/confirm/" in mail.body
    link = link_in(mail)
    assert visitor.get(link).status_code == 200  # a mail scanner's GET confirms nothing
    assert Subscriber.objects.get().status == "pending"
    with translation.override("fr"):
        subscribed = gettext("You are subscribed")
    assert subscribed != "You are subscribed"  # the French page speaks French
    assert subscribed in visitor.post(link).content.decode()
    assert Subscriber.objects.get().status == "confirmed"
    subscribe(visitor)  # signing up again changes nothing and sends nothing
    assert Notification.objects.filter(event_key__startswith="subscriber-confirm").count() == 1


def test_confirmation_links_expire_and_cannot_be_forged(db) -> None:
    subscribe(Client())
    link = link_in(Notification.objects.get())
    assert Client().post(link.replace("/confirm/", "/confirm/x")).status_code == 404
    with time_machine.travel("2099-01-01", tick=False):
        assert Client().post(link).status_code == 404
    assert Subscriber.objects.get().status == "pending"


def test_the_sign_up_form_checks_the_address_and_traps_bots(db) -> None:
    bad = Client().post("/en/newsletter/", {"email": "not-an-address", "language": "en"})
    assert bad.status_code == 400 and b"does not look like an email" in bad.content
    Client().post("/en/newsletter/", {"email": EMAIL, "language": "en", "website": "x"})
    assert not Subscriber.objects.exists()


def confirmed(n: int, language: str = "en") -> list[Subscriber]:
    people = []
    for i in range(n):
        subscriber = newsletter.subscriber_subscribe(
            email=f"reader{i}@example.org", language=language, base_url="https://tabara.test"
        )
        people.append(newsletter.subscriber_confirm(token=make_token("confirm", subscriber.pk)))
    return people


def make_issue(user) -> NewsletterIssue:
    return newsletter.issue_save(
        user=user,
        data=newsletter.IssueInput(
            subjects={"en": "November news", "fr": "Nouvelles de novembre"},
            bodies={"en": "Trainings in **Rubavu**.", "fr": "Formations à Rubavu."},
        ),
    )


def test_every_issue_email_carries_one_click_unsubscribe(make_staff) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    (reader,) = confirmed(1, "fr")
    issue = make_issue(officer)
    newsletter.issue_send_start(user=officer, issue_id=issue.pk, base_url="https://tabara.test")
    newsletter_deliver_task.call(issue.pk)
    mail = Notification.objects.get(event_key=f"newsletter:{issue.pk}")
    assert mail.subject == "Nouvelles de novembre" and "Formations à Rubavu." in mail.body
    url = mail.headers["List-Unsubscribe"].strip("<>")
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url.split("https://tabara.test", 1)[1] == link_in(mail)
    # A mail program's one-click POST (RFC 8058) comes without an Origin header.
    response = Client().post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == "unsubscribed"
    assert AuditEvent.objects.filter(action="subscriber_changed").count() == 3


def test_unsubscribed_and_pending_readers_get_nothing(make_staff) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    stays, leaves = confirmed(2)
    newsletter.subscriber_subscribe(email="pending@example.org", language="en", base_url="http://t")
    newsletter.subscriber_unsubscribe(token=make_token("unsubscribe", leaves.pk))
    issue = make_issue(officer)
    newsletter.issue_send_start(user=officer, issue_id=issue.pk, base_url="https://tabara.test")
    assert newsletter_deliver_task.call(issue.pk) == 1
    assert list(IssueDelivery.objects.values_list("subscriber_id", flat=True)) == [stays.pk]


def test_a_crash_mid_send_then_a_resume_mails_everyone_exactly_once(
    make_staff, monkeypatch
) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    readers = confirmed(7)
    issue = make_issue(officer)
    newsletter.issue_send_start(user=officer, issue_id=issue.pk, base_url="https://tabara.test")
    real = outbox.email_enqueue
    calls = {"n": 0}

    def crashing(**kwargs):
        calls["n"] += 1
        if calls["n"] == 5:  # the worker dies in the middle of the second batch
            raise SystemExit("worker killed")
        return real(**kwargs)

    monkeypatch.setattr(newsletter, "email_enqueue", crashing)
    assert newsletter.issue_deliver_batch(issue_id=issue.pk, batch_size=3) == 3
    with pytest.raises(SystemExit):
        newsletter.issue_deliver_batch(issue_id=issue.pk, batch_size=3)
    # The second batch rolled back whole: neither ledger rows nor emails for it remain.
    assert IssueDelivery.objects.count() == 3
    assert Notification.objects.filter(event_key=f"newsletter:{issue.pk}").count() == 3

    monkeypatch.setattr(newsletter, "email_enqueue", real)
    assert newsletter_deliver_task.call(issue.pk) == 4  # the resume sends only the rest
    assert newsletter_deliver_task.call(issue.pk) == 0  # and running it again sends nothing
    sent = Notification.objects.filter(event_key=f"newsletter:{issue.pk}")
    assert sorted(n.email for n in sent) == sorted(r.email for r in readers)
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_at is not None


def test_the_outbox_never_mails_the_same_issue_twice_to_one_address(make_staff) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    (reader,) = confirmed(1)
    issue = make_issue(officer)
    newsletter.issue_send_start(user=officer, issue_id=issue.pk, base_url="https://tabara.test")
    newsletter_deliver_task.call(issue.pk)
    # Even if the ledger were lost, the outbox's own key refuses a second email.
    IssueDelivery.objects.all().delete()
    NewsletterIssue.objects.filter(pk=issue.pk).update(status="sending")
    newsletter_deliver_task.call(issue.pk)
    assert Notification.objects.filter(event_key=f"newsletter:{issue.pk}").count() == 1
    assert reader.pk


def test_staff_compose_preview_test_send_and_send(
    staff_client, django_capture_on_commit_callbacks
) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    user.email = "diane@example.org"
    user.save(update_fields=["email"])
    confirmed(2)
    form = {"subject_en": "Hello", "body_en": "A **bold** <script>x</script> start."}
    preview = client.post("/en/staff/awareness/newsletter/new/", {**form, "action": "preview"})
    assert b"<strong>bold</strong>" in preview.content and b"<script>x" not in preview.content
    assert not NewsletterIssue.objects.exists()
    saved = client.post("/en/staff/awareness/newsletter/new/", {**form, "action": "save"})
    issue = NewsletterIssue.objects.get()
    assert saved["Location"].endswith(f"/newsletter/{issue.pk}/")
    test = client.post(saved["Location"], {**form, "action": "test"})
    assert b"A test was sent" in test.content
    assert Notification.objects.get(event_key__startswith="newsletter-test").email == (
        "diane@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(saved["Location"], {"action": "send"})
    issue.refresh_from_db()
    assert issue.status == "sending"
    assert DBTaskResult.objects.filter(task_path__endswith="newsletter_deliver_task").count() == 1
    # Every link mailed is absolute, on the configured site, whatever host the staff used.
    newsletter_deliver_task.call(issue.pk)
    mails = Notification.objects.filter(event_key__startswith="newsletter")
    assert mails.count() == 3
    for mail in mails:
        links = re.findall(r"https?://[^/\s>]+", mail.body + mail.headers["List-Unsubscribe"])
        assert links and set(links) == {"https://tabara.test"}
    assert client.post(saved["Location"], {**form, "action": "save"}).status_code == 200
    issue.refresh_from_db()
    assert issue.subject_en == "Hello"


def test_only_staff_with_the_permission_see_subscribers_and_it_is_audited(staff_client) -> None:
    confirmed(1)
    officer, _user = staff_client(Role.PROGRAMME_OFFICER)
    page = officer.get("/en/staff/awareness/subscribers/")
    assert b"reader0@example.org" in page.content
    assert AuditEvent.objects.filter(action="subscribers_viewed").count() == 1
    for role in (Role.ANALYST, Role.INTAKE_OFFICER, Role.ADMINISTRATOR):
        other, _u = staff_client(role)
        assert other.get("/en/staff/awareness/subscribers/").status_code == 404
    assert Client().get("/en/staff/awareness/subscribers/").status_code == 302
