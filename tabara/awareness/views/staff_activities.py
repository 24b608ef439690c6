"""Staff pages for activities: record, import attendance, count, test, see the gain."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.roles import Perm
from tabara.awareness import importing
from tabara.awareness.choices import ActivityKind, AgeBand, Audience, Phase, Sex
from tabara.awareness.forms.staff import ActivityForm, CountsForm, ImportForm, InvitesForm
from tabara.awareness.models import Activity
from tabara.awareness.selectors.activities import activity_detail
from tabara.awareness.selectors.knowledge import learning_of
from tabara.awareness.selectors.reach import activities_in, reach_of
from tabara.awareness.services import activities as services
from tabara.awareness.services import knowledge


def _activity(activity_id: int) -> Activity:
    try:
        return activity_detail(activity_id)
    except Activity.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def activity_list(request: HttpRequest) -> HttpResponse:
    activities = activities_in()[:300]
    reach = reach_of(activities_in())
    rows = [(a, reach.by_activity.get(a.pk, 0), ActivityKind(a.kind).label) for a in activities]
    return render(request, "awareness/staff/activity_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@staff_required(Perm.AWARENESS_MANAGE)
def activity_edit(request: HttpRequest, activity_id: int | None = None) -> HttpResponse:
    initial = {}
    if activity_id is not None:
        a = _activity(activity_id)
        initial = {
            "title": a.title,
            "kind": a.kind,
            "held_on": a.held_on,
            "district": a.district.code if a.district else "",
            "sector": a.sector.code if a.sector else "",
            "border_post": a.border_post.code if a.border_post else "",
            "venue": a.venue,
            "partners": a.partners,
            "facilitators": a.facilitators,
            "audiences": a.audiences,
            "materials": a.materials,
            "summary": a.summary,
            "is_public": a.is_public,
        }
    form = ActivityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        activity = services.activity_save(
            user=staff_user(request), data=form.to_input(), activity_id=activity_id
        )
        return HttpResponseRedirect(reverse("awareness:staff_activity", args=[activity.pk]))
    return render(
        request,
        "awareness/staff/activity_form.html",
        {"form": form, "activity_id": activity_id},
        status=400 if form.errors else 200,
    )


def _detail_page(
    request: HttpRequest,
    activity: Activity,
    *,
    report: services.ImportReport | None = None,
    import_form: ImportForm | None = None,
    invites: list[tuple[object, str]] | None = None,
    counts_form: CountsForm | None = None,
    invites_form: InvitesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    reach = reach_of(Activity.objects.filter(pk=activity.pk))
    counts: dict[str, object] = {f"{c.sex}__{c.age_band}": c.count for c in activity.counts.all()}
    if counts_form is not None:  # refused counts come back as they were typed
        counts = {name: counts_form.data.get(name, "") for name in counts_form.fields}
    test = getattr(activity, "knowledge_test", None)
    return render(
        request,
        "awareness/staff/activity_detail.html",
        {
            "activity": activity,
            "kind": ActivityKind(activity.kind).label,
            "audiences": [Audience(a).label for a in activity.audiences if a in Audience.values],
            "people": reach.people,
            "by_sex": [(Sex(s).label, n) for s, n in sorted(reach.by_sex.items())],
            "by_age": [(AgeBand(b).label, n) for b, n in sorted(reach.by_age.items())],
            "participants": activity.participants.select_related("district").order_by("number")[
                :500
            ],
            "grid": [
                (
                    sex.label,
                    [(f"{sex}__{band}", counts.get(f"{sex}__{band}", "")) for band in AgeBand],
                )
                for sex in (Sex.FEMALE, Sex.MALE, Sex.UNKNOWN)
            ],
            "import_form": import_form or ImportForm(),
            "report": report,
            "counts_form": counts_form,
            "invites_form": invites_form or InvitesForm(),
            "invites": invites,
            "questions": list(test.questions.order_by("id")) if test else [],
            "learning": learning_of([activity.pk]),
            "bands": list(AgeBand),
        },
        status=status,
    )


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def activity_view(request: HttpRequest, activity_id: int) -> HttpResponse:
    return _detail_page(request, _activity(activity_id))


@require_POST
@staff_required(Perm.AWARENESS_MANAGE)
def attendance_import(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(activity_id)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail_page(request, activity, import_form=form, status=400)
    upload = form.cleaned_data["file"]
    try:
        report = services.attendance_import(
            user=staff_user(request),
            activity=activity,
            filename=upload.name or "",
            data=upload.read(importing.MAX_BYTES + 1),
        )
    except importing.UnreadableFile as exc:
        form.add_error("file", str(exc))
        return _detail_page(request, activity, import_form=form, status=400)
    return _detail_page(request, _activity(activity_id), report=report)


@require_POST
@staff_required(Perm.AWARENESS_MANAGE)
def attendance_counts(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(activity_id)
    form = CountsForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, activity, counts_form=form, status=400)
    services.attendance_counts_set(
        user=staff_user(request), activity=activity, counts=form.counts()
    )
    return HttpResponseRedirect(reverse("awareness:staff_activity", args=[activity.pk]))


@require_POST
@staff_required(Perm.AWARENESS_MANAGE)
def test_invites(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Issue one-time codes; they are shown on this response only, to print or read out."""
    activity = _activity(activity_id)
    form = InvitesForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, activity, invites_form=form, status=400)
    issued = knowledge.invites_issue(
        user=staff_user(request), activity=activity, phase=Phase(form.cleaned_data["phase"])
    )
    return _detail_page(request, _activity(activity_id), invites=list(issued))


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def import_template(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    if fmt == "csv":
        response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            importing.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="attendance-template.{fmt}"'
    return response
