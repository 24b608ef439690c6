"""The synthetic world shared by bench/cases.py and bench/search.py.

Django on a dedicated database (SQLite in $TABARA_VAR_DIR, default var/bench-<name>/, WAL as
in production; or $DATABASE_URL), forty organizations of which one, BUSY, gets a tenth of the
cases, bulk-filled cases with their referrals, and a supervisor of BUSY signed in with both
factors. Call `setup(name)` before importing any model.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

    from tabara.cases.models import Case
    from tabara.referrals.models import Referral

ROOT = Path(__file__).resolve().parent.parent
BUSY = "BUSY"
ORGS = 40
T_END = datetime(2026, 11, 1, tzinfo=UTC)
SPAN = 3 * 365 * 24 * 3600  # cases opened over three years before T_END


def options(description: str | None, cases: int = 200_000) -> argparse.Namespace:
    """--cases and --runs (`cases` and 60), or --tiny: 300 cases and 5 runs, CI's smoke run."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cases", type=int, default=cases)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--tiny", action="store_true", help="300 cases, 5 runs (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.cases, args.runs = 300, 5
    return args


def setup(name: str) -> None:
    """Point Django at the benchmark's own database and start it."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.test")
    os.environ.setdefault("TABARA_VAR_DIR", str(ROOT / "var" / f"bench-{name}"))
    Path(os.environ["TABARA_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()


def organizations() -> list[int]:
    """The ids of the forty organizations, BUSY first (created once)."""
    from tabara.accounts.models import Organization

    return [
        Organization.objects.get_or_create(
            short_name=f"ORG{i:02d}" if i else BUSY,
            defaults={"name": f"Bench organization {i}", "kind": "shelter"},
        )[0].pk
        for i in range(ORGS)
    ]


def referral(case: Case, to_org: int, sent: datetime, **fields: Any) -> Referral:
    """A referral of `case` as referral_send writes it, opening-time copy included."""
    from tabara.referrals.models import Referral

    return Referral(
        case=case,
        from_org_id=case.owner_org_id,
        to_org_id=to_org,
        sent_at=sent,
        deadline_at=sent + timedelta(hours=24),
        case_opened_at=case.opened_at,
        **fields,
    )


def fill(
    n_cases: int,
    case_fields: Callable[[random.Random, datetime], dict[str, Any]],
    extras: Callable[[random.Random, list[Case], list[int]], None],
    *,
    seed: int = 2026,
    batch: int = 2000,
) -> None:
    """Bulk-insert `n_cases` cases (BUSY owns 10%); `extras` adds each batch's other rows.

    `case_fields(rng, opened_at)` gives each case's own fields.
    """
    from django.db import transaction

    from tabara.cases.models import Case

    rng = random.Random(seed)
    orgs = organizations()
    for start in range(0, n_cases, batch):
        with transaction.atomic():
            cases = []
            for _ in range(min(batch, n_cases - start)):
                opened = T_END - timedelta(seconds=rng.randrange(SPAN))
                owner = orgs[0] if rng.random() < 0.10 else rng.choice(orgs[1:])
                fields = {"updated_at": opened, **case_fields(rng, opened)}
                cases.append(Case(source="direct", owner_org_id=owner, opened_at=opened, **fields))
            extras(rng, Case.objects.bulk_create(cases), orgs)
        print(f"  {start + len(cases):>7} cases", end="\r", flush=True)
    print()


def prepare(wanted: int, fill_more: Callable[[int], None], what: str) -> None:
    """Migrate, fill up to `wanted` cases (kept between runs) and refresh planner statistics.

    A new SQLite database starts as a copy of a migrated one (bench/harness.py).
    """
    import time

    from django.core.management import call_command
    from django.db import connection

    from tabara.cases.models import Case

    database = connection.settings_dict  # read without connecting
    if database["ENGINE"].endswith("sqlite3") and not Path(database["NAME"]).exists():
        from bench.harness import copy_migrated_sqlite

        copy_migrated_sqlite(Path(database["NAME"]), os.environ["DJANGO_SETTINGS_MODULE"])
    call_command("migrate", verbosity=0)  # nothing left to do on a copy; kept databases catch up
    if Case.objects.count() < wanted:
        print(f"filling {wanted} cases and {what} (once)...")
        started = time.perf_counter()
        fill_more(wanted - Case.objects.count())
        print(f"filled in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would keep them


def supervisor(username: str) -> Client:
    """A test client signed in, with both factors, as a supervisor of BUSY (created once)."""
    from tabara.accounts.models import Organization, User
    from tabara.accounts.roles import Role
    from tabara.accounts.services import staff_user_create
    from tabara.accounts.tests.factories import signed_in

    user = User.objects.filter(username=username).first()
    if user is None:
        user, _device = staff_user_create(
            username=username,
            password="bench-password-not-secret",  # noqa: S106 - synthetic account
            organization=Organization.objects.get(short_name=BUSY),
            roles=[Role.SUPERVISOR],
            first_name="Bench",
            last_name=username.removeprefix("bench-").title(),
        )
    return signed_in(user)
