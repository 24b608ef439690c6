"""Analyst page: the hidden number from a link run at several thresholds; publish one."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.core.views import posted
from tabara.linkage.models import LinkRun
from tabara.linkage.selectors import access_run_by_id
from tabara.prevalence.forms import LinkedPublishForm
from tabara.prevalence.linked import MIN_LISTS, linked_estimates, linked_publish, run_lists
from tabara.prevalence.mse import MSEError


@require_http_methods(["GET", "POST"])
@staff_required(Perm.PREVALENCE_RUN)
def linked_run(request: HttpRequest, run_id: int) -> HttpResponse:
    user = staff_user(request)
    run = access_run_by_id(user, run_id)  # the run's organization, analysts who may link
    done = run.status == LinkRun.Status.DONE
    available = run_lists(run) if done else []
    chosen = [name for name in request.GET.getlist("lists") if name in available] or available
    data = posted(request)
    if data is not None:
        chosen = [name for name in data.getlist("lists") if name in available] or chosen
    estimates = linked_estimates(run, chosen) if done else []
    too_few = done and len(chosen) < MIN_LISTS
    # The publish form is on the page once the run has finished; a POST before then is
    # refused in words at the top of the page, never as errors of fields that are not on it.
    can_publish = done
    error = ""
    if data is not None and not can_publish:
        error = _("Nothing can be published yet: the link run has not finished.")
    form = LinkedPublishForm(
        data if can_publish else None,
        thresholds=[e.threshold for e in estimates if e.estimate is not None],
        lists=available,
        initial={"lists": chosen, "threshold": str(run.threshold), "title": run.title},
    )
    if can_publish and form.is_valid():
        try:
            estimation = linked_publish(
                user=user,
                run=run,
                threshold=form.cleaned_data["threshold"],
                lists=form.cleaned_data["lists"],
                title=form.cleaned_data["title"],
            )
        except MSEError as error:
            form.add_error(
                "threshold",
                _("This estimate cannot be published: %(problem)s") % {"problem": error},
            )
        else:
            return HttpResponseRedirect(reverse("prevalence:detail", args=[estimation.pk]))
    context = {
        "run": run,
        "done": done,
        "estimates": estimates,
        "available": available,
        "chosen": chosen,
        "too_few": too_few,
        "form": form,
        "error": error,
    }
    status = 400 if form.errors or error else 200
    return render(request, "prevalence/linked.html", context, status=status)
