"""Benchmark: the case statistics dashboard over 1,000,000 cases, through the full request stack.

Fills a dedicated database once (kept between runs) with synthetic cases (forty
organizations, BUSY owning a tenth; bench/world.py), 0-3 presumed victims each with sex and
age, a referral for about 60% of cases (half of them accepted) and a started service for
about 30%, all with bulk inserts. Then rebuilds the analytic snapshot as the worker does
(`dashboards_refresh`, timed) and renders every dashboard view many times through Django's
full request stack (middleware, sign-in with second factor, templates): as an analyst
(national scope, with each filter) and as a supervisor of BUSY (its own cases), each with
the figures' cache emptied before every request (as the first request after a refresh),
and the national page and the XLSX download also from the cache. Prints p50/p95 of each
view, each p50 as a ratio to the unfiltered national page, and, for
comparison, one GROUP BY of the same kind run directly on the transactional database.

Usage:
  .venv/bin/python bench/dashboards.py [--cases 1000000] [--runs 60]
  .venv/bin/python bench/dashboards.py --tiny      # 300 cases, 5 runs: CI's smoke run
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/tabara_bench_stats .venv/bin/python \
      bench/dashboards.py
SQLite goes to var/bench-statistics/test.sqlite3 (WAL, as in production).
"""

# ruff: noqa: S608 - the SQL below is built from this script's own constants only
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where this file's own name
# would hide the standard library's `statistics` (which Django imports): drop the folder.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import statistics  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

from bench import world  # noqa: E402

world.setup("statistics")

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Max  # noqa: E402
from django.test import Client  # noqa: E402

from tabara.accounts.models import Organization, User  # noqa: E402
from tabara.accounts.roles import Role  # noqa: E402
from tabara.accounts.services import staff_user_create  # noqa: E402
from tabara.accounts.tests.factories import signed_in  # noqa: E402
from tabara.cases.choices import (  # noqa: E402
    ExploitationType,
    Gender,
    RecruitmentChannel,
    ServiceType,
)
from tabara.cases.models import Case, CaseService  # noqa: E402
from tabara.dashboards.selectors import figures_forget  # noqa: E402
from tabara.dashboards.snapshot import snapshot_refresh  # noqa: E402
from tabara.geo.models import AdminUnit  # noqa: E402
from tabara.geo.services import geography_load  # noqa: E402
from tabara.referrals.models import Referral  # noqa: E402

COUNTRIES = ["", "", "", "AE", "SA", "KE", "UG", "TZ", "CD", "OM", "QA", "LB", "IN", "CN"]


def staff(username: str, role: Role) -> User:
    """A staff member of BUSY with one role (created once)."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user, _device = staff_user_create(
            username=username,
            password="bench-password-not-secret",  # noqa: S106 - synthetic account
            organization=Organization.objects.get(short_name=world.BUSY),
            roles=[role],
            first_name="Bench",
            last_name=username.removeprefix("bench-").title(),
        )
    user.language = "en"
    user.save(update_fields=["language"])
    return user


def _pick(values: list[Any], key: str) -> str:
    """SQL choosing one of `values` from the integer expression `key` (values are ours)."""
    whens = " ".join(f"WHEN {i} THEN {v!r}" for i, v in enumerate(values))
    return f"(CASE ({key}) % {len(values)} {whens} END)"


def fill(n_cases: int) -> None:
    """Generate the rows inside the database (INSERT ... SELECT over a number series).

    Python-side objects cost about a millisecond per row on this shared machine; generating
    in SQL fills a million cases and their rows in minutes. Values are spread by hashing the
    row number, so the same world comes back on every engine.
    """
    geography_load(levels=("province", "district", "sector"))
    districts = list(AdminUnit.objects.filter(level="district").values_list("pk", flat=True))
    orgs = world.organizations()
    creator = staff("bench-planner", Role.SUPERVISOR).pk
    pg = connection.vendor == "postgresql"
    uuid = "gen_random_uuid()" if pg else "lower(hex(randomblob(16)))"
    start = Case.objects.count()
    before = Case.objects.aggregate(last=Max("id"))["last"] or 0

    def plus(column: str, amount: str, unit: str) -> str:
        if pg:
            return f"({column} + ({amount}) * interval '1 {unit}')"
        return f"datetime({column}, '+' || ({amount}) || ' {unit}s')"

    series = (
        "generate_series({first}::bigint, {last}::bigint) AS s(i)"
        if pg
        else "(WITH RECURSIVE s(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM s "
        "WHERE i < {last}) SELECT i FROM s) AS s"
    )
    end_epoch = int(world.T_END.timestamp())
    opened = (
        f"to_timestamp({end_epoch} - (i * 7919 % {world.SPAN}))"
        if pg
        else f"datetime({end_epoch} - (i * 7919 % {world.SPAN}), 'unixepoch')"
    )
    owner = f"(CASE WHEN i % 10 = 0 THEN {orgs[0]} ELSE {_pick(orgs[1:], 'i * 31')} END)"
    empty = "'[]'::jsonb" if pg else "'[]'"
    sql_cases = f"""
        INSERT INTO cases_case (row_uuid, status, source, owner_org_id, opened_at, updated_at,
            screening_outcome, child_involved, exploitation_type, other_exploitation_types,
            recruitment_channel, district_id, border_crossed, destination_country, summary,
            consent_to_share, closure_reason, closure_details)
        SELECT {uuid}, 'active', 'direct', {owner}, {opened}, {opened}, 'not_screened', FALSE,
            {_pick(ExploitationType.values, "i * 13")}, {empty},
            {_pick(RecruitmentChannel.values, "i * 17")}, {_pick(districts, "i * 19")}, FALSE,
            {_pick(COUNTRIES, "i * 23")}, '', FALSE, '', ''
        FROM {series}"""  # the series' bounds are filled in per chunk
    chunk = 100_000
    for first in range(start + 1, start + n_cases + 1, chunk):
        last = min(first + chunk - 1, start + n_cases)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql_cases.replace("{first}", str(first)).replace("{last}", str(last)))
        print(f"  {last - start:>8} cases", end="\r", flush=True)
    print()
    new = f"FROM cases_case c WHERE c.id > {before}"
    three = "(SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) AS n"
    age = "(CASE WHEN (c.id * 7 + k) % 10 = 0 THEN NULL ELSE 3 + (c.id * 11 + k) % 57 END)"
    sql_people = f"""
        INSERT INTO cases_caseperson (row_uuid, case_id, role, full_name, phone,
            identity_number, description, needs, gender, age, is_child, citizenship, added_at)
        SELECT {uuid}, c.id, 'presumed_victim', '', '', '', '', '',
            {_pick(Gender.values, "c.id * 5 + k")}, {age}, COALESCE({age} < 18, FALSE), '',
            c.opened_at
        FROM cases_case c, {three} WHERE c.id > {before}
          AND (c.id * 7919 + k * 104729) % 100
            < (CASE k WHEN 1 THEN 80 WHEN 2 THEN 35 ELSE 15 END)"""
    sent = plus("c.opened_at", "c.id % 96 + 1", "hour")
    accepted = "(c.id * 17) % 2 = 0"
    answer = f"(CASE WHEN {accepted} THEN {plus(sent, 'c.id % 72 + 1', 'hour')} END)"
    receiver = _pick(orgs[1:5], "c.id")
    sql_referrals = f"""
        INSERT INTO referrals_referral (case_id, kind, from_org_id, to_org_id, status, urgency,
            scope, reason, rule_id, consent_overridden, sent_at, deadline_at, acknowledged_at,
            responded_at, decline_reason, outcome, case_opened_at, escalation_level)
        SELECT c.id, 'referral', c.owner_org_id,
            CASE WHEN {receiver} = c.owner_org_id THEN {orgs[5]} ELSE {receiver} END,
            CASE WHEN {accepted} THEN 'accepted' ELSE 'sent' END, 'normal', 'full', '', '',
            FALSE, {sent}, {plus(sent, "24", "hour")}, {answer}, {answer}, '', '',
            c.opened_at, 0
        {new} AND (c.id * 31) % 10 < 6"""
    started = (
        f"CAST({plus('c.opened_at', 'c.id % 30', 'day')} AS DATE)"
        if pg
        else "date(c.opened_at, '+' || (c.id % 30) || ' days')"
    )
    sql_services = f"""
        INSERT INTO cases_caseservice (row_uuid, case_id, service_type, provider_org_id, status,
            started_on, outcome, created_by_id, created_at, updated_at)
        SELECT {uuid}, c.id, {_pick(ServiceType.values, "c.id")}, c.owner_org_id,
            'in_progress', {started}, '', {creator}, c.opened_at, c.opened_at
        {new} AND (c.id * 37) % 10 < 3"""
    for what, sql in (
        ("victims", sql_people),
        ("referrals", sql_referrals),
        ("services", sql_services),
    ):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
        print(f"  {what} inserted", flush=True)


def measure(client: Client, url: str, runs: int, *, cached: bool) -> tuple[float, float]:
    """p50 and p95 in ms; uncached: the figures' cache is emptied before every request, so
    each one queries the snapshot as the first request after a refresh does."""
    for _ in range(3):  # warm: templates, the snapshot's connection, district names
        client.get(url)
    times = []
    for _ in range(runs):
        if not cached:
            figures_forget()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def main() -> int:
    args = world.options(__doc__, cases=1_000_000)
    world.prepare(args.cases, fill, "victims, referrals and services")
    started = time.perf_counter()
    built = snapshot_refresh()
    refresh = time.perf_counter() - started
    analyst = signed_in(staff("bench-analyst", Role.ANALYST))
    supervisor = signed_in(staff("bench-supervisor", Role.SUPERVISOR))
    busy = Organization.objects.get(short_name=world.BUSY).pk
    print(
        f"{connection.vendor}: {built.cases} cases, {built.victims} victims, "
        f"{Referral.objects.count()} referrals, {CaseService.objects.count()} services; "
        f"snapshot rebuilt in {refresh:.1f} s; {args.runs} runs per view, Django test client"
    )
    started = time.perf_counter()
    list(Case.objects.values("district_id").annotate(n=Count("id")).order_by())
    direct = (time.perf_counter() - started) * 1000
    base = "/en/staff/statistics/"
    csv, xlsx = "/en/staff/statistics/export.csv", "/en/staff/statistics/export.xlsx"
    views = {  # name: (client, url, served from the figures' cache)
        "national, no filter": (analyst, base, False),
        "national, one year": (analyst, f"{base}?since=2025-01-01&until=2025-12-31", False),
        "national, one district": (analyst, f"{base}?district=11", False),
        "national, one organization": (analyst, f"{base}?org={busy}", False),
        "supervisor, own cases": (supervisor, base, False),
        "CSV download": (analyst, csv, False),
        "XLSX download": (analyst, xlsx, False),
        "XLSX one district": (analyst, f"{xlsx}?district=11", False),
        "national, no filter, cached": (analyst, base, True),
        "XLSX download, cached": (analyst, xlsx, True),
    }
    print("uncached: the figures' cache emptied before each request (first after a refresh)")
    print(f"{'view':<30}{'p50 ms':>9}{'p95 ms':>9}{'x first':>9}")
    first = 0.0
    for name, (client, url, cached) in views.items():
        p50, p95 = measure(client, url, args.runs, cached=cached)
        first = first or p50
        print(f"{name:<30}{p50:>9.1f}{p95:>9.1f}{p50 / first:>9.2f}")
    print(
        f"one GROUP BY district on {connection.vendor} directly: {direct:.0f} ms "
        f"(ratio to the whole national page's p50: {direct / first:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
