"""Staff pages of attachments: attach files to a case, open a file (each opening audited)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.attachments.forms import AttachmentForm, files_to_choose_again
from tabara.attachments.services import attachment_add_to_case, attachment_open
from tabara.cases.access import Purpose, access_case_by_id
from tabara.core.views import posted


@require_http_methods(["GET", "POST"])
@staff_required(Perm.CASE_OPEN)
def case_attach(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    form = AttachmentForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for file, name in form.cleaned_data["attachments"]:
                attachment_add_to_case(user=user, case_id=case.pk, file=file, name=name)
        return HttpResponseRedirect(reverse("cases:detail", args=[case.pk]) + "#files")
    return render(
        request,
        "attachments/case_attach.html",
        {"case": case, "form": form, "choose_again": files_to_choose_again(form)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
@staff_required(Perm.CASE_VIEW)
def attachment_download(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """The file's bytes under its real type; never cached, never run as a page."""
    opened = attachment_open(user=staff_user(request), attachment_id=attachment_id)
    attachment = opened.attachment
    response = HttpResponse(opened.data, content_type=attachment.content_type)
    disposition = "attachment" if attachment.kind == "pdf" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="file-{attachment.pk}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    return response
