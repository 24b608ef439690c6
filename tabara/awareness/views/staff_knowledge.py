"""Staff pages for knowledge tests: choose and write questions, key in paper answers."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.awareness.choices import Phase
from tabara.awareness.forms.public import AnswersForm
from tabara.awareness.forms.staff import QuestionForm
from tabara.awareness.models import Activity
from tabara.awareness.selectors.knowledge import question_bank
from tabara.awareness.services import knowledge
from tabara.awareness.views.common import lang


def _activity(activity_id: int) -> Activity:
    activity = Activity.objects.filter(pk=activity_id).first()
    if activity is None:
        raise Http404
    return activity


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AWARENESS_MANAGE)
def test_questions(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Tick the questions of the activity's test, or write a new one into the bank."""
    activity = _activity(activity_id)
    user = staff_user(request)
    test = knowledge.knowledge_test_for(activity=activity)
    form = QuestionForm(request.POST if request.POST.get("action") == "add" else None)
    knowledge.screening_questions()
    chosen = {str(pk) for pk in test.questions.values_list("id", flat=True)}
    choose_error = ""
    if request.method == "POST" and request.POST.get("action") == "choose":
        ticked = set(request.POST.getlist("question"))
        if ticked <= {str(q.pk) for q in question_bank()}:
            ids = [int(x) for x in ticked]
            knowledge.knowledge_test_set_questions(user=user, activity=activity, question_ids=ids)
            return HttpResponseRedirect(reverse("awareness:staff_activity", args=[activity.pk]))
        chosen = ticked  # the ticks come back as they were sent
        choose_error = _(
            "A ticked question is no longer in the bank: check the ticks and send again."
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = knowledge.question_create(
            user=user,
            prompt={"en": data["prompt_en"], "rw": data["prompt_rw"], "fr": data["prompt_fr"]},
            options=data["options"],
            answer=data["answer"],
            distinguishes=data["distinguishes"],
        )
        test.questions.add(question)
        return HttpResponseRedirect(reverse("awareness:staff_questions", args=[activity.pk]))
    code = lang()
    bank = [(q, q.text(code), str(q.pk) in chosen) for q in question_bank()]
    return render(
        request,
        "awareness/staff/questions.html",
        {"activity": activity, "bank": bank, "form": form, "error": choose_error},
        status=400 if form.errors or choose_error else 200,
    )


class PaperForm(AnswersForm):
    number = forms.IntegerField(label=gettext_lazy("Participant number"), min_value=1)
    phase = forms.ChoiceField(label=gettext_lazy("Test"), choices=Phase.choices)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AWARENESS_MANAGE)
def test_paper(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Key in one paper test, answer by answer; it is scored like a phone test."""
    activity = _activity(activity_id)
    test = knowledge.knowledge_test_for(activity=activity)
    questions = list(test.questions.order_by("id"))
    form = PaperForm(request.POST or None, questions=questions, lang=lang())
    saved = None
    if request.method == "POST" and form.is_valid():
        participant = activity.participants.filter(number=form.cleaned_data["number"]).first()
        if participant is None:
            form.add_error("number", _("No participant has this number on the register."))
        else:
            saved = knowledge.attempt_record(
                test=test,
                participant=participant,
                phase=form.cleaned_data["phase"],
                answers=form.answers(),
                user=staff_user(request),
            )
            form = PaperForm(questions=questions, lang=lang())
    return render(
        request,
        "awareness/staff/paper.html",
        {"activity": activity, "form": form, "saved": saved},
        status=400 if form.errors else 200,
    )
