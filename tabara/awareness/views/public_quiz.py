"""Knowledge tests on a phone, opened with a one-time code: no account, no cookie."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from tabara.awareness.forms.public import AnswersForm, CodeForm
from tabara.awareness.services.knowledge import InviteInvalid, invite_answer, invite_open
from tabara.awareness.views.common import lang
from tabara.core.public import public_form_valid, public_route


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-test")
def quiz_start(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and public_form_valid(request, form):
        code = form.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")
        try:
            invite_open(code=code)
        except InviteInvalid:
            form.add_error("code", CodeForm.invalid_message())
        else:
            return HttpResponseRedirect(reverse("awareness:quiz", args=[code]))
    status = 400 if form.errors else 200
    return render(request, "awareness/public/quiz_code.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@public_route(group="awareness-test")
def quiz(request: HttpRequest, code: str) -> HttpResponse:
    try:
        invite = invite_open(code=code)
    except InviteInvalid:
        return render(request, "awareness/public/bad_link.html", status=404)
    questions = list(invite.test.questions.order_by("id"))
    form = AnswersForm(request.POST or None, questions=questions, lang=lang())
    if request.method == "POST" and public_form_valid(request, form):
        try:
            invite_answer(code=code, answers=form.answers())
        except InviteInvalid:  # pragma: no cover - the code was used by a parallel request
            return render(request, "awareness/public/bad_link.html", status=404)
        return render(request, "awareness/public/quiz_done.html")
    return render(
        request,
        "awareness/public/quiz.html",
        {"form": form, "invite": invite, "activity": invite.test.activity},
    )
