"""Benchmark: "my queue" and the filtered case list with 200,000 cases and 600,000 referrals.

Fills a dedicated database with synthetic cases and referrals once (kept between runs),
then renders each page many times as a supervisor of the busiest organization, through
Django's full request stack (middleware, sign-in with second factor, templates), and
prints p50/p95, each p50 as a ratio to "my queue" from the same run, and the number of SQL
queries per page. The query count must not grow with the number of rows shown: compare
pages (and filters) that show different numbers of rows. The world is bench/world.py's.

Usage:
  .venv/bin/python bench/cases.py [--cases 200000] [--runs 60]
  .venv/bin/python bench/cases.py --tiny        # 300 cases, 5 runs: CI's smoke run
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/tabara_bench .venv/bin/python bench/cases.py
SQLite goes to var/bench-cases/test.sqlite3 (WAL, as in production).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import world

world.setup("cases")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tabara.accounts.models import Organization  # noqa: E402
from tabara.cases.choices import CaseStatus, ExploitationType, ScreeningOutcome  # noqa: E402
from tabara.cases.models import Case  # noqa: E402
from tabara.geo.models import AdminUnit  # noqa: E402
from tabara.geo.services import geography_load  # noqa: E402
from tabara.referrals.models import Referral, ReferralStatus, Urgency  # noqa: E402

STATUSES = [CaseStatus.ACTIVE] * 3 + [CaseStatus.FOLLOW_UP, CaseStatus.CLOSED]


def fill(n_cases: int) -> None:
    """Insert synthetic cases, three referrals each (BUSY receives about 10% of cases)."""
    geography_load(levels=("province", "district", "sector"))
    districts = list(AdminUnit.objects.filter(level="district").values_list("pk", flat=True))

    def case_fields(rng: random.Random, opened: datetime) -> dict[str, Any]:
        return {
            "updated_at": opened + timedelta(days=rng.randrange(60)),
            "status": rng.choice(STATUSES),
            "screening_outcome": rng.choice(ScreeningOutcome.values),
            "exploitation_type": rng.choice(ExploitationType.values),
            "district_id": rng.choice(districts),
        }

    def referrals(rng: random.Random, cases: list[Case], orgs: list[int]) -> None:
        busy, made = orgs[0], []
        for case in cases:
            targets = rng.sample([o for o in orgs if o != case.owner_org_id], 3)
            if rng.random() < 0.10 and busy not in targets and case.owner_org_id != busy:
                targets[0] = busy
            for to_org in targets:
                sent = case.opened_at + timedelta(hours=rng.randrange(48))
                status = rng.choices(ReferralStatus.values, weights=[2, 1, 6, 1, 10], k=1)[0]
                late = sent + timedelta(hours=24) if status == "sent" else None
                made.append(
                    world.referral(
                        case,
                        to_org,
                        sent,
                        status=status,
                        urgency=rng.choice(Urgency.values),
                        next_escalation_at=late,
                    )
                )
        Referral.objects.bulk_create(made)

    world.fill(n_cases, case_fields, referrals, batch=5000)


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int, int]:
    for _ in range(3):  # warm caches (templates, district choices, connection)
        client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).content.decode()
    rows = body.count("<tr><td><a href=")
    p95 = statistics.quantiles(times, n=20)[18]
    return statistics.median(times), p95, len(queries), rows


def main() -> int:
    args = world.options(__doc__)
    world.prepare(args.cases, fill, f"{3 * args.cases} referrals")
    client = world.supervisor("bench-worker")
    busy = Organization.objects.get(short_name=world.BUSY)
    print(
        f"{connection.vendor}: {Case.objects.count()} cases, {Referral.objects.count()} referrals;"
        f" {world.BUSY} owns {Case.objects.filter(owner_org=busy).count()} and has "
        f"{Referral.objects.filter(to_org=busy, status__in=['sent', 'acknowledged']).count()}"
        f" open referrals; {args.runs} runs per page, as a supervisor of {world.BUSY}"
    )
    pages = {
        "my queue": "/en/staff/queue/",
        "case list, no filter": "/en/staff/cases/",
        "case list, status+type+district": (
            "/en/staff/cases/?status=active&type=forced_labour&district=11"
        ),
        "case list, overdue only": "/en/staff/cases/?overdue=on",
    }
    print(f"{'page':<34}{'p50 ms':>8}{'p95 ms':>8}{'x queue':>8}{'queries':>9}{'rows':>6}")
    base = 0.0
    for name, url in pages.items():
        p50, p95, queries, rows = measure(client, url, args.runs)
        base = base or p50
        print(f"{name:<34}{p50:>8.1f}{p95:>8.1f}{p50 / base:>8.1f}{queries:>9}{rows:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
