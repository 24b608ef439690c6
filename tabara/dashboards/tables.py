"""The dashboard's figures as titled tables: one builder feeds the page, CSV, XLSX and print.

Disclosure control happens here: where the reader may not open the cases counted (an
analyst's national view, or a reader without case access), a count from 1 to 4 is shown
as "fewer than 5" and a median over fewer than 5 cases is not shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tabara.accounts.selectors import organization_names
from tabara.cases.choices import ExploitationType, Gender, RecruitmentChannel
from tabara.dashboards.bands import CODES as BAND_CODES
from tabara.dashboards.bands import UNKNOWN as BAND_UNKNOWN
from tabara.dashboards.selectors import Figures, Scope, Step
from tabara.geo.countries import country_name
from tabara.geo.provinces import province_name
from tabara.geo.selectors import district_choices, units_at_level

SMALL = 5
Cell = int | float | str | None  # None: suppressed


@dataclass(frozen=True)
class Table:
    """A titled table: a header row, then rows whose first cell names them."""

    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]]


def small(n: int, scope: Scope) -> int | None:
    """The count as it may be shown to this reader."""
    return None if not scope.exact and 0 < n < SMALL else n


def days(hours: float | None) -> float | None:
    return None if hours is None else round(hours / 24, 1)


def slowest(steps: list[Step], scope: Scope) -> str:
    """The step whose shown median time is the longest ('' when none is shown)."""
    shown = [(s.median_hours, s.key) for s in steps if _median(s, scope) is not None]
    return max(shown)[1] if shown else ""


def _median(step: Step, scope: Scope) -> float | None:
    if step.median_hours is None or (not scope.exact and step.timed < SMALL):
        return None
    return days(step.median_hours)


def step_names() -> dict[str, str]:
    return {
        "report": _("Report received"),
        "case": _("Case opened"),
        "referral": _("Referred to a partner"),
        "accepted": _("Referral accepted"),
        "service": _("Service started"),
    }


def _counts(
    key: str, title: str, label: str, names: dict[str, str], fig: Figures, scope: Scope
) -> Table:
    rows: list[list[Cell]] = [
        [
            names.get(c.key, c.key) or _("Not recorded"),
            small(c.cases, scope),
            small(c.victims, scope),
        ]
        for c in fig.by[key]
    ]
    return Table(key, title, [label, _("Cases"), _("Victims")], rows)


def figure_tables(fig: Figures, scope: Scope) -> list[Table]:
    """Every table of the dashboard, in the reader's language."""
    language = get_language() or "en"
    provinces = {
        code: province_name(code, language, name)
        for code, name in units_at_level("province").values_list("code", "name")
    }
    countries = {c.key: country_name(c.key, language) for c in fig.by["country"] if c.key}
    tables = [
        _counts(
            "month", _("Cases and victims by month the case was opened"), _("Month"), {}, fig, scope
        ),
        *([_organizations(fig, scope)] if scope.national else []),
        _counts(
            "province", _("Cases and victims by province"), _("Province"), provinces, fig, scope
        ),
        _counts(
            "district",
            _("Cases and victims by district"),
            _("District"),
            dict(district_choices()),
            fig,
            scope,
        ),
        _counts(
            "exploitation",
            _("Cases and victims by type of exploitation"),
            _("Type of exploitation"),
            {k: str(v) for k, v in ExploitationType.choices},
            fig,
            scope,
        ),
        _counts(
            "channel",
            _("Cases and victims by recruitment channel"),
            _("Recruitment channel"),
            {k: str(v) for k, v in RecruitmentChannel.choices},
            fig,
            scope,
        ),
        _counts(
            "country",
            _("Cases and victims by destination country"),
            _("Destination country"),
            countries,
            fig,
            scope,
        ),
        age_sex_table(fig, scope),
        path_table(fig, scope),
    ]
    return tables


def _organizations(fig: Figures, scope: Scope) -> Table:
    ids = [int(c.key) for c in fig.by["org"]]
    names = {str(pk): name for pk, name in organization_names(ids).items()}
    title = _("Cases and victims by owning organization")
    return _counts("org", title, _("Organization"), names, fig, scope)


def age_sex_table(fig: Figures, scope: Scope) -> Table:
    sexes = [Gender.FEMININE, Gender.MASCULINE, Gender.UNKNOWN]
    rows: list[list[Cell]] = []
    for band in BAND_CODES:
        cells = [fig.age_sex.get((band, s.value), 0) for s in sexes]
        label = _("Age not recorded") if band == BAND_UNKNOWN else band
        rows.append([label, *[small(n, scope) for n in cells], small(sum(cells), scope)])
    totals = [sum(n for (_b, s), n in fig.age_sex.items() if s == sex.value) for sex in sexes]
    rows.append([_("Total"), *[small(n, scope) for n in totals], small(sum(totals), scope)])
    return Table(
        "age_sex",
        _("Victims by age group and sex"),
        [_("Age group (years)"), *[str(s.label) for s in sexes], _("Total")],
        rows,
    )


def path_table(fig: Figures, scope: Scope) -> Table:
    names = step_names()
    slow = slowest(fig.steps, scope)
    rows: list[list[Cell]] = []
    for step in fig.steps:
        rows.append(
            [
                names[step.key],
                small(step.cases, scope),
                _median(step, scope),
                names.get(step.measured_from, ""),
                _("slowest step") if step.key == slow else "",
            ]
        )
    return Table(
        "path",
        _("From report to case, referral and service"),
        [_("Step"), _("Cases"), _("Median time (days)"), _("Measured from"), ""],
        rows,
    )
