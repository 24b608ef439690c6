"""The programme's figures as tables: one builder feeds the dashboard, CSV, XLSX and print."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from tabara.awareness.choices import ActivityKind, AgeBand, Audience, Sex
from tabara.awareness.models import Activity
from tabara.awareness.selectors.knowledge import Learning, learning_by_activity, learning_of
from tabara.awareness.selectors.reach import Reach, reach_of
from tabara.core.spreadsheets import SafeCsvWriter, xlsx_append
from tabara.geo.selectors import district_choices


@dataclass(frozen=True)
class Table:
    """A titled table of rows (the first row is the header)."""

    key: str
    title: str
    rows: list[list[object]]


@dataclass(frozen=True)
class ProgrammeReport:
    """Everything the dashboard shows for a period."""

    since: date | None
    until: date | None
    reach: Reach
    learning: Learning
    tables: list[Table]


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def programme_report(
    activities: QuerySet[Activity], *, since: date | None, until: date | None
) -> ProgrammeReport:
    """Reach and learning of `activities`, as tables ready to show or export."""
    reach = reach_of(activities)
    ids = list(activities.values_list("id", flat=True))
    learning = learning_of(ids)
    names = dict(district_choices())
    kinds = dict(ActivityKind.choices)
    audiences = dict(Audience.choices)
    tables = [
        Table(
            "district",
            _("People reached by district"),
            _two(
                _("District"),
                [
                    (names.get(code, _("No district")), n)
                    for code, n in reach.by_district.most_common()
                ],
            ),
        ),
        Table(
            "month",
            _("People reached by month"),
            _two(_("Month"), sorted(reach.by_month.items())),
        ),
        Table(
            "kind",
            _("People reached by type of activity"),
            _two(_("Type"), [(str(kinds.get(k, k)), n) for k, n in reach.by_kind.most_common()]),
        ),
        Table(
            "audience",
            _("People reached by audience (an activity counts for each audience it targets)"),
            _two(
                _("Audience"),
                [(str(audiences.get(k, k)), n) for k, n in reach.by_audience.most_common()],
            ),
        ),
        Table("sex_age", _("People reached by sex and age"), _sex_age_rows(reach)),
        Table("learning", _("Knowledge gain by activity"), _learning_rows(activities, ids)),
    ]
    return ProgrammeReport(since, until, reach, learning, tables)


def _two(label: str, pairs: list[tuple[str, int]]) -> list[list[object]]:
    rows: list[list[object]] = [[label, _("People")]]
    rows.extend([name, n] for name, n in pairs)
    return rows


def _sex_age_rows(reach: Reach) -> list[list[object]]:
    sexes = [Sex.FEMALE, Sex.MALE, Sex.UNKNOWN]
    rows: list[list[object]] = [[_("Age"), *[str(s.label) for s in sexes], _("Total")]]
    for band in AgeBand:
        cells = [reach.by_sex_age.get((s.value, band.value), 0) for s in sexes]
        rows.append([str(band.label), *cells, sum(cells)])
    rows.append([_("Total"), *[reach.by_sex.get(s.value, 0) for s in sexes], reach.people])
    return rows


def _learning_rows(activities: QuerySet[Activity], ids: list[int]) -> list[list[object]]:
    titles = dict(activities.values_list("id", "title"))
    rows: list[list[object]] = [
        [
            _("Activity"),
            _("Pairs"),
            _("Mean pre-test %"),
            _("Mean post-test %"),
            _("Gain (points)"),
            _("95% interval"),
            _("Tell trafficking apart, after (%)"),
        ]
    ]
    for activity_id, item in learning_by_activity(ids).items():
        g = item.gain
        interval = f"{_fmt(g.low)} – {_fmt(g.high)}" if g.low is not None else ""
        rows.append(
            [
                titles.get(activity_id, ""),
                g.pairs,
                _fmt(g.mean_pre),
                _fmt(g.mean_post),
                _fmt(g.mean_gain),
                interval,
                _fmt(item.tell_apart_post.percent),
            ]
        )
    return rows


def report_csv(report: ProgrammeReport) -> bytes:
    """All tables in one CSV, each preceded by its title and followed by a blank line."""
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    for table in report.tables:
        writer.writerow([table.title])
        writer.writerows(table.rows)
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def report_xlsx(report: ProgrammeReport) -> bytes:
    """One worksheet per table."""
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for table in report.tables:
        sheet = book.create_sheet(table.key)
        xlsx_append(sheet, [table.title])
        for row in table.rows:
            xlsx_append(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
