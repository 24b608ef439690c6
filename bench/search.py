"""Benchmark: staff search with 200,000 cases and 400,000 people, through the full stack.

Fills a dedicated database once (kept between runs) with synthetic cases, two people each
(names drawn from Kinyarwanda and Christian names with skewed frequencies, Rwandan mobile
numbers, a national ID for 40%), their blind-index tokens, and referrals (5% of cases
accepted by the searching organization, half of them with the limited view). Then, as a
supervisor of the busiest organization, signed in with both factors, it GETs
/en/staff/search/?q=... through Django's test client (middleware, session, templates,
audit write) for each kind of query, and prints p50/p95, SQL queries and results per
page, with each p95 as a ratio to the same page without a query (the stack's own cost)
from the same run.

Usage:
  .venv/bin/python bench/search.py [--cases 200000] [--runs 60]
  .venv/bin/python bench/search.py --tiny        # 300 cases, 5 runs: CI's smoke run
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/tabara_bench_search \
    .venv/bin/python bench/search.py
SQLite goes to $TABARA_VAR_DIR (default var/bench-search/) in WAL mode, as in production.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import world

world.setup("search")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tabara.accounts.models import Organization  # noqa: E402
from tabara.cases.choices import PersonRole  # noqa: E402
from tabara.cases.models import Case, CasePerson  # noqa: E402
from tabara.referrals.models import Referral, ReferralStatus, ViewScope  # noqa: E402
from tabara.search.models import SearchToken  # noqa: E402
from tabara.search.services import search_token_rows  # noqa: E402

KINYARWANDA = (  # noqa: SIM905 - a block of names reads better than quoted strings
    "Uwimana Habimana Hakizimana Nsengimana Niyonzima Mukamana Uwase Ishimwe Irakoze Ineza "
    "Igiraneza Uwineza Niyonsenga Mukeshimana Nyirahabimana Habyarimana Mutamuriza Nshimiyimana "
    "Tuyishime Byiringiro Iradukunda Niyigena Mugisha Kwizera Ndayisaba Uwamahoro Mukandayisenga "
    "Nizeyimana Bizimana Munyaneza Kayitesi Umutoni Dusabimana Mbarushimana Twagirumukiza "
    "Ntirenganya Nyiransabimana Uwera Mutesi Gasana Karangwa Rukundo Murekatete Nyiraneza "
    "Hategekimana Ndagijimana Mukarugwiza Uwamariya Sibomana Ngendahimana Kanyange Bagirishya"
).split()
CHRISTIAN = (  # noqa: SIM905 - as above
    "Jean Marie Emmanuel Grace Claudine Pierre Eric Alice Patrick Josiane Olivier Diane "
    "Theoneste Vestine Innocent Jeanne Fabrice Divine Aimable Chantal Jean-Paul Marie-Claire "
    "Jean-de-Dieu Esperance Celestin Solange Jean-Bosco Clementine Fidele Vedaste"
).split()


def _pick(rng: random.Random, names: list[str]) -> str:
    """Skewed like real name counts: the first names of each list are far more common."""
    return names[min(int(rng.paretovariate(1.2)) - 1, len(names) - 1)]


def person_fields(rng: random.Random) -> dict[str, str]:
    parts = [_pick(rng, KINYARWANDA), _pick(rng, CHRISTIAN)]
    rng.shuffle(parts)
    year = rng.randrange(1960, 2010)
    nin = f"1{year}{rng.choice('78')}{rng.randrange(10**7):07d}0{rng.randrange(100):02d}"
    return {
        "full_name": " ".join(parts),
        "phone": f"+2507{rng.choice('2389')}{rng.randrange(10**7):07d}",
        "identity_number": nin if rng.random() < 0.4 else "",
    }


def fill(n_cases: int) -> None:
    """Insert synthetic cases, two people each with their tokens, and referrals to BUSY."""

    def case_fields(rng: random.Random, opened: datetime) -> dict[str, object]:
        return {}

    def people_and_referrals(rng: random.Random, cases: list[Case], orgs: list[int]) -> None:
        busy = orgs[0]
        people, referrals = [], []
        for case in cases:
            for role in (PersonRole.PRESUMED_VICTIM, PersonRole.SUSPECTED_TRAFFICKER):
                fields = person_fields(rng)
                people.append(CasePerson(case=case, role=role, added_at=case.opened_at, **fields))
            if case.owner_org_id != busy and rng.random() < 0.05:
                scope = ViewScope.FULL if rng.random() < 0.5 else ViewScope.VICTIM_NEEDS
                referrals.append(
                    world.referral(
                        case, busy, case.opened_at, status=ReferralStatus.ACCEPTED, scope=scope
                    )
                )
        # Read before bulk_create, in case saving ever replaced the values on the objects.
        clear = [(p.full_name, p.phone, p.identity_number) for p in people]
        made_people = CasePerson.objects.bulk_create(people)
        SearchToken.objects.bulk_create(
            row
            for person, (name, phone, nin) in zip(made_people, clear, strict=True)
            for row in search_token_rows(
                person=person, case=person.case, full_name=name, phone=phone, identity_number=nin
            )
        )
        Referral.objects.bulk_create(referrals)

    world.fill(n_cases, case_fields, people_and_referrals)


def targets(runs: int, rng: random.Random) -> list[CasePerson]:
    """People to look for: three in four in cases the searcher may open, one in four not."""
    busy = Organization.objects.get(short_name=world.BUSY)
    visible = list(
        CasePerson.objects.filter(case__owner_org=busy, role=PersonRole.PRESUMED_VICTIM)
        .exclude(identity_number="")
        .order_by("?")[: (3 * runs) // 4 + 1]
    )
    hidden = list(CasePerson.objects.exclude(case__owner_org=busy).order_by("?")[: runs // 4 + 1])
    people = visible + hidden
    rng.shuffle(people)
    return people[:runs]


def national(phone: str) -> str:
    """+250788123456 -> "0788 123 456", as people type it."""
    digits = "0" + phone[4:]
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def misspell(name: str) -> str:
    """Another order and the older spelling with l (Habyarimana -> Habyalimana)."""
    return " ".join(reversed(name.split())).replace("r", "l")


def measure(client: Client, queries: list[str]) -> tuple[float, float, int, float]:
    for text in queries[:3]:  # warm caches (templates, connection)
        client.get("/en/staff/search/", {"q": text})
    times, found = [], []
    for text in queries:
        start = time.perf_counter()
        response = client.get("/en/staff/search/", {"q": text})
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"search answered {response.status_code}")
        found.append(response.content.decode().count("<tr><td>"))
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/staff/search/", {"q": queries[0]})
    p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 2 else times[0]
    return statistics.median(times), p95, len(captured), statistics.mean(found)


def main() -> int:
    args = world.options(__doc__)
    world.prepare(args.cases, fill, f"{2 * args.cases} people")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the visibility map autovacuum would have set
            cursor.execute("VACUUM ANALYZE search_searchtoken")
    client = world.supervisor("bench-searcher")
    rng = random.Random(7)
    people = targets(args.runs, rng)
    print(
        f"{connection.vendor}: {Case.objects.count()} cases, {CasePerson.objects.count()} people,"
        f" {SearchToken.objects.count()} tokens; {args.runs} searches per kind;"
        " searcher: supervisor of the busiest organization;"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    kinds = {
        "name as stored": [p.full_name for p in people],
        "name reordered, r->l": [misspell(p.full_name) for p in people],
        "one common name": [rng.choice(["Jean", "Uwimana", "Marie", "Habimana"]) for _ in people],
        # The slowest shape: two common names that no one carries together.
        "two names, no one": [" ".join(rng.sample(KINYARWANDA[:4], 2)) for _ in people],
        "phone 0788 123 456": [national(p.phone) for p in people],
        "national ID": [p.identity_number or "1199080000000000" for p in people],
        "case reference": [f"C-{p.case_id:06d}" for p in people],
    }
    base_p50, base_p95, base_queries, _rows = measure(client, [""] * args.runs)
    print(f"{'query':<24}{'p50 ms':>8}{'p95 ms':>8}{'x empty':>8}{'queries':>9}{'rows':>7}")
    print(f"{'(empty page)':<24}{base_p50:>8.1f}{base_p95:>8.1f}{1:>8.1f}{base_queries:>9}")
    for name, queries in kinds.items():
        p50, p95, count, rows = measure(client, queries)
        ratio = p95 / base_p95
        print(f"{name:<24}{p50:>8.1f}{p95:>8.1f}{ratio:>8.1f}{count:>9}{rows:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
