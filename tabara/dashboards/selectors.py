"""Aggregates of cases and victims, read from the analytic snapshot (snapshot.py).

`statistics_scope(user)` decides whose cases a user may see counted; `statistics_figures()`
answers every aggregate of the dashboard in three queries over the snapshot, whatever the
number of cases. The figures are raw counts: disclosure control is the caller's
(tables.py hides small cells where the reader could not open the cases). The SQL
is assembled from this module's constants only; every value is a bound parameter.
Reusable by other readers of case statistics (the open-data exports).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.dashboards.snapshot import day_start, snapshot_path

# The dimensions counted for cases and victims, in the order of the grouping sets.
DIMENSIONS = ("month", "org", "province", "district", "exploitation", "channel", "country")
# How long each step took, measured from the step named here (service: from the opening,
# because a service may start without any referral, provided by the owner itself).
MEASURED_FROM = {"case": "report", "referral": "case", "accepted": "referral", "service": "case"}


@dataclass(frozen=True)
class Scope:
    """Whose cases a user sees counted: one organization's, or every one's (national)."""

    org_id: int | None
    # Exact small counts only for a reader who may open these cases anyway.
    exact: bool

    @property
    def national(self) -> bool:
        return self.org_id is None


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters; empty means 'any'. `until` is inclusive."""

    since: date | None = None
    until: date | None = None
    org_id: int | None = None
    district: str = ""


@dataclass(frozen=True)
class Count:
    key: str
    cases: int
    victims: int


@dataclass(frozen=True)
class Step:
    """One step of the path: how many cases reached it and the median time it took."""

    key: str
    cases: int
    median_hours: float | None
    measured_from: str
    timed: int  # how many cases the median is over


@dataclass
class Figures:
    built_at: datetime
    cases: int
    victims: int
    reports: int | None  # reports are national: counted only in a national scope
    by: dict[str, list[Count]] = field(default_factory=dict)
    age_sex: dict[tuple[str, str], int] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)


def statistics_scope(user: User) -> Scope | None:
    """None without stats.view; national with stats.national; else the user's organization.

    A supervisor sees their organization's own cases counted exactly (they may open every
    one of them); an analyst sees every organization's, small counts hidden.
    """
    if not user.can(Perm.STATS_VIEW):
        return None
    if user.can(Perm.STATS_NATIONAL):
        return Scope(org_id=None, exact=False)
    return Scope(org_id=user.organization_id, exact=user.can(Perm.CASE_VIEW))


_lock = threading.Lock()
_open: dict[str, Any] = {}
# The figures of the latest snapshot, per scope and filters: a snapshot never changes once
# built, so the same question gets the same answer until the next refresh replaces it.
CACHED = 64
_answers: OrderedDict[tuple[Scope, Filters], Figures] = OrderedDict()


def _open_snapshot(path: Path) -> duckdb.DuckDBPyConnection:
    """The snapshot attached read-only to a database of its own.

    `duckdb.connect(path)` would hand back the database already open at that path (DuckDB
    keeps one instance per path in a process), i.e. the replaced snapshot, not the new one.
    """
    con = duckdb.connect(":memory:")
    quoted = str(path).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS snapshot (READ_ONLY)")
    return con


def _connection() -> tuple[duckdb.DuckDBPyConnection, str] | None:
    """A read-only cursor on the current snapshot (reopened when it was replaced), and the
    snapshot's identity; a new snapshot empties the cache of figures.

    The replaced snapshot's connection is closed only at the next replacement (closing it
    closes its cursors, which requests in other threads may still be reading).
    """
    path: Path = snapshot_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    key = f"{path}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"
    with _lock:
        if _open.get("key") != key:
            retired = _open.get("retired")
            if retired is not None:
                retired.close()
            _open["retired"] = _open.get("con")
            _open["con"] = _open_snapshot(path)
            _open["key"] = key
            _answers.clear()
        cursor = _open["con"].cursor()
    cursor.execute("USE snapshot")
    return cursor, key


def figures_forget() -> None:
    """Empty the cache of figures (the benchmark times uncached answers with it)."""
    with _lock:
        _answers.clear()


def _where(scope: Scope, filters: Filters, *, time: str = "opened") -> tuple[str, list[Any]]:
    """The WHERE clause of the scope and filters, with its parameters."""
    conditions: list[str] = ["TRUE"]
    params: list[Any] = []
    org = scope.org_id if not scope.national else filters.org_id
    if org is not None:
        conditions.append("org = ?")
        params.append(org)
    if filters.district:
        conditions.append("district = ?")
        params.append(filters.district)
    if filters.since:
        conditions.append(f"{time} >= ?")
        params.append(day_start(filters.since))
    if filters.until:
        conditions.append(f"{time} < ?")
        params.append(day_start(filters.until + timedelta(days=1)))
    return " AND ".join(conditions), params


def _counts(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> Figures:
    sets = ", ".join(f"({d})" for d in DIMENSIONS)
    rows = con.execute(
        f"SELECT GROUPING({', '.join(DIMENSIONS)}) AS g, {', '.join(DIMENSIONS)}, "  # noqa: S608
        f"count(*), coalesce(sum(victims), 0) FROM cases WHERE {where} "
        f"GROUP BY GROUPING SETS ({sets}, ())",
        params,
    ).fetchall()
    (built_at,) = con.execute("SELECT built_at FROM meta").fetchone() or (None,)
    figures = Figures(built_at=built_at, cases=0, victims=0, reports=None)
    figures.by = {d: [] for d in DIMENSIONS}
    everything = (1 << len(DIMENSIONS)) - 1
    for row in rows:
        grouping, values, cases, victims = row[0], row[1:-2], int(row[-2]), int(row[-1])
        if grouping == everything:
            figures.cases, figures.victims = cases, victims
            continue
        for i, dimension in enumerate(DIMENSIONS):
            if not grouping & (1 << (len(DIMENSIONS) - 1 - i)):
                figures.by[dimension].append(Count(str(values[i] or ""), cases, victims))
    for dimension, counts in figures.by.items():
        if dimension == "month":
            counts.sort(key=lambda c: c.key)
        else:
            counts.sort(key=lambda c: (-c.cases, c.key))
    return figures


# Each step: the flag of the cases that reached it and the column of its time (None: the
# first step, or every case), with that time's unit in hours.
STEP_COLUMNS = {
    "report": ("from_report", None, 0.0),
    "case": ("TRUE", "to_case", 1 / 3600),
    "referral": ("referred", "to_referral", 1 / 3600),
    "accepted": ("accepted", "to_accepted", 1 / 3600),
    "service": ("served", "to_service", 24.0),
}


def _steps(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[Step]:
    parts = []
    for flag, duration, _unit in STEP_COLUMNS.values():
        parts.append(f"count_if({flag})")
        parts.append(f"median({duration}), count({duration})" if duration else "NULL, 0")
    query = f"SELECT {', '.join(parts)} FROM cases WHERE {where}"  # noqa: S608
    row = con.execute(query, params).fetchone() or ()
    steps = []
    for i, (key, (_flag, _duration, unit)) in enumerate(STEP_COLUMNS.items()):
        reached, median, timed = row[3 * i], row[3 * i + 1], row[3 * i + 2]
        hours = None if median is None else float(median) * unit
        steps.append(Step(key, int(reached or 0), hours, MEASURED_FROM.get(key, ""), int(timed)))
    return steps


def statistics_figures(scope: Scope, filters: Filters) -> Figures | None:
    """Every aggregate of the dashboard; None while no snapshot has been built.

    Answers are kept per scope and filters until the snapshot is replaced (CACHED of
    them, least recently asked dropped first); callers must not change them.
    """
    opened = _connection()
    if opened is None:
        return None
    con, key = opened
    with _lock:
        if _open.get("key") == key and (scope, filters) in _answers:
            _answers.move_to_end((scope, filters))
            con.close()
            return _answers[(scope, filters)]
    figures = _figures(con, scope, filters)
    with _lock:
        if _open.get("key") == key:
            _answers[(scope, filters)] = figures
            while len(_answers) > CACHED:
                _answers.popitem(last=False)
    return figures


def _figures(con: duckdb.DuckDBPyConnection, scope: Scope, filters: Filters) -> Figures:
    try:
        where, params = _where(scope, filters)
        figures = _counts(con, where, params)
        figures.steps = _steps(con, where, params)
        for band, sex, victims in con.execute(
            f"SELECT band, sex, count(*) FROM victims WHERE {where} GROUP BY band, sex",  # noqa: S608
            params,
        ).fetchall():
            figures.age_sex[(band, sex)] = int(victims)
        if scope.national and filters.org_id is None and not filters.district:
            where_r, params_r = _where(
                scope, Filters(filters.since, filters.until), time="received"
            )
            found = con.execute(
                f"SELECT count(*) FROM reports WHERE {where_r}",  # noqa: S608
                params_r,
            ).fetchone()
            figures.reports = int(found[0]) if found else 0
        return figures
    finally:
        con.close()
