"""The public statistics page: the newest release, as it was released (no login, no script)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tabara.accounts.access import staff_required
from tabara.accounts.roles import Perm
from tabara.cases.choices import ExploitationType, Gender
from tabara.core.public import public_route
from tabara.geo.models import AdminUnit
from tabara.geo.provinces import province_name
from tabara.opendata.releases import BUDGET_NAME, DEFAULT_RELEASE, DEFAULT_TOTAL
from tabara.opendata.selectors import privacy_ledger, release_latest
from tabara.opendata.statistics import DIMENSIONS, EARLIER, NOT_RECORDED


def _labels() -> dict[str, dict[str, str]]:
    # The geography names provinces in English; their official names in each language.
    language = get_language() or "rw"
    provinces = {
        code: province_name(code, language, name)
        for code, name in AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE).values_list(
            "code", "name"
        )
    }
    not_recorded = _("Not recorded")
    return {
        "year": {EARLIER: _("Earlier years")},
        "province": {**provinces, NOT_RECORDED: not_recorded},
        "exploitation": {str(k): str(v) for k, v in ExploitationType.choices},
        "sex": {
            Gender.FEMININE: _("Female"),
            Gender.MASCULINE: _("Male"),
            NOT_RECORDED: not_recorded,
        },
        "age": {"48+": _("48 and over"), NOT_RECORDED: not_recorded},
    }


def _tables(stored: dict[str, Any]) -> list[dict[str, Any]]:
    titles = {
        "year": _("By year of registration"),
        "province": _("By province where the case was registered"),
        "exploitation": _("By type of exploitation"),
        "sex": _("By sex"),
        "age": _("By age group"),
    }
    labels = _labels()
    return [
        {
            "title": title,
            "rows": [
                (labels[dim].get(code, code.replace("--", "–")), value)
                for code, value in stored[dim]["cells"]
            ],
            "total": stored[dim]["total"],
        }
        for dim, title in titles.items()
        if dim in stored
    ]


@require_GET
@public_route(group="statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    """Counts of presumed victims, noisy and with small cells hidden, and the estimate."""
    release = release_latest()
    context: dict[str, Any] = {"release": release}
    if release is not None:
        context["tables"] = _tables(release.tables)
    return render(request, "opendata/statistics.html", context)


def _eps(value: Decimal | None) -> str:
    """An ε as written in the policy: 0.2, 1, 6.5 (no trailing zeros, never 1E+1)."""
    return "" if value is None else format(value.normalize(), "f")


@require_GET
@staff_required(Perm.OPEN_DATA_PUBLISH)
def releases(request: HttpRequest) -> HttpResponse:
    """The releases made, the ε each spent and what is left of the budget, and the policy."""
    found = privacy_ledger(BUDGET_NAME, len(DIMENSIONS))
    context: dict[str, Any] = {
        "ledger": found,
        "total": _eps(found.budget.total_epsilon) if found.budget else "",
        "spent": _eps(found.spent),
        "left": _eps(found.left),
        "lines": [
            {
                "line": line,
                "epsilon": _eps(line.spend.epsilon),
                "per_figure": _eps(line.per_figure),
                "left_after": _eps(line.left_after),
            }
            for line in found.lines
        ],
        "default_total": _eps(DEFAULT_TOTAL),
        "default_release": _eps(DEFAULT_RELEASE),
        "default_share": _eps(DEFAULT_RELEASE / len(DIMENSIONS)),
        "tables": len(DIMENSIONS),
        "exhausted": found.left is not None and found.left < DEFAULT_RELEASE,
    }
    return render(request, "opendata/releases.html", context)
