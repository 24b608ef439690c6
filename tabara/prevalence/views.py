"""Analyst pages: upload a table, follow the run, read, print and export the report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.core.spreadsheets import SafeCsvWriter
from tabara.core.views import posted
from tabara.linkage.models import LinkRun
from tabara.linkage.selectors import run_list_accessible
from tabara.prevalence import charts, services
from tabara.prevalence.caution_texts import caution_text
from tabara.prevalence.forms import EstimationForm
from tabara.prevalence.models import Estimation
from tabara.prevalence.selectors import access_estimation_by_id, estimation_list_accessible
from tabara.prevalence.wording import term_text


@require_http_methods(["GET", "POST"])
@staff_required(Perm.PREVALENCE_RUN)
def estimation_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = EstimationForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["table"]
        try:
            rows = services.rows_from_upload(upload.name, upload.read())
        except services.EstimationInputError as error:
            form.add_error(
                "table", _("This table cannot be used: %(problem)s") % {"problem": error}
            )
        else:
            estimation = services.estimation_create(
                user=user,
                title=form.cleaned_data["title"],
                file_name=upload.name[:200],
                rows=rows,
                method=form.cleaned_data["method"],
                threshold=form.cleaned_data["threshold"],
                bootstrap=form.cleaned_data["bootstrap"],
                seed=form.cleaned_data["seed"],
            )
            return HttpResponseRedirect(reverse("prevalence:detail", args=[estimation.pk]))
    return render(
        request,
        "prevalence/list.html",
        {
            "form": form,
            "estimations": estimation_list_accessible(user)[:100],
            "runs": run_list_accessible(user).filter(status=LinkRun.Status.DONE)[:20],
        },
        status=400 if form.errors else 200,
    )


@require_safe
@staff_required(Perm.PREVALENCE_RUN)
def estimation_detail(request: HttpRequest, estimation_id: int) -> HttpResponse:
    estimation = access_estimation_by_id(staff_user(request), estimation_id)
    context: dict[str, Any] = {"e": estimation, "r": estimation.result}
    if estimation.status == Estimation.Status.DONE:
        context.update(_charts(estimation.result))
        context["cautions"] = [caution_text(c) for c in estimation.result.get("cautions", [])]
        context["plain_terms"] = [term_text(t) for t in estimation.result.get("plain_terms", [])]
    template = "prevalence/print.html" if request.GET.get("print") else "prevalence/detail.html"
    return render(request, template, context)


@require_safe
@staff_required(Perm.PREVALENCE_RUN)
def estimation_export(request: HttpRequest, estimation_id: int) -> HttpResponse:
    estimation = access_estimation_by_id(staff_user(request), estimation_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="estimation-{estimation.pk}.csv"'
    writer = SafeCsvWriter(response)
    writer.writerow(["title", estimation.title])
    writer.writerow(["data_sha256", estimation.data_sha256])
    writer.writerow(["library", estimation.library_version])
    writer.writerow(["seed", estimation.seed])
    writer.writerow([])
    writer.writerow(
        [
            "method",
            "estimate",
            "dark_figure",
            "wald_low",
            "wald_high",
            "profile_low",
            "profile_high",
            "terms",
        ]
    )
    for row in estimation.result.get("sensitivity", []):
        wald = row["ci"].get("wald") or [None, None]
        profile = row["ci"].get("profile") or [None, None]
        writer.writerow(
            [
                row["method"],
                row["estimate"],
                row["dark_figure"],
                *wald,
                *profile,
                " ".join(row["terms"]),
            ]
        )
    ci = estimation.result.get("ci", {})
    for name in ("percentile", "bca"):
        if ci.get(name):
            writer.writerow([f"bootstrap_{name}", "", "", *ci[name]])
    return response


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    ci = result.get("ci", {})
    marks = {_("estimate"): result["estimate"]}
    if ci.get("bca"):
        marks.update({"BCa": ci["bca"][0], " ": ci["bca"][1]})
    rows = [
        (
            row["method"],
            row["estimate"],
            *(row["ci"].get("profile") or row["ci"].get("wald") or [None, None]),
        )
        for row in result.get("sensitivity", [])
    ]
    return {
        "histogram": charts.histogram_svg(
            result.get("histogram") or [], marks, label=_("Bootstrap distribution of the estimate")
        ),
        # The histogram's text alternative: its bars as a table, linked under the chart.
        "histogram_bins": result.get("histogram") or [],
        "sensitivity_chart": charts.intervals_svg(rows, label=_("Estimate by method")),
    }
