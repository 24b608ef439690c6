"""Staff pages for articles (Markdown with a preview) and comment moderation."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.awareness.choices import CommentStatus
from tabara.awareness.forms.staff import ArticleForm
from tabara.awareness.markup import render_markdown
from tabara.awareness.models import Article, Comment
from tabara.awareness.selectors.articles import articles_for_staff, comments_to_moderate
from tabara.awareness.services import articles as services

LANGS = ("rw", "en", "fr")


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def article_list(request: HttpRequest) -> HttpResponse:
    return render(request, "awareness/staff/article_list.html", {"articles": articles_for_staff()})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AWARENESS_MANAGE)
def article_edit(request: HttpRequest, article_id: int | None = None) -> HttpResponse:
    """Edit; the Preview button renders the sanitized HTML without saving."""
    initial: dict[str, object] = {}
    if article_id is not None:
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            raise Http404
        initial = {
            "slug": article.slug,
            "kind": article.kind,
            "published": bool(article.published_at),
        }
        for lang in LANGS:
            initial[f"title_{lang}"] = getattr(article, f"title_{lang}")
            initial[f"body_{lang}"] = getattr(article, f"body_{lang}")
    form = ArticleForm(request.POST or None, initial=initial)
    previews = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") != "preview":
            saved = services.article_save(
                user=staff_user(request),
                data=services.ArticleInput(
                    slug=data["slug"],
                    kind=data["kind"],
                    titles={lang: data[f"title_{lang}"] for lang in LANGS},
                    bodies={lang: data[f"body_{lang}"] for lang in LANGS},
                    published=data["published"],
                ),
                article_id=article_id,
            )
            return HttpResponseRedirect(reverse("awareness:staff_article", args=[saved.pk]))
        previews = [
            # Sanitized by nh3 in render_markdown.
            (lang, data[f"title_{lang}"], mark_safe(render_markdown(data[f"body_{lang}"])))  # noqa: S308
            for lang in LANGS
            if data[f"body_{lang}"]
        ]
    return render(
        request,
        "awareness/staff/article_form.html",
        {"form": form, "article_id": article_id, "previews": previews},
        status=400 if form.errors else 200,
    )


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def moderation(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", CommentStatus.PENDING)
    if status not in CommentStatus.values:
        status = CommentStatus.PENDING
    return render(
        request,
        "awareness/staff/moderation.html",
        {
            "comments": comments_to_moderate(status)[:200],
            "status": status,
            "statuses": CommentStatus.choices,
            "actions": [
                (CommentStatus.APPROVED, CommentStatus.APPROVED.label),
                (CommentStatus.REJECTED, CommentStatus.REJECTED.label),
                (CommentStatus.SPAM, CommentStatus.SPAM.label),
            ],
        },
    )


@require_POST
@staff_required(Perm.AWARENESS_MANAGE)
def moderate(request: HttpRequest, comment_id: int) -> HttpResponse:
    status = request.POST.get("status", "")
    if status not in CommentStatus.values:
        raise Http404
    try:
        services.comment_moderate(user=staff_user(request), comment_id=comment_id, status=status)
    except Comment.DoesNotExist as exc:
        raise Http404 from exc
    return HttpResponseRedirect(reverse("awareness:staff_moderation"))
