"""Writing articles, and the life of a comment: posted, moderated, deleted by its author."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import CommentStatus
from tabara.awareness.models import Article, Comment
from tabara.awareness.outbox import email_enqueue
from tabara.awareness.tokens import make_token
from tabara.core.crypto import keyed_hash


def email_key(email: str) -> str:
    """The keyed hash that finds an email address without decrypting any row."""
    return keyed_hash(email.strip().lower(), purpose="email")


@dataclass(frozen=True)
class ArticleInput:
    """An article as staff write it: Markdown bodies per language, published or not."""

    slug: str
    kind: str
    titles: dict[str, str]
    bodies: dict[str, str]
    published: bool


@transaction.atomic
def article_save(*, user: User, data: ArticleInput, article_id: int | None = None) -> Article:
    """Create or update an article; publishing stamps the time once, unpublishing clears it."""
    article = (
        Article(author=user)
        if article_id is None
        else Article.objects.select_for_update().get(pk=article_id)
    )
    article.slug = data.slug
    article.kind = data.kind
    for lang in ("rw", "en", "fr"):
        setattr(article, f"title_{lang}", data.titles.get(lang, ""))
        setattr(article, f"body_{lang}", data.bodies.get(lang, ""))
    if data.published and article.published_at is None:
        article.published_at = timezone.now()
    if not data.published:
        article.published_at = None
    article.full_clean()
    article.save()
    audit_record(
        actor=user,
        action=AuditAction.ARTICLE_SAVED,
        target_type="article",
        target_id=article.pk,
        extra={"published": data.published},
    )
    return article


def comments_link(*, email: str, base_url: str, language: str) -> str:
    """The emailed link that lists, and lets the author delete, every comment of `email`."""
    token = make_token("comments", email_key(email))
    return f"{base_url.rstrip('/')}/{language}/comments/{token}/"


def _mail_comments_link(*, event_key: str, email: str, base_url: str, language: str) -> None:
    link = comments_link(email=email, base_url=base_url, language=language)
    with translation.override(language):
        subject = _("Your comments on Tabara")
        body = render_to_string("awareness/email/comments_link.txt", {"link": link})
    email_enqueue(event_key=event_key, to=email, subject=subject, body=body)


@transaction.atomic
def comment_post(
    *, article: Article, name: str, email: str, body: str, language: str, base_url: str
) -> Comment:
    """Hold a new comment for moderation and email its author the link to delete it."""
    comment = Comment(
        article=article,
        name=name.strip(),
        email=email.strip(),
        email_hash=email_key(email),
        body=body.strip(),
        language=language,
    )
    comment.full_clean()
    comment.save()
    audit_record(
        actor=None,
        action=AuditAction.COMMENT_POSTED,
        target_type="comment",
        target_id=comment.pk,
    )
    _mail_comments_link(
        event_key=f"comment-posted:{comment.pk}", email=email, base_url=base_url, language=language
    )
    return comment


@transaction.atomic
def comments_link_send(*, email: str, base_url: str, language: str) -> None:
    """Email the manage link if `email` has comments; say nothing either way (no probing)."""
    if not Comment.objects.filter(email_hash=email_key(email)).exists():
        return
    day = timezone.now().date().isoformat()
    _mail_comments_link(
        event_key=f"comments-link:{day}", email=email, base_url=base_url, language=language
    )


@transaction.atomic
def comment_moderate(*, user: User, comment_id: int, status: str) -> Comment:
    """Approve, reject or mark a comment as spam; only approved comments are shown."""
    comment = Comment.objects.select_for_update().get(pk=comment_id)
    comment.status = CommentStatus(status)
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderated_at"])
    audit_record(
        actor=user,
        action=AuditAction.COMMENT_MODERATED,
        target_type="comment",
        target_id=comment.pk,
        extra={"status": status},
    )
    return comment


@transaction.atomic
def comment_delete(*, email_hash: str, comment_id: int) -> bool:
    """Delete a comment at its author's request (proved by the signed link); False if gone."""
    deleted, _rows = Comment.objects.filter(pk=comment_id, email_hash=email_hash).delete()
    if deleted:
        audit_record(
            actor=None,
            action=AuditAction.COMMENT_DELETED,
            target_type="comment",
            target_id=comment_id,
        )
    return bool(deleted)
