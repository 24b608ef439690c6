"""The analytic snapshot the dashboards read: one DuckDB file, rebuilt whole by the worker.

At national scale (a million cases) no transactional database answers a dozen GROUP BYs
within a page's time budget, so `snapshot_refresh()` copies the de-identified facts (codes,
dates, counts; tabara/cases/facts.py and the referrals' and intake's selectors) into a
columnar DuckDB file, written beside the old one and swapped in with one rename: a page
either reads the previous snapshot or the new one, never half of each. The page shows the
snapshot's age. Times are stored as Rwanda's local wall-clock time (Africa/Kigali has no
daylight saving), so months are Rwanda's months.

Tables: cases (one row per case), victims (one row per presumed victim, with the case's
dimensions), reports (one row per report received), meta (when it was built).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pyarrow as pa
from django.conf import settings
from django.utils import timezone

from tabara.cases.choices import Gender
from tabara.cases.facts import case_facts, first_services, victim_facts
from tabara.dashboards.bands import CODES as BAND_CODES
from tabara.dashboards.bands import age_band_sql
from tabara.geo.selectors import district_provinces
from tabara.intake.selectors import report_times
from tabara.referrals.selectors import referral_firsts

BATCH = 50_000
ENUMS = ("month", "province", "district", "exploitation", "channel", "country")
SEXES = frozenset(Gender.values)
UTC_TS = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Built:
    """What a refresh wrote."""

    path: Path
    cases: int
    victims: int
    reports: int
    seconds: float


def snapshot_path() -> Path:
    return Path(settings.DASHBOARDS_SNAPSHOT)


def _batches(
    rows: Iterable[tuple[Any, ...]], schema: pa.Schema, shape: Callable[..., Any]
) -> Iterator[pa.RecordBatch]:
    """Rows as Arrow record batches of BATCH rows (columnar, so a million rows stay small)."""
    iterator = iter(rows)
    while chunk := [shape(row) for row in islice(iterator, BATCH)]:
        columns = list(zip(*chunk, strict=True))
        yield pa.record_batch(
            [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
            schema=schema,
        )


def _table(
    rows: Iterable[tuple[Any, ...]], schema: pa.Schema, shape: Callable[..., Any]
) -> pa.Table:
    """The rows as one Arrow table; instants become naive UTC (DuckDB then needs no ICU)."""
    table = pa.Table.from_batches(list(_batches(rows, schema, shape)), schema=schema)
    naive = pa.schema(
        [pa.field(f.name, pa.timestamp("us")) if f.type == UTC_TS else f for f in schema]
    )
    return table.cast(naive)


def _facts() -> dict[str, pa.Table]:
    """The facts as Arrow tables, read from the transactional database once each."""
    districts = district_provinces()

    def case_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
        pk, org, opened, district_id, kind, channel, country, report_at = row
        district, province = districts.get(district_id, ("", ""))
        return (pk, org, opened, district, province, kind, channel, country or "", report_at)

    cases = _table(
        case_facts(),
        pa.schema(
            [
                ("id", pa.int64()),
                ("org", pa.int64()),
                ("opened", UTC_TS),
                ("district", pa.string()),
                ("province", pa.string()),
                ("exploitation", pa.string()),
                ("channel", pa.string()),
                ("country", pa.string()),
                ("report_at", UTC_TS),
            ]
        ),
        case_row,
    )
    same = lambda row: row  # noqa: E731
    victims = _table(
        victim_facts(),
        pa.schema([("case_id", pa.int64()), ("sex", pa.string()), ("age", pa.int32())]),
        same,
    )
    referrals = _table(
        referral_firsts(),
        pa.schema([("case_id", pa.int64()), ("referred_at", UTC_TS), ("accepted_at", UTC_TS)]),
        same,
    )
    services = _table(
        first_services(),
        pa.schema([("case_id", pa.int64()), ("service_on", pa.date32())]),
        same,
    )
    reports = _table(((at,) for at in report_times()), pa.schema([("received", UTC_TS)]), same)
    return {
        "raw_cases": cases,
        "raw_victims": victims,
        "raw_referrals": referrals,
        "raw_services": services,
        "raw_reports": reports,
    }


def _offset_seconds() -> int:
    """Rwanda's offset from UTC (fixed: Africa/Kigali keeps no daylight saving)."""
    offset = datetime.now(ZoneInfo(settings.TIME_ZONE)).utcoffset()
    return int(offset.total_seconds()) if offset else 0


def _local(column: str, offset: int) -> str:
    """A naive UTC instant as Rwanda's wall-clock time."""
    return f"({column} + INTERVAL {offset} SECOND)"


def _build(con: duckdb.DuckDBPyConnection, facts: dict[str, pa.Table], built_at: datetime) -> None:
    for name, table in facts.items():
        con.register(name, table)
    sexes = ", ".join(f"'{code}'" for code in sorted(SEXES))
    bands = ", ".join(f"'{code}'" for code in BAND_CODES)
    con.execute(f"CREATE TYPE e_sex AS ENUM ({sexes})")
    con.execute(f"CREATE TYPE e_band AS ENUM ({bands})")
    off = _offset_seconds()
    con.execute(
        f"""
        CREATE TEMP TABLE wide AS
        SELECT c.id, c.org, {_local("c.opened", off)} AS opened,
               strftime({_local("c.opened", off)}, '%Y-%m') AS month,
               c.district, c.province, c.exploitation, c.channel, c.country,
               coalesce(v.n, 0)::INTEGER AS victims,
               {_local("c.report_at", off)} AS report_at,
               {_local("r.referred_at", off)} AS referred_at,
               {_local("r.accepted_at", off)} AS accepted_at,
               CAST(s.service_on AS TIMESTAMP) AS service_at
        FROM raw_cases c
        LEFT JOIN (SELECT case_id, count(*) AS n FROM raw_victims GROUP BY case_id) v
               ON v.case_id = c.id
        LEFT JOIN raw_referrals r ON r.case_id = c.id
        LEFT JOIN raw_services s ON s.case_id = c.id
        """  # noqa: S608 - built from constants; values are bound parameters
    )
    # Codes as ENUMs (one byte each) group several times faster than strings; a step's
    # time is kept ready as a number, so a page takes medians without date arithmetic.
    for column in ENUMS:
        con.execute(
            f"CREATE TYPE e_{column} AS ENUM "  # noqa: S608 - constants only
            f"(SELECT DISTINCT {column} FROM wide WHERE {column} IS NOT NULL ORDER BY 1)"
        )
    codes = ", ".join(f"{column}::e_{column} AS {column}" for column in ENUMS)
    con.execute(
        f"""
        CREATE TABLE cases AS
        SELECT id, org::INTEGER AS org, opened, {codes}, victims,
               report_at IS NOT NULL AS from_report,
               referred_at IS NOT NULL AS referred,
               accepted_at IS NOT NULL AS accepted,
               service_at IS NOT NULL AS served,
               date_diff('second', report_at, opened) AS to_case,
               date_diff('second', opened, referred_at) AS to_referral,
               date_diff('second', referred_at, accepted_at) AS to_accepted,
               date_diff('day', CAST(opened AS DATE), CAST(service_at AS DATE)) AS to_service
        FROM wide ORDER BY opened
        """  # noqa: S608 - built from constants; values are bound parameters
    )
    con.execute(
        f"""
        CREATE TABLE victims AS
        SELECT c.org, c.opened, c.month, c.district, c.province,
               v.sex::e_sex AS sex, ({age_band_sql("v.age")})::e_band AS band
        FROM raw_victims v JOIN cases c ON c.id = v.case_id
        ORDER BY c.opened
        """  # noqa: S608 - built from constants; values are bound parameters
    )
    con.execute(
        f"""
        CREATE TABLE reports AS
        SELECT {_local("received", off)} AS received,
               strftime({_local("received", off)}, '%Y-%m') AS month
        FROM raw_reports ORDER BY received
        """  # noqa: S608 - built from constants; values are bound parameters
    )
    con.execute("CREATE TABLE meta (built_at TIMESTAMP)")
    con.execute("INSERT INTO meta VALUES (?)", [built_at.astimezone(UTC).replace(tzinfo=None)])
    for name in facts:
        con.unregister(name)


def snapshot_refresh() -> Built:
    """Rebuild the snapshot from the database and swap it in atomically."""
    started = timezone.now()
    path = snapshot_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    facts = _facts()
    con = duckdb.connect(str(temporary))
    try:
        _build(con, facts, started)
        counts = [
            int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # type: ignore[index]  # noqa: S608
            for name in ("cases", "victims", "reports")
        ]
    finally:
        con.close()
    os.chmod(temporary, 0o600)  # de-identified, but still only for the server's own eyes
    os.replace(temporary, path)
    seconds = (timezone.now() - started).total_seconds()
    return Built(path, counts[0], counts[1], counts[2], seconds)


def day_start(day: date) -> datetime:
    """Midnight starting `day`, as the snapshot's naive local timestamps compare."""
    return datetime.combine(day, time())
