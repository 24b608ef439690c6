"""Staff pages for the newsletter: subscribers (personal data, audited) and issues."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import IssueStatus
from tabara.awareness.forms.staff import IssueForm
from tabara.awareness.markup import render_markdown
from tabara.awareness.models import NewsletterIssue
from tabara.awareness.selectors.newsletter import issues_list, subscriber_totals, subscribers_list
from tabara.awareness.services import newsletter as services
from tabara.awareness.views.common import site_base

LANGS = ("rw", "en", "fr")


@require_GET
@staff_required(Perm.SUBSCRIBERS_VIEW)
def subscribers(request: HttpRequest) -> HttpResponse:
    """The list of addresses: reading it is audited like any read of personal data."""
    rows = list(subscribers_list()[:1000])
    audit_record(
        actor=staff_user(request),
        action=AuditAction.SUBSCRIBERS_VIEWED,
        target_type="subscriber",
        extra={"rows": len(rows)},
    )
    return render(
        request,
        "awareness/staff/subscribers.html",
        {"subscribers": rows, "totals": subscriber_totals()},
    )


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def issue_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awareness/staff/issue_list.html",
        {"issues": issues_list(), "totals": subscriber_totals()},
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AWARENESS_MANAGE)
def issue_edit(request: HttpRequest, issue_id: int | None = None) -> HttpResponse:
    """Write, preview, test-send and send an issue. Sent issues are read-only."""
    user = staff_user(request)
    issue = None
    initial: dict[str, object] = {}
    if issue_id is not None:
        issue = NewsletterIssue.objects.filter(pk=issue_id).first()
        if issue is None:
            raise Http404
        for lang in LANGS:
            initial[f"subject_{lang}"] = getattr(issue, f"subject_{lang}")
            initial[f"body_{lang}"] = getattr(issue, f"body_{lang}")
    action = request.POST.get("action", "")
    if request.method == "POST" and issue is not None and action in {"send", "resume"}:
        services.issue_send_start(user=user, issue_id=issue.pk, base_url=site_base())
        return HttpResponseRedirect(reverse("awareness:staff_issues"))
    editable = issue is None or issue.status == IssueStatus.DRAFT
    form = IssueForm(request.POST or None, initial=initial)
    previews = []
    test_sent = False
    if request.method == "POST" and editable and form.is_valid():
        data = form.cleaned_data
        if action == "preview":
            previews = [
                (lang, data[f"subject_{lang}"], mark_safe(render_markdown(data[f"body_{lang}"])))  # noqa: S308 - sanitized by nh3
                for lang in LANGS
                if data[f"body_{lang}"]
            ]
        else:
            issue = services.issue_save(
                user=user,
                data=services.IssueInput(
                    subjects={lang: data[f"subject_{lang}"] for lang in LANGS},
                    bodies={lang: data[f"body_{lang}"] for lang in LANGS},
                ),
                issue_id=issue.pk if issue else None,
            )
            if action == "test":
                test_sent = services.issue_test_send(
                    user=user, issue_id=issue.pk, base_url=site_base()
                )
            else:
                return HttpResponseRedirect(reverse("awareness:staff_issue", args=[issue.pk]))
    return render(
        request,
        "awareness/staff/issue_form.html",
        {
            "form": form,
            "issue": issue,
            "editable": editable,
            "previews": previews,
            "test_sent": test_sent,
            "totals": subscriber_totals(),
        },
        status=400 if form.errors else 200,
    )
