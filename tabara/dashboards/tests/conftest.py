"""Five synthetic cases with known dates, places, victims and paths, and a fresh snapshot.

Everything happens at chosen Rwanda times (time_machine), through the services staff use:
reports submitted, cases opened (two from reports), victims added, referrals sent and
accepted, a service started. The expectations in the tests are worked out by hand from the
table below, never read back from the dashboard's selectors.

  case  owner  opened (Kigali)    district  type                channel       dest  victims
  c1    RIB    2026-01-10 10:00   11        sexual_exploitation social_media  AE    F16, F25
              (from a report received 2026-01-08 10:00: 48 h before)
  c2    RIB    2026-01-20 09:00   11        forced_labour       agency        SA    M30
              referred to NCDA 6 h later, accepted 24 h after that; shelter started 2026-01-25
  c3    RIB    2026-02-05 08:00   33        forced_labour       relative      -     (none)
              referred to NCDA 12 h later, never answered
  c4    HOPE   2026-02-15 12:00   33        domestic_servitude  social_media  AE    F?, M8
  c5    HOPE   2026-03-01 15:00   11        unknown             unknown       -     (none)
              (from a report received 2026-02-26 15:00: 72 h before)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import staff_factory
from tabara.cases.choices import Gender, PersonRole, ServiceStatus, ServiceType
from tabara.cases.plan import case_service_plan, case_service_update
from tabara.cases.services import CaseInput, case_open_from_report, case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.dashboards.snapshot import snapshot_refresh
from tabara.geo.models import AdminUnit
from tabara.geo.selectors import choices_forget
from tabara.geo.services import geography_load
from tabara.intake.tests.factories import submit_report
from tabara.referrals.services import referral_accept, referral_send

KIGALI = ZoneInfo("Africa/Kigali")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=KIGALI)


@pytest.fixture
def snapshot_file(settings, tmp_path: Path) -> Path:
    settings.DASHBOARDS_SNAPSHOT = tmp_path / "dashboards" / "snapshot.duckdb"
    return Path(settings.DASHBOARDS_SNAPSHOT)


@pytest.fixture(scope="module")
def shared_world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SimpleNamespace]:
    """The world and its snapshot, built once per module inside a transaction rolled back at
    its end; each test runs in a savepoint of it (its own changes are undone)."""
    snapshot = tmp_path_factory.mktemp("dashboards") / "snapshot.duckdb"
    with (
        django_db_blocker.unblock(),
        override_settings(DASHBOARDS_SNAPSHOT=snapshot),
        transaction.atomic(),
    ):
        geography_load(levels=("province", "district", "sector"))
        choices_forget()
        yield world_build(snapshot)
        transaction.set_rollback(True)
    choices_forget()


@pytest.fixture
def world(shared_world: SimpleNamespace, db: None, settings: Any) -> SimpleNamespace:
    """The module's world (tests reading it); browser tests build their own (fresh_world)."""
    settings.DASHBOARDS_SNAPSHOT = shared_world.snapshot
    return shared_world


@pytest.fixture
def fresh_world(geography: None, snapshot_file: Path) -> SimpleNamespace:
    """The world committed for this test alone (a live server reads it from another thread)."""
    return world_build(snapshot_file)


def world_build(snapshot_file: Path) -> SimpleNamespace:
    orgs = agencies_create()
    d = {u.code: u for u in AdminUnit.objects.filter(level="district")}
    w = SimpleNamespace(orgs=orgs, snapshot=snapshot_file)
    w.rib = staff_factory(roles=[Role.SUPERVISOR], organization=orgs["RIB"])
    w.hope = staff_factory(roles=[Role.SUPERVISOR], organization=orgs["HOPE"])
    w.ncda = staff_factory(roles=[Role.CASE_WORKER], organization=orgs["NCDA"])
    w.analyst = staff_factory(roles=[Role.ANALYST], organization=orgs["IOM"])
    w.officer = staff_factory(roles=[Role.PROGRAMME_OFFICER], organization=orgs["RIB"])

    def victim(user, case, gender: str, age: int | None) -> None:
        case_person_add(
            user=user, case_id=case.pk, role=PersonRole.PRESUMED_VICTIM, gender=gender, age=age
        )

    with time_machine.travel(at("2026-01-08 10:00"), tick=False):
        r1 = submit_report(recruitment_channel="social_media", destination_country="AE")
    with time_machine.travel(at("2026-01-10 10:00"), tick=False):
        c1 = case_open_from_report(
            user=w.rib,
            report_id=r1.report.pk,
            data=CaseInput(exploitation_type="sexual_exploitation", district=d["11"]),
        )
        victim(w.rib, c1, Gender.FEMININE, 16)
        victim(w.rib, c1, Gender.FEMININE, 25)
    with time_machine.travel(at("2026-01-20 09:00"), tick=False):
        c2 = case_create(
            w.rib,
            district=d["11"],
            exploitation_type="forced_labour",
            recruitment_channel="agency",
            destination_country="SA",
            consent_to_share=True,
        )
        victim(w.rib, c2, Gender.MASCULINE, 30)
    with time_machine.travel(at("2026-01-20 15:00"), tick=False):
        sent = referral_send(user=w.rib, case_id=c2.pk, to_org=orgs["NCDA"])
    with time_machine.travel(at("2026-01-21 15:00"), tick=False):
        referral_accept(user=w.ncda, referral_id=sent.pk)
        service = case_service_plan(
            user=w.rib, case_id=c2.pk, service_type=ServiceType.SHELTER, provider_org=orgs["RIB"]
        )
        case_service_update(
            user=w.rib,
            service_id=service.pk,
            status=ServiceStatus.IN_PROGRESS,
            started_on=date(2026, 1, 25),
        )
    with time_machine.travel(at("2026-02-05 08:00"), tick=False):
        c3 = case_create(
            w.rib,
            district=d["33"],
            exploitation_type="forced_labour",
            recruitment_channel="relative",
            consent_to_share=True,
        )
    with time_machine.travel(at("2026-02-05 20:00"), tick=False):
        referral_send(user=w.rib, case_id=c3.pk, to_org=orgs["NCDA"])
    with time_machine.travel(at("2026-02-15 12:00"), tick=False):
        c4 = case_create(
            w.hope,
            district=d["33"],
            exploitation_type="domestic_servitude",
            recruitment_channel="social_media",
            destination_country="AE",
        )
        victim(w.hope, c4, Gender.FEMININE, None)
        victim(w.hope, c4, Gender.MASCULINE, 8)
    with time_machine.travel(at("2026-02-26 15:00"), tick=False):
        r5 = submit_report()
    with time_machine.travel(at("2026-03-01 15:00"), tick=False):
        case_open_from_report(user=w.hope, report_id=r5.report.pk, data=CaseInput(district=d["11"]))
    with time_machine.travel(at("2026-03-01 15:00") + timedelta(minutes=5), tick=False):
        snapshot_refresh()
    return w
