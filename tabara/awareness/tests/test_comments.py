"""Comments: held for moderation, email never shown, honeypot, rate limit, author deletes."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.awareness.models import Comment
from tabara.awareness.services.articles import email_key
from tabara.awareness.tests.factories import make_article
from tabara.notifications.models import Notification

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("db", "fresh_limits")

EMAIL = "visitor@example.org"


@pytest.fixture
def article(make_staff):
    return make_article(make_staff(roles=[Role.PROGRAMME_OFFICER]))


def post_comment(client: Client, article, **extra: str):
    data = {"name": "Grace", "email": EMAIL, "body": "Thank you for this.", **extra}
    return client.post(f"/en/news/{article.slug}/comment/", data)


def emailed_link(email: str = EMAIL) -> str:
    notification = Notification.objects.filter(event_key__startswith="comment").latest("id")
    assert notification.email == email
    match = re.search(r"https?://\S+", notification.body)
    assert match is not None
    # Links come from TABARA_SITE_URL (https://tabara.test in the test settings).
    return match.group(0).split("https://tabara.test", 1)[1]


def test_a_comment_waits_for_approval_and_never_shows_the_email(article, staff_client) -> None:
    visitor = Client()
    response = post_comment(visitor, article)
    assert response.status_code == 200
    assert b"will appear once a moderator" in response.content
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.email_hash == email_key(EMAIL.upper())
    assert b"Thank you for this." not in visitor.get(f"/en/news/{article.slug}/").content

    moderator, _user = staff_client(Role.PROGRAMME_OFFICER)
    queue = moderator.get("/en/staff/awareness/comments/")
    assert b"Thank you for this." in queue.content and EMAIL.encode() not in queue.content
    assert (
        moderator.post(f"/en/staff/awareness/comments/{comment.pk}/", {"status": "approved"})
    ).status_code == 302
    page = visitor.get(f"/en/news/{article.slug}/")
    assert b"Thank you for this." in page.content and EMAIL.encode() not in page.content
    assert AuditEvent.objects.filter(action="comment_moderated").count() == 1


@pytest.mark.parametrize("status", ["rejected", "spam"])
def test_rejected_and_spam_comments_stay_hidden(article, staff_client, status) -> None:
    post_comment(Client(), article)
    comment = Comment.objects.get()
    moderator, _user = staff_client(Role.PROGRAMME_OFFICER)
    moderator.post(f"/en/staff/awareness/comments/{comment.pk}/", {"status": status})
    comment.refresh_from_db()
    assert comment.status == status and comment.moderated_at is not None
    assert b"Thank you for this." not in Client().get(f"/en/news/{article.slug}/").content
    listed = moderator.get(f"/en/staff/awareness/comments/?status={status}")
    assert b"Thank you for this." in listed.content


def test_moderation_needs_the_permission(article, staff_client) -> None:
    post_comment(Client(), article)
    intake, _user = staff_client(Role.INTAKE_OFFICER)
    comment = Comment.objects.get()
    assert intake.get("/en/staff/awareness/comments/").status_code == 404
    assert (
        intake.post(f"/en/staff/awareness/comments/{comment.pk}/", {"status": "approved"})
    ).status_code == 404
    assert Comment.objects.get().status == "pending"


def test_missing_fields_are_explained_and_nothing_is_saved(article) -> None:
    response = Client().post(f"/en/news/{article.slug}/comment/", {"name": "", "email": "x"})
    assert response.status_code == 400
    assert b"Please write your name." in response.content
    assert b"This does not look like an email address." in response.content
    assert not Comment.objects.exists()


def test_the_honeypot_drops_bots_silently(article) -> None:
    response = post_comment(Client(), article, website="http://spam.example")
    assert response.status_code == 200 and not Comment.objects.exists()


def test_comments_are_rate_limited(article, settings) -> None:
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "awareness-comment": "2/m"}
    client = Client()
    statuses = [post_comment(client, article).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Comment.objects.count() == 2


def test_the_author_finds_and_deletes_their_comment_by_the_emailed_link(article) -> None:
    visitor = Client()
    post_comment(visitor, article)
    post_comment(visitor, article, email="someone.else@example.org", body="Other person")
    link = emailed_link("someone.else@example.org")
    mine = Notification.objects.filter(event_key__startswith="comment").earliest("id")
    found = re.search(r"https://tabara\.test(\S+)", mine.body)
    assert found is not None
    my_link = found.group(1)
    page = visitor.get(my_link)
    assert b"Thank you for this." in page.content and b"Other person" not in page.content
    other_id = Comment.objects.get(body="Other person").pk
    assert visitor.post(my_link, {"comment": str(other_id)}).status_code == 200
    assert Comment.objects.count() == 2  # someone else's comment cannot be deleted
    my_id = Comment.objects.get(body="Thank you for this.").pk
    done = visitor.post(my_link, {"comment": str(my_id)})
    assert b"Your comment was deleted." in done.content
    assert not Comment.objects.filter(pk=my_id).exists()
    assert AuditEvent.objects.filter(action="comment_deleted").count() == 1
    assert visitor.get(link[:-3] + "xx/").status_code == 404


def test_asking_for_the_link_again_says_the_same_for_any_address(article) -> None:
    post_comment(Client(), article)
    before = Notification.objects.count()
    for email in (EMAIL, "nobody@example.org"):
        response = Client().post("/en/comments/find/", {"email": email})
        assert b"If comments were written with this address" in response.content
    assert Notification.objects.count() == before + 1


def test_the_article_body_is_sanitized_and_falls_back_to_another_language(article) -> None:
    english = Client().get(f"/en/news/{article.slug}/")
    assert b"<strong>border officials</strong>" in english.content
    assert b"<script" not in english.content and b"alert(1)" not in english.content
    french = Client().get(f"/fr/news/{article.slug}/")
    assert b"Ibiganiro i Rubavu" in french.content  # falls back to Kinyarwanda


def test_drafts_are_not_public(make_staff) -> None:
    draft = make_article(make_staff(roles=[Role.PROGRAMME_OFFICER]), slug="draft", published=False)
    assert Client().get(f"/en/news/{draft.slug}/").status_code == 404
    assert Client().post(f"/en/news/{draft.slug}/comment/", {}).status_code == 404
