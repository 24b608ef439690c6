"""Analyst pages: import lists, start runs, read clusters with evidence, review pairs."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.views import posted
from tabara.linkage import lists, selectors, services
from tabara.linkage.exports import cluster_rows, clusters_csv, clusters_xlsx
from tabara.linkage.forms import DecisionForm, MappingForm, RunForm, ThresholdForm, UploadForm
from tabara.linkage.models import ImportedList, LinkPair, LinkRun
from tabara.linkage.people import RecordView, records_view
from tabara.linkage.wording import evidence_rows, model_rows

CLUSTERS_SHOWN = 50
QUEUE_SHOWN = 10
REVIEWED_SHOWN = 50
PREVIEW_ROWS = 5


@require_http_methods(["GET", "POST"])
@staff_required(Perm.LINKAGE_RUN)
def list_index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["table"]
        try:
            imported = lists.list_upload(
                user=user,
                agency=form.cleaned_data["agency"],
                file_name=upload.name,
                content=upload.read(),
            )
        except lists.ListUnreadable as error:
            form.add_error("table", _("This file cannot be used: %(problem)s") % {"problem": error})
        else:
            return HttpResponseRedirect(reverse("linkage:list", args=[imported.pk]))
    return render(
        request,
        "linkage/lists.html",
        {"form": form, "lists": selectors.list_list_accessible(user)[:100]},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required(Perm.LINKAGE_RUN)
def list_detail(request: HttpRequest, list_id: int) -> HttpResponse:
    user = staff_user(request)
    imported = selectors.access_list_by_id(user, list_id)
    context: dict[str, Any] = {"list": imported}
    form = None
    if imported.status == ImportedList.Status.MAPPING:
        data = posted(request)
        initial = {k: str(v) for k, v in lists.mapping_guess(imported.columns).items()}
        form = MappingForm(data, columns=imported.columns, initial=initial)
        if data is not None and form.is_valid():
            lists.list_map(user=user, list_id=imported.pk, mapping=form.mapping())
            return HttpResponseRedirect(reverse("linkage:list", args=[imported.pk]))
        context["preview"] = [row[1:] for row in lists.pending_rows(imported)[:PREVIEW_ROWS]]
    elif request.method == "POST":
        return HttpResponseRedirect(reverse("linkage:list", args=[imported.pk]))
    context["form"] = form
    context["problems"] = [
        {"line": p["line"], "text": lists.problem_text(p)} for p in imported.problems[:500]
    ]
    status = 400 if form is not None and form.errors else 200
    return render(request, "linkage/list.html", context, status=status)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.LINKAGE_RUN)
def run_index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = RunForm(posted(request), lists=selectors.list_list_accessible(user))
    if request.method == "POST" and form.is_valid():
        run = services.link_run_create(
            user=user,
            data=services.RunInput(
                title=form.cleaned_data["title"],
                include_cases=form.cleaned_data["include_cases"],
                list_ids=tuple(item.pk for item in form.cleaned_data["lists"]),
                threshold=form.cleaned_data["threshold"],
            ),
        )
        return HttpResponseRedirect(reverse("linkage:run", args=[run.pk]))
    return render(
        request,
        "linkage/runs.html",
        {"form": form, "runs": selectors.run_list_accessible(user).prefetch_related("lists")[:100]},
        status=400 if form.errors else 200,
    )


def _pair_rows(
    pairs: list[LinkPair], views: dict[int, RecordView], decisions: dict[int, str]
) -> list[dict[str, Any]]:
    rows = []
    for pair in pairs:
        left, right = views[pair.left_id], views[pair.right_id]
        evidence = evidence_rows(pair.evidence)
        for item in evidence:
            item["left"] = left.values.get(item["comparison"], "")
            item["right"] = right.values.get(item["comparison"], "")
        rows.append(
            {
                "pair": pair,
                "left": left,
                "right": right,
                "evidence": evidence,
                "verdict": decisions.get(pair.pk, ""),
            }
        )
    return rows


def _quality_context(run: LinkRun, decisions: dict[int, str]) -> dict[str, Any]:
    return {"review": selectors.run_quality(run, decisions)}


@require_http_methods(["GET", "POST"])
@staff_required(Perm.LINKAGE_RUN)
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    user = staff_user(request)
    run = selectors.access_run_by_id(user, run_id)
    form = ThresholdForm(posted(request), initial={"threshold": run.threshold})
    if request.method == "POST" and form.is_valid() and run.status == LinkRun.Status.DONE:
        services.link_run_threshold_set(
            user=user, run_id=run.pk, threshold=form.cleaned_data["threshold"]
        )
        return HttpResponseRedirect(reverse("linkage:run", args=[run.pk]))
    context: dict[str, Any] = {"run": run, "form": form, "lists": list(run.lists.all())}
    if run.status == LinkRun.Status.DONE:
        context.update(_clusters_context(user, run))
        context["model"] = model_rows(run.model)
    return render(request, "linkage/run.html", context, status=400 if form.errors else 200)


def _clusters_context(user: User, run: LinkRun) -> dict[str, Any]:
    decisions = selectors.decisions_for(run)
    groups = selectors.run_clusters(run, limit=CLUSTERS_SHOWN)
    member_ids = [pk for group in groups for pk in group]
    records = list(run.records.filter(pk__in=member_ids))
    views = records_view(user, run, records)
    pairs = list(
        run.pairs.filter(left_id__in=member_ids, right_id__in=member_ids).order_by(
            "-match_probability"
        )
    )
    clusters = []
    for group in groups:
        inside = set(group)
        clusters.append(
            {
                "members": [views[pk] for pk in group],
                "pairs": _pair_rows(
                    [p for p in pairs if p.left_id in inside and p.right_id in inside],
                    views,
                    decisions,
                ),
            }
        )
    return {"clusters": clusters, **_quality_context(run, decisions)}


@require_http_methods(["GET", "POST"])
@staff_required(Perm.LINKAGE_RUN)
def run_review(request: HttpRequest, run_id: int) -> HttpResponse:
    user = staff_user(request)
    run = selectors.access_run_by_id(user, run_id)
    form = DecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.pair_decide(
            user=user,
            run_id=run.pk,
            pair_id=form.cleaned_data["pair"],
            verdict=form.cleaned_data["verdict"],
        )
        return HttpResponseRedirect(reverse("linkage:review", args=[run.pk]))
    decisions = selectors.decisions_for(run)
    queue = selectors.review_queue(run, decisions, limit=QUEUE_SHOWN)
    reviewed = selectors.reviewed_pairs(run, decisions, limit=REVIEWED_SHOWN)
    records = [r for pair in [*queue, *reviewed] for r in (pair.left, pair.right)]
    views = records_view(user, run, records)
    context = {
        "run": run,
        "form": form,
        "queue": _pair_rows(queue, views, decisions),
        "reviewed": _pair_rows(reviewed, views, decisions),
        **_quality_context(run, decisions),
    }
    return render(request, "linkage/review.html", context, status=400 if form.errors else 200)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
@staff_required(Perm.LINKAGE_RUN)
@transaction.atomic
def run_clusters_export(request: HttpRequest, run_id: int) -> HttpResponse:
    """The run's clusters as CSV or XLSX; the download is audited with what it held."""
    user = staff_user(request)
    run = selectors.access_run_by_id(user, run_id)
    fmt = request.GET.get("format", "csv")
    if fmt not in {"csv", "xlsx"} or run.status != LinkRun.Status.DONE:
        raise Http404
    rows = cluster_rows(user, run)
    audit_record(
        actor=user,
        action=AuditAction.LINKAGE_CLUSTERS_EXPORTED,
        target_type="link_run",
        target_id=run.pk,
        extra={"format": fmt, "records": len(rows) - 1, "names": len(rows[0]) > 4},
    )
    body = clusters_csv(rows) if fmt == "csv" else clusters_xlsx(rows)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="clusters-{run.pk}.{fmt}"'
    return response
