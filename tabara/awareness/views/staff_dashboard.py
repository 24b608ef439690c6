"""The programme dashboard, its exports (CSV, XLSX) and the printable report."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tabara.accounts.access import staff_required
from tabara.accounts.roles import Perm
from tabara.awareness.choices import ActivityKind
from tabara.awareness.reporting import ProgrammeReport, programme_report, report_csv, report_xlsx
from tabara.awareness.selectors.reach import activities_in
from tabara.geo.svgmap import district_map_svg


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _report(request: HttpRequest) -> tuple[ProgrammeReport, dict[str, str]]:
    typed = {key: request.GET.get(key, "")[:30] for key in ("since", "until")}
    since = _date(typed["since"])
    until = _date(typed["until"])
    kind = request.GET.get("kind", "")
    if kind not in ActivityKind.values:
        kind = ""
    report = programme_report(
        activities_in(since=since, until=until, kind=kind), since=since, until=until
    )
    query = {
        # A date that is not one comes back as typed, with the error; it filters nothing.
        "since": since.isoformat() if since else typed["since"],
        "until": until.isoformat() if until else typed["until"],
        "kind": kind,
        "error": _("One of the dates is not a real date (year-month-day); it was not applied.")
        if (typed["since"] and since is None) or (typed["until"] and until is None)
        else "",
    }
    return report, query


def _context(report: ProgrammeReport, query: dict[str, str]) -> dict[str, object]:
    svg = district_map_svg(
        dict(report.reach.by_district),
        title=_("People reached by district"),
        label=_("{name}: {value} people reached"),
    )
    return {
        "report": report,
        "query": query,
        # Built by svgmap with every text escaped.
        "map": mark_safe(svg),  # noqa: S308
        "kinds": ActivityKind.choices,
        "gain": report.learning.gain,
        "learning": report.learning,
        "months": _bars(report.tables[1].rows[1:]),
    }


def _bars(rows: list[list[object]]) -> list[tuple[object, object, int]]:
    top = max((int(str(r[1])) for r in rows), default=0) or 1
    return [(r[0], r[1], round(100 * int(str(r[1])) / top)) for r in rows]


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def dashboard(request: HttpRequest) -> HttpResponse:
    report, query = _report(request)
    status = 400 if query["error"] else 200
    return render(request, "awareness/staff/dashboard.html", _context(report, query), status=status)


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def dashboard_print(request: HttpRequest) -> HttpResponse:
    """A print-styled page for partners and donors (Print → Save as PDF)."""
    report, query = _report(request)
    return render(request, "awareness/staff/report_print.html", _context(report, query))


@require_GET
@staff_required(Perm.AWARENESS_MANAGE)
def dashboard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    report, _query = _report(request)
    if fmt == "csv":
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            report_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="awareness-report.{fmt}"'
    return response
