"""Releases of the public statistics: noisy, protected, charged to the budget, audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from tabara.audit.models import AuditAction, AuditEvent
from tabara.cli import main
from tabara.opendata.models import PrivacyBudget, PrivacySpend, StatisticsRelease
from tabara.opendata.releases import BUDGET_NAME, ReleaseRefused, release_publish
from tabara.opendata.tests.factories import victims_create


@pytest.fixture
def victims(agencies):
    from tabara.geo.models import AdminUnit

    kigali = AdminUnit.objects.filter(level="district", parent__code="1").first()
    specs = [{"gender": "feminine", "age": 24, "district": kigali}] * 60
    specs += [{"gender": "masculine", "age": 15, "exploitation_type": "forced_labour"}] * 30
    specs += [{"gender": "unknown", "exploitation_type": "organ_removal"}] * 2
    return victims_create(agencies["RIB"], specs)


def test_a_release_shows_no_small_cell_and_charges_the_ledger(victims, analyst) -> None:
    release = release_publish(user=analyst, epsilon=Decimal("2"))
    for table in release.tables.values():
        for _code, value in table["cells"]:
            assert value is None or value >= 5
        assert table["total"] is None or table["total"] >= 5
    assert release.spend.epsilon == Decimal("2") and release.margin > 0
    assert [s.epsilon for s in PrivacySpend.objects.all()] == [Decimal("2")]
    event = AuditEvent.objects.get(action=AuditAction.STATISTICS_RELEASED)
    assert event.actor_id == analyst.pk and event.extra["epsilon"] == "2.0000"
    # Two organ removals are too few to show, whatever the noise added to them.
    cells = dict(release.tables["exploitation"]["cells"])
    assert cells["organ_removal"] is None or cells["organ_removal"] >= 5


def test_a_release_past_the_budget_is_refused_and_audited(victims, analyst) -> None:
    # A budget is only ever raised (tabara/opendata/triggers.py): this one starts small.
    PrivacyBudget.objects.create(
        name=BUDGET_NAME, total_epsilon=Decimal("1.5"), created_at=timezone.now()
    )
    release_publish(user=analyst, epsilon=Decimal("1"))
    with pytest.raises(ReleaseRefused, match=r"0\.5000 left"):
        release_publish(user=analyst, epsilon=Decimal("0.6"))
    assert StatisticsRelease.objects.count() == 1
    assert sum(PrivacySpend.objects.values_list("epsilon", flat=True)) == Decimal("1")
    refusal = AuditEvent.objects.get(action=AuditAction.OPEN_DATA_REFUSED)
    assert refusal.extra["reason"] == "budget"
    release_publish(user=analyst, epsilon=Decimal("0.5"))  # what is left still fits


def test_the_ledger_is_append_only(victims, analyst) -> None:
    spend = release_publish(user=analyst).spend
    spend.epsilon = Decimal("0.0001")
    with pytest.raises(ValueError, match="append-only"):
        spend.save()
    with pytest.raises(ValueError, match="append-only"):
        spend.delete()


def _estimation(user, **fields):
    """An estimation of `user`'s organization, as the prevalence app stores one."""
    from tabara.prevalence.models import Estimation

    fields.setdefault("status", Estimation.Status.DONE)
    return Estimation.objects.create(
        organization=user.organization,
        created_by=user,
        file_name="lists.csv",
        rows=[],
        data_sha256="0" * 64,
        method="stepwise",
        library_version="test",
        **fields,
    )


def test_the_cli_releases_with_the_analyst_s_published_estimate(
    victims, analyst, right_code, capsys
) -> None:
    estimation = _estimation(
        analyst,
        title="Kigali lists 2026 (synthetic)",
        result={
            "observed": 300,
            "estimate": 1184.4,
            "level": 0.95,
            "ci": {"wald": [900.0, 1500.0], "profile": [950.2, 1490.7]},
        },
    )
    right_code(analyst)
    assert main(["export", "release", "--user", "ana", "--estimation", str(estimation.pk)]) == 0
    assert "ε 9.0000 left" in capsys.readouterr().out
    published = StatisticsRelease.objects.get().estimate
    assert (published["estimate"], published["low"], published["high"]) == (1184, 950, 1491)


def test_another_organization_s_estimation_cannot_be_published(
    victims, analyst, agencies, make_staff, right_code, capsys
) -> None:
    from tabara.accounts.roles import Role

    other = make_staff(roles=[Role.ANALYST], organization=agencies["RIB"])
    estimation = _estimation(other, title="theirs", result={"observed": 3, "estimate": 9.0})
    right_code(analyst)
    assert main(["export", "release", "--user", "ana", "--estimation", str(estimation.pk)]) == 2
    assert not StatisticsRelease.objects.exists() and not PrivacySpend.objects.exists()


def test_an_unfinished_estimation_or_a_bad_epsilon_is_refused(victims, analyst) -> None:
    from tabara.prevalence.models import Estimation

    queued = _estimation(analyst, title="q", status=Estimation.Status.QUEUED)
    with pytest.raises(ReleaseRefused, match="not finished"):
        release_publish(user=analyst, estimation_id=queued.pk)
    with pytest.raises(ValueError, match="positive"):
        release_publish(user=analyst, epsilon=Decimal("-1"))
    assert not PrivacySpend.objects.exists()
