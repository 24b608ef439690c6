"""The public self-check "Is this trafficking?": no login, nothing stored, no JavaScript.

It asks the questions of the staff interview, in the same order (`interview_choice`), worded for
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
from tabara.screening.compiled import compiled
from tabara.screening.engine import evaluate
from tabara.screening.explain import explain, teaching_texts
from tabara.screening.forms import QuestionsForm
from tabara.screening.interview import interview_choice
from tabara.screening.model import Indicator, Ruleset
from tabara.screening.ruleset import load_ruleset
from tabara.screening.services import clean_answers
from tabara.screening.wording import public_wording

PER_PAGE = 3
CARRIED = "a_"


def page_of(answers: dict[str, str], ruleset: Ruleset) -> list[Indicator]:
    """The next questions of the interview, PER_PAGE to a page, in its order.

    A follow-up waits for the page after the question it presumes ("do you keep the money
    from sex work?" after "do you sell sex?"), so no one is asked about a situation that the
    same page may show is not theirs.
    """
    premise = compiled(ruleset).premise
    shown: list[Indicator] = []
    for iid in interview_choice(answers, ruleset).ranked:
        if iid in premise and premise[iid] not in answers:
            continue
        shown.append(ruleset.indicators[iid])
        if len(shown) == PER_PAGE:
            break
    return shown


@require_http_methods(["GET", "POST"])
@public_route(group="self-check")
def self_check(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "rw"
    ruleset = load_ruleset()
    wording = public_wording(ruleset)
    answers = clean_answers(
        {k.removeprefix(CARRIED): v for k, v in request.POST.items() if k.startswith(CARRIED)}
    )
    shown = page_of(answers, ruleset)
    form = QuestionsForm(posted(request), questions=shown, lang=lang, wording=wording)
    accepted = request.method == "POST" and public_form_valid(request, form)
    if accepted:
        # Questions on the page that were left blank count as "don't know": the check moves on.
        answers.update({q.id: "unknown" for q in shown})
        answers.update(clean_answers(form.answers()))
        shown = page_of(answers, ruleset)
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
