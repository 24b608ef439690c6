"""The public statistics page: the newest release, as it was released (no login, no script)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tabara.cases.choices import ExploitationType, Gender
from tabara.core.public import public_route
from tabara.geo.models import AdminUnit
from tabara.geo.provinces import province_name
from tabara.opendata.selectors import release_latest
from tabara.opendata.statistics import EARLIER, NOT_RECORDED


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
