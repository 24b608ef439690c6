"""Benchmark: "my queue" and the filtered case list with 200,000 cases and 600,000 referrals.

Fills a dedicated database with synthetic cases and referrals once (kept between runs),
then renders each page many times as a case worker of the busiest organization, through
Django's full request stack (middleware, sign-in with second factor, templates), and
prints p50/p95 and the number of SQL queries per page. The query count must not grow with
the number of rows shown: compare pages (and filters) that show different numbers of rows.

Usage:
  .venv/bin/python bench/cases.py [--cases 200000] [--runs 60]
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/tabara_bench .venv/bin/python bench/cases.py
SQLite goes to var/bench-cases/test.sqlite3 (WAL, as in production).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.test")
os.environ.setdefault("TABARA_VAR_DIR", str(ROOT / "var" / "bench-cases"))
Path(os.environ["TABARA_VAR_DIR"]).mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from tabara.accounts.models import Organization, User  # noqa: E402
from tabara.accounts.roles import Role  # noqa: E402
from tabara.accounts.services import staff_user_create  # noqa: E402
from tabara.cases.choices import CaseStatus, ExploitationType, ScreeningOutcome  # noqa: E402
from tabara.cases.models import Case  # noqa: E402
from tabara.geo.models import AdminUnit  # noqa: E402
from tabara.geo.services import geography_load  # noqa: E402
from tabara.referrals.models import Referral, ReferralStatus, Urgency  # noqa: E402

BUSY = "BUSY"
ORGS = 40
T_END = datetime(2026, 11, 1, tzinfo=UTC)


def fill(n_cases: int, seed: int = 2026) -> None:
    """Insert synthetic cases (3 referrals each); the busiest organization gets 10%."""
    rng = random.Random(seed)
    geography_load(levels=("province", "district", "sector"))
    districts = list(AdminUnit.objects.filter(level="district").values_list("pk", flat=True))
    orgs = [
        Organization.objects.get_or_create(
            short_name=f"ORG{i:02d}" if i else BUSY,
            defaults={"name": f"Bench organization {i}", "kind": "shelter"},
        )[0].pk
        for i in range(ORGS)
    ]
    busy = orgs[0]
    types = ExploitationType.values
    statuses = [CaseStatus.ACTIVE] * 3 + [CaseStatus.FOLLOW_UP, CaseStatus.CLOSED]
    span = 3 * 365 * 24 * 3600
    batch = 5000
    for start in range(0, n_cases, batch):
        cases = []
        for _ in range(min(batch, n_cases - start)):
            opened = T_END - timedelta(seconds=rng.randrange(span))
            cases.append(
                Case(
                    source="direct",
                    owner_org_id=busy if rng.random() < 0.10 else rng.choice(orgs[1:]),
                    opened_at=opened,
                    updated_at=opened + timedelta(days=rng.randrange(60)),
                    status=rng.choice(statuses),
                    screening_outcome=rng.choice(ScreeningOutcome.values),
                    exploitation_type=rng.choice(types),
                    district_id=rng.choice(districts),
                )
            )
        with transaction.atomic():
            made = Case.objects.bulk_create(cases)
            referrals = []
            for case in made:
                targets = rng.sample([o for o in orgs if o != case.owner_org_id], 3)
                if rng.random() < 0.10 and busy not in targets and case.owner_org_id != busy:
                    targets[0] = busy
                for to_org in targets:
                    sent = case.opened_at + timedelta(hours=rng.randrange(48))
                    urgency = rng.choice(Urgency.values)
                    status = rng.choices(ReferralStatus.values, weights=[2, 1, 6, 1, 10], k=1)[0]
                    referrals.append(
                        Referral(
                            case=case,
                            from_org_id=case.owner_org_id,
                            to_org_id=to_org,
                            status=status,
                            urgency=urgency,
                            sent_at=sent,
                            deadline_at=sent + timedelta(hours=24),
                            next_escalation_at=sent + timedelta(hours=24)
                            if status == "sent"
                            else None,
                        )
                    )
            Referral.objects.bulk_create(referrals)
        print(f"  {start + len(cases):>7} cases", end="\r", flush=True)
    print()


def signed_in_client() -> Client:
    user = User.objects.filter(username="bench-worker").first()
    if user is None:
        user, _device = staff_user_create(
            username="bench-worker",
            password="bench-password-not-secret",  # noqa: S106 - synthetic account
            organization=Organization.objects.get(short_name=BUSY),
            roles=[Role.SUPERVISOR],
            first_name="Bench",
            last_name="Worker",
        )
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if Case.objects.count() < args.cases:
        print(f"filling {args.cases} cases and {3 * args.cases} referrals (once)...")
        started = time.perf_counter()
        fill(args.cases - Case.objects.count())
        print(f"filled in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would keep them
    client = signed_in_client()
    busy = Organization.objects.get(short_name=BUSY)
    print(
        f"{connection.vendor}: {Case.objects.count()} cases, {Referral.objects.count()} referrals;"
        f" {BUSY} owns {Case.objects.filter(owner_org=busy).count()} and has "
        f"{Referral.objects.filter(to_org=busy, status__in=['sent', 'acknowledged']).count()}"
        " open referrals"
    )
    pages = {
        "my queue": "/en/staff/queue/",
        "case list, no filter": "/en/staff/cases/",
        "case list, status+type+district": (
            "/en/staff/cases/?status=active&type=forced_labour&district=11"
        ),
        "case list, overdue only": "/en/staff/cases/?overdue=on",
    }
    print(f"{'page':<34}{'p50 ms':>8}{'p95 ms':>8}{'queries':>9}{'rows':>6}")
    for name, url in pages.items():
        p50, p95, queries, rows = measure(client, url, args.runs)
        print(f"{name:<34}{p50:>8.1f}{p95:>8.1f}{queries:>9}{rows:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
