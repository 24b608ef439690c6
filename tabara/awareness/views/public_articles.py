"""Public articles and news, their comments, and the author's link to delete them."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tabara.awareness.forms.public import CommentForm, EmailOnlyForm
from tabara.awareness.markup import plain_text, render_markdown
from tabara.awareness.models import Article
from tabara.awareness.selectors.articles import (
    article_published,
    articles_published,
    comments_approved,
    comments_by_author,
)
from tabara.awareness.services import articles as services
from tabara.awareness.tokens import BadLink, read_token
from tabara.awareness.views.common import lang, site_base
from tabara.core.public import public_form_valid, public_route


@require_GET
@public_route(group="awareness-read")
def article_list(request: HttpRequest) -> HttpResponse:
    code = lang()
    items = [
        {
            "article": article,
            "title": article.title_in(code),
            "excerpt": plain_text(article.body_in(code)),
        }
        for article in articles_published()[:50]
    ]
    return render(request, "awareness/public/article_list.html", {"items": items})


def _article_page(
    request: HttpRequest, article: Article, form: CommentForm, *, posted: bool = False
) -> HttpResponse:
    code = lang()
    shown = article.language_for(code)
    return render(
        request,
        "awareness/public/article.html",
        {
            "article": article,
            "title": article.title_in(code),
            # Sanitized by nh3 in render_markdown: only an allow-list of tags survives.
            "body": mark_safe(render_markdown(article.body_in(code))),  # noqa: S308
            "shown_language": shown if shown != code else "",
            "comments": comments_approved(article),
            "form": form,
            "posted": posted,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@public_route(group="awareness-read")
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = article_published(slug)
    if article is None:
        raise Http404
    return _article_page(request, article, CommentForm())


@require_POST
@public_route(group="awareness-comment")
def comment_post(request: HttpRequest, slug: str) -> HttpResponse:
    article = article_published(slug)
    if article is None:
        raise Http404
    form = CommentForm(request.POST)
    if form.is_bot():
        return _article_page(request, article, CommentForm(), posted=True)
    if not public_form_valid(request, form):
        return _article_page(request, article, form)
    services.comment_post(
        article=article,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        body=form.cleaned_data["body"],
        language=lang(),
        base_url=site_base(),
    )
    return _article_page(request, article, CommentForm(), posted=True)


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-comment")
def comments_find(request: HttpRequest) -> HttpResponse:
    """Ask for the link to one's comments by email; the answer never says if any exist."""
    form = EmailOnlyForm(request.POST or None)
    sent = False
    if request.method == "POST" and public_form_valid(request, form):
        if not form.is_bot():
            services.comments_link_send(
                email=form.cleaned_data["email"], base_url=site_base(), language=lang()
            )
        sent = True
    return render(request, "awareness/public/comments_find.html", {"form": form, "sent": sent})


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-link", signed_url=True)
def comments_manage(request: HttpRequest, token: str) -> HttpResponse:
    """The author's own comments (any state), each with a delete button."""
    try:
        email_hash = str(read_token("comments", token))
    except BadLink:
        return render(request, "awareness/public/bad_link.html", status=404)
    deleted = False
    if request.method == "POST":
        try:
            comment_id = int(request.POST.get("comment", ""))
        except ValueError:
            comment_id = 0
        deleted = services.comment_delete(email_hash=email_hash, comment_id=comment_id)
    code = lang()
    comments = [
        {"comment": c, "title": c.article.title_in(code)} for c in comments_by_author(email_hash)
    ]
    return render(
        request,
        "awareness/public/comments_manage.html",
        {"comments": comments, "deleted": deleted},
    )
