"""Benchmark: indexing recruiters' identifiers and drawing the network at a national volume.

A dedicated database (kept between runs) holds synthetic reports and cases over three years:
each report's free text names 0-3 identifiers drawn with skewed frequencies from a pool of
recruiters' phones, social accounts, agencies and plates (a few are hubs, as a bus company's
number is), and half the cases have a suspected recruiter with a phone and two names. Every
run then (1) times `identifiers_extract` alone on the reports' texts, (2) empties the index and
times `network_record_sync` over every record (what `manage.py network_extract` does, one
transaction per record, no alerts), (3) times the sync with alerts of fresh reports naming
identifiers already on cases held elsewhere (the after-commit task of a new report), and
(4) GETs the analysts' page (whole period; one district; the table's second page) and the CSV
export of the whole period (every row up to the export's cap) through the full stack.

Usage:
  .venv/bin/python bench/networks.py [--cases 5000] [--reports 20000] [--runs 20]
  .venv/bin/python bench/networks.py --tiny      # 60 cases, 300 reports, 3 runs: CI's run
SQLite goes to $TABARA_VAR_DIR (default var/bench-networks/) in WAL mode, as in production.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import world

world.setup("networks")

from django.db import connection  # noqa: E402
from django.urls import reverse  # noqa: E402

from tabara.accounts.models import Organization  # noqa: E402
from tabara.accounts.roles import Role  # noqa: E402
from tabara.accounts.services import staff_user_create  # noqa: E402
from tabara.accounts.tests.factories import signed_in  # noqa: E402
from tabara.cases.choices import PersonRole  # noqa: E402
from tabara.cases.models import Case, CasePerson  # noqa: E402
from tabara.geo.models import AdminUnit  # noqa: E402
from tabara.geo.services import geography_load  # noqa: E402
from tabara.intake.models import Report  # noqa: E402
from tabara.linkage.identifiers import identifiers_extract  # noqa: E402
from tabara.networks.forms import NetworkFilterForm  # noqa: E402
from tabara.networks.models import IdentifierOccurrence, NetworkIdentifier  # noqa: E402
from tabara.networks.selectors import PAGE_ROWS, network_for  # noqa: E402
from tabara.networks.services import network_backfill, network_record_sync  # noqa: E402

NAMES = ["Kalisa", "Mugabo", "Habimana", "Uwase", "Nshuti", "Gatera", "Mukamana", "Rukundo", "Eric"]


HUBS = 5  # identifiers everyone mentions (a bus company's number, a big hotel)


def _pick(rng: random.Random, pool: list[str]) -> str:
    """One in ten mentions is of a hub; the rest spread evenly over the pool."""
    if rng.random() < 0.1:
        return pool[rng.randrange(HUBS)]
    return pool[rng.randrange(HUBS, len(pool))]


def pools(rng: random.Random, n_records: int) -> dict[str, list[str]]:
    """Recruiters' identifiers: a phone recurs in about three records, an agency in ten."""
    size = {"phone": n_records // 2, "account": n_records // 8, "agency": n_records // 20}
    size["plate"] = n_records // 12
    return {
        "phone": [
            f"07{rng.choice('2389')}{rng.randrange(10**7):07d}" for _ in range(size["phone"])
        ],
        "account": [f"tiktok.com/@jobs_{i}" for i in range(max(size["account"], HUBS + 1))],
        "agency": [f"Trans-Border Jobs {i} Ltd" for i in range(max(size["agency"], HUBS + 1))],
        "plate": [
            f"R{chr(65 + i % 26)}{chr(65 + i // 26 % 26)} {100 + i % 900} {chr(65 + i // 676 % 26)}"
            for i in range(max(size["plate"], HUBS + 1))
        ],
    }


def report_text(rng: random.Random, pool: dict[str, list[str]]) -> tuple[str, str, str]:
    words = ["She was offered a job abroad by a man she met in town."] * 3
    for _ in range(rng.randrange(4)):
        kind = rng.choice(["phone", "phone", "account", "plate"])
        words.insert(rng.randrange(len(words) + 1), f"see {_pick(rng, pool[kind])}")
    agency = _pick(rng, pool["agency"]) if rng.random() < 0.3 else ""
    suspects = _pick(rng, pool["phone"]) if rng.random() < 0.5 else ""
    return " ".join(words), suspects, agency


def fill(n_cases: int, n_reports: int, rng: random.Random) -> None:
    geography_load(levels=("province", "district"))
    districts = list(AdminUnit.objects.filter(level="district").values_list("pk", flat=True))
    pool = pools(rng, n_cases + n_reports)

    def case_fields(rng: random.Random, opened: object) -> dict[str, object]:
        text, _suspects, _agency = report_text(rng, pool)
        return {"summary": text, "district_id": rng.choice(districts)}

    def suspects(rng: random.Random, cases: list[Case], orgs: list[int]) -> None:
        CasePerson.objects.bulk_create(
            CasePerson(
                case=case,
                role=PersonRole.RECRUITER,
                added_at=case.opened_at,
                full_name=" ".join(rng.sample(NAMES, 2)),
                phone=_pick(rng, pool["phone"]),
            )
            for case in cases
            if rng.random() < 0.5
        )

    world.fill(n_cases, case_fields, suspects)
    reports = []
    for _ in range(n_reports):
        text, suspects_text, agency = report_text(rng, pool)
        reports.append(
            Report(
                channel="web",
                receipt_hash=secrets.token_hex(32),
                what_happened=text,
                suspect_identifiers=suspects_text,
                agency_name=agency,
                district_id=rng.choice(districts),
            )
        )
    Report.objects.bulk_create(reports, batch_size=2000)


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--reports", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tiny", action="store_true", help="60 cases, 300 reports, 3 runs (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.cases, args.reports, args.runs = 60, 300, 3
    return args


def page_ms(
    client: object, params: dict[str, str], runs: int, url: str = "/en/staff/networks/"
) -> float:
    client.get(url, params)  # type: ignore[attr-defined]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, params)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code  # noqa: S101
    return statistics.median(times)


def main() -> int:
    args = options()
    rng = random.Random(2026)
    world.prepare(args.cases, lambda n: fill(n, args.reports, rng), f"{args.reports} reports")
    reports = list(Report.objects.order_by("pk"))
    print(
        f"{connection.vendor}: {Case.objects.count()} cases, {len(reports)} reports,"
        f" {CasePerson.objects.count()} suspects; {args.runs} page runs;"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    start = time.perf_counter()
    found = sum(
        len(identifiers_extract(f"{r.what_happened} {r.suspect_identifiers}")) for r in reports
    )
    extract_us = (time.perf_counter() - start) * 1e6 / len(reports)
    print(f"extraction alone: {extract_us:.0f} µs per report ({found} identifiers)")
    IdentifierOccurrence.objects.all().delete()
    NetworkIdentifier.objects.all().delete()
    records = Case.objects.count() + len(reports)
    start = time.perf_counter()
    result = network_backfill()
    backfill_s = time.perf_counter() - start
    sync_ms = backfill_s * 1000 / records
    print(
        f"back-fill: {records} records in {backfill_s:.1f} s, {sync_ms:.2f} ms per record;"
        f" {result.added} occurrences, {NetworkIdentifier.objects.count()} identifiers"
    )
    analyst = staff_user_create(
        username=f"bench-analyst-{secrets.token_hex(3)}",
        password="bench-password-not-secret",  # noqa: S106 - synthetic account
        organization=Organization.objects.get(pk=world.organizations()[1]),
        roles=[Role.ANALYST],
        first_name="Bench",
        last_name="Analyst",
    )[0]
    reverse("networks:network")  # a worker imports the URL configuration once, not per report
    fresh = reports[-args.runs :]
    IdentifierOccurrence.objects.filter(report__in=fresh).delete()
    start = time.perf_counter()
    alerts = sum(network_record_sync(kind="report", pk=r.pk).alerted for r in fresh)
    alert_ms = (time.perf_counter() - start) * 1000 / len(fresh)
    print(f"new report with alerts: {alert_ms:.2f} ms per report ({alerts} messages queued)")
    client = signed_in(analyst)
    whole = page_ms(client, {}, args.runs)
    district = page_ms(client, {"district": "34"}, args.runs)
    second = page_ms(client, {"page": "2"}, args.runs)
    export = page_ms(client, {"format": "csv"}, args.runs, "/en/staff/networks/export/")
    shown = network_for(analyst, NetworkFilterForm().filters())
    print(
        f"network of the last year: {shown.component_count} components, {shown.record_count}"
        f" records, {shown.row_count} table rows ({PAGE_ROWS} a page), {len(shown.hubs)} hubs;"
        f" largest component {shown.drawn[0].record_total if shown.drawn else 0} records"
    )
    print(f"analysts' page p50: whole period {whole:.0f} ms, one district {district:.0f} ms")
    print(f"table's second page p50: {second:.0f} ms; CSV export p50: {export:.0f} ms")
    print(f"ratio sync per record / extraction alone: {sync_ms * 1000 / extract_us:.1f}")
    print(f"ratio page one district / whole period: {district / whole:.2f}")
    print(f"ratio page whole period / CSV export of every row: {whole / export:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
