"""The agencies' statistics dashboard and its CSV and XLSX downloads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.accounts.selectors import organization_choices
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.dashboards.charts import bar_chart_svg
from tabara.dashboards.exporting import tables_csv, tables_xlsx
from tabara.dashboards.selectors import (
    Figures,
    Filters,
    Scope,
    statistics_figures,
    statistics_scope,
)
from tabara.dashboards.tables import Cell, Table, figure_tables, slowest, small, step_names
from tabara.geo.selectors import district_choices
from tabara.geo.svgmap import district_map_svg


@dataclass
class Query:
    """The filters as typed (shown back in the form) and as applied."""

    since: str
    until: str
    org: str
    district: str
    error: str
    filters: Filters


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _query(request: HttpRequest, scope: Scope) -> Query:
    typed = {k: request.GET.get(k, "")[:30] for k in ("since", "until", "org", "district")}
    since, until = _date(typed["since"]), _date(typed["until"])
    org_id = int(typed["org"]) if scope.national and typed["org"].isdigit() else None
    district = typed["district"] if typed["district"] in dict(district_choices()) else ""
    bad = (typed["since"] and since is None) or (typed["until"] and until is None)
    return Query(
        since=since.isoformat() if since else typed["since"],
        until=until.isoformat() if until else typed["until"],
        org=str(org_id or ""),
        district=district,
        error=_("One of the dates is not a real date (year-month-day); it was not applied.")
        if bad
        else "",
        filters=Filters(since=since, until=until, org_id=org_id, district=district),
    )


def _scope(user: User) -> Scope:
    scope = statistics_scope(user)
    if scope is None:  # staff_required(STATS_VIEW) lets no one else in: fail closed anyway
        raise Http404
    return scope


def _age(built_at: datetime) -> int:
    """Minutes since the snapshot was built (built_at is naive UTC)."""
    return max(0, int((timezone.now() - built_at.replace(tzinfo=UTC)).total_seconds() // 60))


Series = list[tuple[str, list[float | int | None]]]


def _numbers(cells: list[Cell]) -> list[float | int | None]:
    """A table's cells as chart values: None (suppressed) stays None, text counts as none."""
    return [c if isinstance(c, int | float) or c is None else None for c in cells]


def _charts(tables: list[Table], fig: Figures, scope: Scope) -> dict[str, str]:
    """One SVG per charted table (every text escaped by charts.py), keyed by table."""
    charts: dict[str, str] = {}
    described = _("The same figures are in the table after this chart.")
    for table in tables:
        if table.key == "district":  # drawn as the map
            continue
        options: dict[str, Any] = {"title": table.title, "description": described}
        if table.key == "age_sex":  # female, male, not specified; without the total row
            rows: Series = [(str(r[0]), _numbers(r[1:4])) for r in table.rows[:-1]]
            options["series"] = table.header[1:4]
        elif table.key == "path":  # the median days of every step but the first
            rows = [(str(r[0]), _numbers(r[2:3])) for r in table.rows[1:]]
            options.update(
                title=_("Median days at each step of the path"),
                highlight=step_names().get(slowest(fig.steps, scope), ""),
                highlight_note=_("(slowest)"),
                hidden="—",  # a median not shown, or none to take
            )
        else:
            rows = [(str(r[0]), _numbers(r[1:2])) for r in table.rows]
        svg = bar_chart_svg(rows, chart_id=f"chart-{table.key}", **options)
        charts[table.key] = mark_safe(svg)  # noqa: S308 - built by charts.py, every text escaped
    return charts


def _map(fig: Figures, scope: Scope) -> str:
    values = {c.key: c.cases for c in fig.by["district"] if c.key}
    texts = {k: ("<5" if small(v, scope) is None else str(v)) for k, v in values.items()}
    svg = district_map_svg(
        {k: v for k, v in values.items() if small(v, scope) is not None},
        title=_("Cases by district"),
        label=_("{name}: {value} cases"),
        texts=texts,
    )
    return mark_safe(svg)  # noqa: S308 - built by svgmap with every text escaped


@dataclass(frozen=True)
class Panel:
    """One table ready to show: its chart, and every cell already as text."""

    key: str
    title: str
    header: list[str]
    rows: list[tuple[str, list[str], bool]]  # label, cells, the slowest step
    chart: str
    wide: bool


def _panels(tables: list[Table], charts: dict[str, str], district_map: str) -> list[Panel]:
    hidden, none = _("fewer than 5"), "—"
    panels = []
    for table in tables:
        rows = []
        for label, *cells in table.rows:
            text = [
                (none if table.key == "path" and i == 1 else hidden) if cell is None else str(cell)
                for i, cell in enumerate(cells)
            ]
            rows.append((str(label), text, table.key == "path" and bool(cells[-1])))
        chart = district_map if table.key == "district" else charts.get(table.key, "")
        wide = table.key in {"month", "path", "age_sex"}
        panels.append(Panel(table.key, table.title, table.header, rows, chart, wide))
    return panels


@require_GET
@staff_required(Perm.STATS_VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    scope = _scope(user)
    query = _query(request, scope)
    fig = statistics_figures(scope, query.filters)
    context: dict[str, object] = {
        "query": query,
        "scope": scope,
        "figures": fig,
        "districts": district_choices(),
        "organizations": organization_choices() if scope.national else [],
        "own_org": user.organization,
    }
    if fig is not None:
        tables = figure_tables(fig, scope)
        context.update(
            panels=_panels(tables, _charts(tables, fig, scope), _map(fig, scope)),
            age_minutes=_age(fig.built_at),
            total_cases=small(fig.cases, scope),
            total_victims=small(fig.victims, scope),
        )
    status = 400 if query.error else 200
    return render(request, "dashboards/statistics.html", context, status=status)


def _download_record(user: User, scope: Scope, query: Query, fmt: str) -> None:
    """Who downloaded which figures, in what format (in the request's transaction)."""
    filters = query.filters
    audit_record(
        actor=user,
        action=AuditAction.STATISTICS_DOWNLOADED,
        target_type="case_statistics",
        extra={
            "format": fmt,
            "scope": "national" if scope.national else f"organization {scope.org_id}",
            "since": filters.since.isoformat() if filters.since else "",
            "until": filters.until.isoformat() if filters.until else "",
            "org": filters.org_id if scope.national and filters.org_id else "",
            "district": filters.district,
        },
    )


@require_GET
@staff_required(Perm.STATS_VIEW)
@transaction.atomic
def dashboard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    user = staff_user(request)
    scope = _scope(user)
    query = _query(request, scope)
    fig = statistics_figures(scope, query.filters)
    _download_record(user, scope, query, fmt)
    whose = _("every organization") if scope.national else str(user.organization)
    preamble = [
        _("Tabara case statistics"),
        _("Whose cases: %(whose)s") % {"whose": whose},
        _("Period: %(since)s to %(until)s")
        % {"since": query.since or "…", "until": query.until or "…"},
    ]
    if fig is None:
        preamble.append(_("The figures have not been computed yet."))
    else:
        preamble.append(
            _("Figures as of %(time)s UTC") % {"time": fig.built_at.strftime("%Y-%m-%d %H:%M")}
        )
    if not scope.exact:
        preamble.append(
            _("Counts from 1 to 4 are shown as <5 so that no person can be recognised.")
        )
    tables = figure_tables(fig, scope) if fig is not None else []
    if fmt == "csv":
        response = HttpResponse(
            tables_csv(preamble, tables), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            tables_xlsx(preamble, tables),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="case-statistics.{fmt}"'
    return response
