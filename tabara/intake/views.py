"""Web adapters of the intake app: the public report and follow-up pages, the staff inbox."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.attachments.forms import files_to_choose_again
from tabara.attachments.selectors import attachments_of_report
from tabara.attachments.services import attachments_add_to_report
from tabara.core.public import public_form_valid, public_route
from tabara.core.views import posted
from tabara.intake import services
from tabara.intake.choices import Channel, ReportStatus
from tabara.intake.forms import (
    InboxFilterForm,
    ReceiptForm,
    ReporterMessageForm,
    ReportForm,
    StaffReplyForm,
)
from tabara.intake.inbox import INBOX_ROWS, inbox_rows_label, report_page_labels
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_display
from tabara.intake.selectors import InboxFilters, report_inbox, report_thread
from tabara.screening.selectors import interviews_for_report


@require_http_methods(["GET", "POST"])
@public_route(group="report-submit")
def report_new(request: HttpRequest) -> HttpResponse:
    form = ReportForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and public_form_valid(request, form):
        with transaction.atomic():  # the report and its files, or neither
            submitted = services.report_submit(channel=Channel.WEB, data=form.to_input())
            attachments_add_to_report(
                report=submitted.report, files=form.cleaned_data["attachments"]
            )
        return render(
            request,
            "intake/receipt.html",
            {
                "receipt": receipt_display(submitted.receipt),
                "reference": submitted.report.reference,
            },
        )
    status = 400 if form.is_bound else 200
    context = {"form": form, "choose_again": files_to_choose_again(form)}
    return render(request, "intake/report_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@public_route(group="receipt-guess")
def followup(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(posted(request))
    if request.method == "POST" and public_form_valid(request, form):
        try:
            token, report = services.followup_start(typed_receipt=form.cleaned_data["receipt"])
        except services.ReceiptNotFound:
            form.add_error("receipt", _("No report has this receipt. Check the 16 digits."))
        else:
            # A message typed before the session ran out comes back, ready to send.
            kept = ReporterMessageForm(initial={"token": token, "body": _typed_message(request)})
            return _thread_page(request, token, report, form=kept)
    return render(
        request,
        "intake/followup_form.html",
        {"form": form, "body": _typed_message(request)},
        status=400 if form.is_bound else 200,
    )


def _typed_message(request: HttpRequest) -> str:
    return request.POST.get("body", "")[:2000] if request.method == "POST" else ""


@require_http_methods(["GET", "POST"])
@public_route(group="followup-thread")
def followup_thread(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":  # a reload or a shared address: the thread needs the receipt
        return HttpResponseRedirect(reverse("intake:followup"))
    form = ReporterMessageForm(request.POST)
    token = request.POST.get("token", "")[:100]
    accepted = public_form_valid(request, form)
    try:
        report = services.followup_resume(token=token)
    except services.FollowupExpired:
        context = {"form": ReceiptForm(), "expired": True, "body": _typed_message(request)}
        return render(request, "intake/followup_form.html", context, status=401)
    if accepted and request.POST.get("end"):
        services.followup.followup_end(token=token)
        return render(request, "intake/followup_form.html", {"form": ReceiptForm(), "ended": True})
    sent = False
    if accepted and form.cleaned_data["body"]:
        services.reporter_message_post(report=report, body=form.cleaned_data["body"])
        form = ReporterMessageForm(initial={"token": token})
        sent = True
    return _thread_page(request, token, report, form=form, sent=sent)


def _thread_page(
    request: HttpRequest,
    token: str,
    report: Report,
    *,
    form: ReporterMessageForm | None = None,
    sent: bool = False,
) -> HttpResponse:
    return render(
        request,
        "intake/followup_thread.html",
        {
            "report": report,
            "status_label": ReportStatus(report.status).label,
            "messages_list": report_thread(report),
            "form": form or ReporterMessageForm(initial={"token": token}),
            "token": token,
            "sent": sent,
        },
        status=200 if form is None or not form.errors else 400,
    )


@staff_required(Perm.REPORT_VIEW)
def inbox(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = InboxFilterForm(request.GET or None)
    filters = InboxFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = InboxFilters(
            status=data["status"], channel=data["channel"], district_code=data["district"]
        )
    reports = list(report_inbox(user, filters)[:INBOX_ROWS])
    inbox_rows_label(reports, now=timezone.now())
    return render(
        request,
        "intake/inbox.html",
        {
            "form": form,
            "reports": reports,
            "limit": INBOX_ROWS,
            # Links are built from a prefix: reverse() per row costs more than the query.
            "report_url": reverse("intake:report_detail", args=[0]).removesuffix("0/"),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.REPORT_VIEW)
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    user = staff_user(request)
    form = StaffReplyForm(posted(request))
    if request.method == "POST":
        if request.POST.get("action") == "review" and user.can(Perm.REPORT_REVIEW):
            services.report_mark_reviewed(user=user, report_id=report_id)
            return HttpResponseRedirect(reverse("intake:report_detail", args=[report_id]))
        if user.can(Perm.REPORT_REPLY) and form.is_valid():
            services.report_reply(user=user, report_id=report_id, body=form.cleaned_data["body"])
            return HttpResponseRedirect(reverse("intake:report_detail", args=[report_id]))
    report = services.report_view(user=user, report_id=report_id)
    screenings = list(interviews_for_report(user, report.pk))
    return render(
        request,
        "intake/report_detail.html",
        {
            "report": report,
            "labels": report_page_labels(report, screenings),
            "screenings": screenings,
            "messages_list": report_thread(report),
            "attachments": attachments_of_report(report.pk),
            "form": form,
            "can_reply": user.can(Perm.REPORT_REPLY),
            "can_review": user.can(Perm.REPORT_REVIEW),
        },
        status=400 if form.errors else 200,
    )
