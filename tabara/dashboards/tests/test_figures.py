"""Each aggregate against the hand-worked table in conftest.py (never the selector's own output)."""

from __future__ import annotations

from datetime import date

import pytest

from tabara.dashboards.selectors import Figures, Filters, Scope, statistics_figures

pytestmark = pytest.mark.django_db

EVERYONE = Scope(org_id=None, exact=True)  # raw national counts, before disclosure control


def figures_of(scope: Scope, filters: Filters) -> Figures:
    found = statistics_figures(scope, filters)
    assert found is not None
    return found


def by(figures: Figures, dimension: str) -> dict[str, tuple[int, int]]:
    return {c.key: (c.cases, c.victims) for c in figures.by[dimension]}


def steps(figures: Figures) -> dict[str, tuple[int, float | None]]:
    return {s.key: (s.cases, s.median_hours) for s in figures.steps}


def test_national_counts_by_every_dimension(world) -> None:
    f = figures_of(EVERYONE, Filters())
    assert (f.cases, f.victims, f.reports) == (5, 5, 2)
    assert by(f, "month") == {"2026-01": (2, 3), "2026-02": (2, 2), "2026-03": (1, 0)}
    assert by(f, "district") == {"11": (3, 3), "33": (2, 2)}
    rib, hope = world.orgs["RIB"].pk, world.orgs["HOPE"].pk
    assert by(f, "org") == {str(rib): (3, 3), str(hope): (2, 2)}
    # Rwanda's district codes start with their province's: 1 Kigali, 3 Western.
    assert by(f, "province") == {"1": (3, 3), "3": (2, 2)}
    assert by(f, "exploitation") == {
        "sexual_exploitation": (1, 2),
        "forced_labour": (2, 1),
        "domestic_servitude": (1, 2),
        "unknown": (1, 0),
    }
    assert by(f, "channel") == {
        "social_media": (2, 4),
        "agency": (1, 1),
        "relative": (1, 0),
        "unknown": (1, 0),
    }
    assert by(f, "country") == {"AE": (2, 4), "SA": (1, 1), "": (2, 0)}


def test_victims_by_age_band_and_sex(world) -> None:
    f = figures_of(EVERYONE, Filters())
    assert f.age_sex == {
        ("9-17", "feminine"): 1,  # 16
        ("24-26", "feminine"): 1,  # 25
        ("30-38", "masculine"): 1,  # 30
        ("unknown", "feminine"): 1,  # age not recorded
        ("0-8", "masculine"): 1,  # 8
    }


def test_path_counts_and_median_times(world) -> None:
    assert steps(figures_of(EVERYONE, Filters())) == {
        "report": (2, None),
        "case": (5, 60.0),  # reports 48 h and 72 h before their cases
        "referral": (2, 9.0),  # 6 h and 12 h after opening
        "accepted": (1, 24.0),
        "service": (1, 5 * 24.0),  # opened 20 January, shelter from 25 January
    }


def test_one_organization_sees_only_its_own_cases(world) -> None:
    rib = Scope(org_id=world.orgs["RIB"].pk, exact=True)
    f = figures_of(rib, Filters())
    assert (f.cases, f.victims, f.reports) == (3, 3, None)
    assert by(f, "month") == {"2026-01": (2, 3), "2026-02": (1, 0)}
    assert steps(f)["case"] == (3, 48.0)
    # Asking for another organization changes nothing outside a national scope.
    f = figures_of(rib, Filters(org_id=world.orgs["HOPE"].pk))
    assert (f.cases, f.victims) == (3, 3)


def test_filters_by_period_organization_and_district(world) -> None:
    february = Filters(since=date(2026, 2, 1), until=date(2026, 2, 28))
    f = figures_of(EVERYONE, february)
    assert (f.cases, f.victims) == (2, 2)  # c3 and c4
    assert f.reports == 1  # the report of 26 February
    f = figures_of(EVERYONE, Filters(until=date(2026, 1, 10)))
    assert (f.cases, f.victims) == (1, 2)  # `until` includes its whole day
    f = figures_of(EVERYONE, Filters(org_id=world.orgs["HOPE"].pk))
    assert (f.cases, f.victims, f.reports) == (2, 2, None)
    f = figures_of(EVERYONE, Filters(district="33"))
    assert (f.cases, f.victims) == (2, 2)
    assert f.age_sex == {("unknown", "feminine"): 1, ("0-8", "masculine"): 1}


def test_a_selection_without_cases(world) -> None:
    f = figures_of(EVERYONE, Filters(district="21"))  # Nyanza: none of the five
    assert (f.cases, f.victims, f.age_sex) == (0, 0, {})
    assert steps(f) == dict.fromkeys(
        ("report", "case", "referral", "accepted", "service"), (0, None)
    )


def test_no_snapshot_yet(settings, tmp_path) -> None:
    settings.DASHBOARDS_SNAPSHOT = tmp_path / "none.duckdb"
    assert statistics_figures(EVERYONE, Filters()) is None


def test_the_refresh_command_reports_what_it_counted(world, settings, tmp_path) -> None:
    from io import StringIO

    from django.core.management import call_command

    settings.DASHBOARDS_SNAPSHOT = tmp_path / "snapshot.duckdb"  # the module's stays as built
    out = StringIO()
    call_command("dashboards_refresh", stdout=out)
    assert out.getvalue().startswith("5 cases, 5 victims, 2 reports in ")
    assert (tmp_path / "snapshot.duckdb").stat().st_mode & 0o077 == 0  # the server's only


def test_figures_are_remembered_per_scope_and_filters_until_the_next_snapshot(
    world, settings, tmp_path
) -> None:
    from tabara.cases.tests.factories import case_create
    from tabara.dashboards.snapshot import snapshot_refresh

    rib = Scope(org_id=world.orgs["RIB"].pk, exact=True)
    for _ in range(2):  # asked again, each scope and filter keeps its own answer
        assert figures_of(EVERYONE, Filters()).cases == 5
        assert figures_of(rib, Filters()).cases == 3
        assert figures_of(EVERYONE, Filters(district="33")).cases == 2
    assert figures_of(EVERYONE, Filters()) is figures_of(EVERYONE, Filters())  # remembered
    settings.DASHBOARDS_SNAPSHOT = tmp_path / "snapshot.duckdb"
    snapshot_refresh()
    case_create(world.rib)
    assert figures_of(EVERYONE, Filters()).cases == 5  # the case came after this snapshot
    snapshot_refresh()  # replaced where it stands: the next answer is the new snapshot's
    assert figures_of(EVERYONE, Filters()).cases == 6
    assert figures_of(rib, Filters()).cases == 4
