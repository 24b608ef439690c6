"""Reads of articles and comments."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tabara.awareness.choices import CommentStatus
from tabara.awareness.models import Article, Comment


def articles_published() -> QuerySet[Article]:
    """Published articles, newest first, with their number of approved comments."""
    return (
        Article.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
        .annotate(approved=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)))
        .order_by("-published_at", "-id")
    )


def article_published(slug: str) -> Article | None:
    """The published article with this address, or None (drafts are never public)."""
    return articles_published().filter(slug=slug).first()


def comments_approved(article: Article) -> QuerySet[Comment]:
    """The comments shown under an article, oldest first."""
    return Comment.objects.filter(article=article, status=CommentStatus.APPROVED).order_by(
        "created_at", "id"
    )


def comments_by_author(email_hash: str) -> QuerySet[Comment]:
    """Every comment written with one email address (found by its keyed hash)."""
    return (
        Comment.objects.filter(email_hash=email_hash)
        .select_related("article")
        .order_by("-created_at", "-id")
    )


def comments_to_moderate(status: str = CommentStatus.PENDING) -> QuerySet[Comment]:
    """Comments in one moderation state, oldest first, with their article."""
    return Comment.objects.filter(status=status).select_related("article").order_by("created_at")


def articles_for_staff() -> QuerySet[Article]:
    """Every article, drafts included, with its pending comments counted."""
    return Article.objects.annotate(
        pending=Count("comments", filter=Q(comments__status=CommentStatus.PENDING))
    ).order_by("-updated_at", "-id")
