"""Articles and news written by staff, and the comments visitors leave on them."""

from __future__ import annotations

from django.db import models

from tabara.awareness.choices import ArticleKind, CommentStatus
from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel, TimeStampedModel

LANGUAGES = ("rw", "en", "fr")


class Article(TimeStampedModel):
    """A public article in up to three languages (Markdown); missing languages fall back."""

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=8, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    title_rw = models.CharField(max_length=200, blank=True)
    title_en = models.CharField(max_length=200, blank=True)
    title_fr = models.CharField(max_length=200, blank=True)
    body_rw = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    body_fr = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    author = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.slug

    def language_for(self, lang: str) -> str:
        """The language to show: the one asked for if written, else rw, en, fr in turn."""
        for code in (lang, *LANGUAGES):
            if getattr(self, f"title_{code}", "") and getattr(self, f"body_{code}", ""):
                return code
        return lang if lang in LANGUAGES else "rw"

    def title_in(self, lang: str) -> str:
        return str(getattr(self, f"title_{self.language_for(lang)}"))

    def body_in(self, lang: str) -> str:
        return str(getattr(self, f"body_{self.language_for(lang)}"))


class Comment(EncryptedRowModel):
    """A visitor's comment on an article; shown only once approved. The email stays private."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    email = EncryptedTextField()
    email_hash = models.CharField(max_length=64, db_index=True)
    body = models.TextField()
    language = models.CharField(max_length=2, default="rw")
    status = models.CharField(
        max_length=8, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.article_id}"
