"""Edges of the open-data commands: refusals inside the services, odd arguments, empty data."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.cli import main
from tabara.opendata.exports import ExportRefused, ctdc_export, htcds_export
from tabara.opendata.operators import OperatorRefused
from tabara.opendata.releases import budget_current, release_publish
from tabara.opendata.selectors import counted_cases, victim_records
from tabara.opendata.tests.factories import victims_create


def test_the_services_themselves_refuse_staff_without_the_permission(
    agencies, make_staff, tmp_path
) -> None:
    worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    with pytest.raises(OperatorRefused):
        htcds_export(user=worker, output=tmp_path / "a.csv")
    with pytest.raises(OperatorRefused):
        ctdc_export(user=worker, output=tmp_path / "b.csv")
    with pytest.raises(OperatorRefused):
        release_publish(user=worker)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused(supervisor, tmp_path) -> None:
    with pytest.raises(ExportRefused, match="does not exist"):
        htcds_export(user=supervisor, output=tmp_path / "nowhere" / "a.csv")


def test_with_no_case_the_ctdc_file_has_its_header_and_no_row(analyst, tmp_path) -> None:
    result = ctdc_export(user=analyst, output=tmp_path / "c.csv")
    assert (result.rows, result.measured_k) == (0, 0)
    assert "# 0 records;" in (tmp_path / "c.csv").read_text()


def test_a_case_without_a_recorded_victim_counts_as_one_person(agencies) -> None:
    victims_create(agencies["RIB"], [{"person": False, "child_involved": True}])
    (record,) = victim_records(counted_cases())
    assert record.is_child and record.age is None and record.gender == "unknown"


def test_a_non_number_epsilon_is_a_usage_error(capsys) -> None:
    assert main(["export", "release", "--user", "ana", "--epsilon", "lots"]) == 2
    assert "'lots' is not a number" in capsys.readouterr().err


def test_records_read_as_text(agencies, analyst) -> None:
    release = release_publish(user=analyst)
    assert str(budget_current()).startswith("public-statistics: ε 10")
    assert str(release.spend).startswith("ε 1.0000 on ")
    assert str(release).startswith("release of ")


def test_before_any_release_the_statistics_page_says_so(db) -> None:
    from html import unescape

    from django.test import Client

    html = unescape(Client().get("/fr/statistics/").content.decode())
    assert "Aucun chiffre n'a encore été publié." in html
