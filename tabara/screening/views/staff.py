"""The staff screening interview: a few decisive questions at a time, then the result."""

from __future__ import annotations

from dataclasses import replace

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.core.views import posted
from tabara.screening import services
from tabara.screening.engine import evaluate
from tabara.screening.explain import explain
from tabara.screening.forms import QuestionsForm, StartForm
from tabara.screening.interview import interview_choice
from tabara.screening.ruleset import load_ruleset
from tabara.screening.selectors import access_interview_by_id, interview_list_accessible

SHOWN = 5


def _lang() -> str:
    return get_language() or "rw"


@require_http_methods(["GET", "POST"])
@staff_required(Perm.SCREENING_RUN)
def interview_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = StartForm(posted(request))
    if request.method == "POST" and form.is_valid():
        report = request.POST.get("report", "")
        interview = services.screening_start(
            user=user,
            report_id=int(report) if report.isdigit() else None,
            subject=form.cleaned_data["subject"],
        )
        return HttpResponseRedirect(reverse("screening:interview", args=[interview.pk]))
    interviews = interview_list_accessible(user)[:100]
    return render(
        request,
        "screening/list.html",
        {"interviews": interviews, "form": form, "report": request.GET.get("report", "")},
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.SCREENING_RUN)
def interview(request: HttpRequest, interview_id: int) -> HttpResponse:
    user = staff_user(request)
    record = access_interview_by_id(user, interview_id)
    if record.status == record.Status.COMPLETED:
        return HttpResponseRedirect(reverse("screening:result", args=[record.pk]))
    ruleset = load_ruleset(record.ruleset_version)
    lang = _lang()
    answered = [ruleset.indicators[iid] for iid in record.answers]
    choice = interview_choice(record.answers, ruleset)
    upcoming = [ruleset.indicators[iid] for iid in choice.ranked[:SHOWN]]
    # Answers to questions not on this page (asked out of order) are accepted too.
    shown_ids = {q.id for q in [*upcoming, *answered]}
    extra = [
        ruleset.indicators[key[2:]]
        for key in request.POST
        if key.startswith("q_") and key[2:] in ruleset.indicators and key[2:] not in shown_ids
    ]
    form = QuestionsForm(
        posted(request), questions=[*upcoming, *answered, *extra], lang=lang, answers=record.answers
    )
    if request.method == "POST" and form.is_valid():
        record = services.screening_answers_save(
            user=user,
            interview_id=record.pk,
            answers=form.answers(),
            notes=request.POST.get("notes", "")[:4000],
        )
        if request.POST.get("action") == "finish":
            services.screening_complete(user=user, interview_id=record.pk)
            return HttpResponseRedirect(reverse("screening:result", args=[record.pk]))
        return HttpResponseRedirect(reverse("screening:interview", args=[record.pk]))
    assessment = replace(evaluate(record.answers, ruleset), next_questions=choice.ranked)
    preview = explain(assessment, lang, ruleset)
    return render(
        request,
        "screening/interview.html",
        {
            "record": record,
            "form": form,
            "upcoming": [form[f"q_{q.id}"] for q in upcoming],
            "answered": [form[f"q_{q.id}"] for q in answered],
            "preview": preview,
            "done": choice.done,
            # Answers given as "don't know" that would change the result if learned.
            "would_change": [
                {
                    "question": ruleset.indicators[iid].question.get(lang),
                    "answer": answer,
                    "outcome": ruleset.outcomes[outcome].label.get(lang),
                }
                for iid, answer, outcome in choice.would_change
            ],
            # Notes sent with answers that were refused come back as typed.
            "notes": request.POST.get("notes", "")[:4000]
            if request.method == "POST"
            else record.notes,
        },
        status=400 if form.errors else 200,
    )


@require_safe
@staff_required(Perm.SCREENING_RUN)
def result(request: HttpRequest, interview_id: int) -> HttpResponse:
    user = staff_user(request)
    record = access_interview_by_id(user, interview_id)
    ruleset = load_ruleset(record.ruleset_version)
    explained = explain(evaluate(record.answers, ruleset), _lang(), ruleset)
    return render(request, "screening/result.html", {"record": record, "x": explained})
