"""The public self-check "Is this trafficking?": no login, nothing stored, no JavaScript.

It asks the questions of the staff interview, in the same order (`next_questions`), worded for
the public (`wording.py`: "Are you under 18?" rather than "Is the person under 18?").

Answers travel in hidden fields from one page to the next; the server keeps nothing.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from tabara.core.public import public_form_valid, public_route
from tabara.core.views import posted
from tabara.screening.engine import evaluate
from tabara.screening.explain import explain, teaching_texts
from tabara.screening.forms import QuestionsForm
from tabara.screening.interview import next_questions
from tabara.screening.ruleset import load_ruleset
from tabara.screening.services import clean_answers
from tabara.screening.wording import public_wording

PER_PAGE = 3
CARRIED = "a_"


@require_http_methods(["GET", "POST"])
@public_route(group="self-check")
def self_check(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "rw"
    ruleset = load_ruleset()
    wording = public_wording(ruleset)
    answers = clean_answers(
        {k.removeprefix(CARRIED): v for k, v in request.POST.items() if k.startswith(CARRIED)}
    )
    shown = list(next_questions(answers, PER_PAGE, ruleset))
    form = QuestionsForm(posted(request), questions=shown, lang=lang, wording=wording)
    accepted = request.method == "POST" and public_form_valid(request, form)
    if accepted:
        # Questions on the page that were left blank count as "don't know": the check moves on.
        answers.update({q.id: "unknown" for q in shown})
        answers.update(clean_answers(form.answers()))
        shown = list(next_questions(answers, PER_PAGE, ruleset))
        form = QuestionsForm(questions=shown, lang=lang, wording=wording)
    refused = getattr(request, "tabara_refusal", None) is not None
    finished = not refused and (request.POST.get("action") == "result" or not shown)
    context: dict[str, object] = {
        "answers": sorted(answers.items()),
        "count": sum(1 for v in answers.values() if v != "unknown"),
    }
    if finished and answers:
        context["x"] = explain(evaluate(answers, ruleset), lang, ruleset)
        context["teaching"] = teaching_texts(lang, ruleset)
        return render(request, "screening/check_result.html", context)
    context.update(form=form, step=len(answers) // PER_PAGE + 1)
    return render(request, "screening/check.html", context, status=400 if form.errors else 200)
