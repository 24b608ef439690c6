"""`tabara link dedupe` on generated lists whose truth (which records are one person) comes
from the generator (tabara/linkage/synthetic.py), not from the linker."""

from __future__ import annotations

import csv
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tabara.cli import main
from tabara.linkage.synthetic import population_records, records_write
from tabara.prevalence.mse.reading import read_table

SOURCES = ("isange", "police", "shelter")


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = {}
    for record_id, group in groups.items():
        members.setdefault(group, []).append(record_id)
    return {(a, b) for ids in members.values() for a, b in itertools.combinations(sorted(ids), 2)}


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> tuple[Path, dict[str, int], Path, Path]:
    folder = tmp_path_factory.mktemp("link")
    rows = list(population_records(people=600, sources=SOURCES, capture=0.5, seed=11))
    truth = records_write(folder / "records.csv", rows)
    clusters, histories = folder / "clusters.csv", folder / "histories.csv"
    status = main(
        ["link", "dedupe", str(folder / "records.csv"), "--output", str(clusters),
         "--histories", str(histories)]
    )  # fmt: skip
    assert status == 0
    return folder / "records.csv", truth, clusters, histories


def test_every_record_gets_a_cluster_and_most_true_pairs_are_found(linked) -> None:
    _, truth, clusters, _ = linked
    with clusters.open(newline="") as handle:
        found = {row["record_id"]: row["cluster_id"] for row in csv.DictReader(handle)}
    assert set(found) == set(truth)
    true_pairs = _pairs({record: str(person) for record, person in truth.items()})
    found_pairs = _pairs(found)
    precision = len(true_pairs & found_pairs) / len(found_pairs)
    recall = len(true_pairs & found_pairs) / len(true_pairs)
    # The anchor (linkage notes 1) reached F1 0.94 on its hard stress set; these lists are
    # as hard (single names, no ID in most records), so a clearly lower bar is still a test.
    assert precision >= 0.95
    assert recall >= 0.82


def test_histories_are_what_tabara_estimate_reads_and_count_the_clusters(linked) -> None:
    _, _, clusters, histories = linked
    with clusters.open(newline="") as handle:
        cluster_ids = {row["cluster_id"] for row in csv.DictReader(handle)}
    table = read_table(histories)
    assert list(table.lists) == sorted(SOURCES)
    assert sum(table.counts) == len(cluster_ids)


def test_bad_rows_are_reported_by_line_and_do_not_stop_the_command(tmp_path, capsys) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "record_id,source,full_name,birth_date,nin,phone,district\n"
        "a1,police,Uwase Marie,2008-02-30,,,\n"  # line 2: no such date
        ",police,Habimana Jean,,,,\n"  # line 3: no record id
        "a3,isange,Marie UWASE,2008,123,,99\n"  # line 4: short NIN, no district 99
        "a1,isange,Uwase,,,,\n"  # line 5: repeats a1
        "a5,isange,,,,,\n",  # line 6: no name
        encoding="utf-8",
    )
    out = tmp_path / "clusters.csv"
    assert main(["link", "dedupe", str(source), "--output", str(out)]) == 0
    errors = capsys.readouterr().err
    for line in ("line 2:", "line 3:", "line 4: nin", "line 4: district", "line 5:", "line 6:"):
        assert line in errors
    with out.open(newline="") as handle:
        assert [row["record_id"] for row in csv.DictReader(handle)] == ["a1", "a3", "a5"]


def test_the_installed_command_runs_without_django_settings(tmp_path) -> None:
    """As a person runs it: the `tabara` script, no DJANGO_SETTINGS_MODULE in the environment."""
    source = tmp_path / "two.csv"
    source.write_text(
        "record_id,source,full_name,phone\n1,a,Uwase Marie,0788 123 456\n"
        "2,b,Mariya UWASE,+250788123456\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(  # noqa: S603 - the project's own command
        [str(Path(sys.executable).with_name("tabara")), "link", "dedupe", str(source),
         "--output", str(tmp_path / "c.csv")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "2 records, 0 problems" in done.stdout


def test_a_file_without_the_required_columns_is_refused(tmp_path, capsys) -> None:
    source = tmp_path / "people.csv"
    source.write_text("id,name\n1,Uwase\n", encoding="utf-8")
    assert main(["link", "dedupe", str(source), "--output", str(tmp_path / "c.csv")]) == 2
    assert "record_id" in capsys.readouterr().err


@pytest.mark.parametrize("threshold", ["0", "1", "x"])
def test_a_threshold_outside_zero_and_one_is_refused(tmp_path, threshold, capsys) -> None:
    arguments = ["link", "dedupe", "f.csv", "--output", "c.csv", "--threshold", threshold]
    assert main(arguments) == 2
    assert "threshold" in capsys.readouterr().err or "number" in capsys.readouterr().err


def test_an_xlsx_list_is_read_like_a_csv_one(tmp_path) -> None:
    """Spreadsheet cells arrive typed: dates, whole numbers as floats, IDs as integers."""
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Record_ID", "Source", "Full_Name", "Sex", "Birth_Date", "Age", "NIN", "Phone"])
    sheet.append(["x1", "police", "UWASE Marie", "F", dt.date(2008, 3, 14), None,
                  None, 788123456])  # fmt: skip
    sheet.append(["x2", "isange", "Mariya Uwase", "f", "2008", None, None, "0788 123 456"])
    sheet.append(["x3", "isange", "Habimana Jean", "M", None, 30.0, 1199580012345067, None])
    source = tmp_path / "list.xlsx"
    book.save(source)
    out = tmp_path / "clusters.csv"
    assert main(["link", "dedupe", str(source), "--output", str(out)]) == 0
    with out.open(newline="") as handle:
        clusters = {row["record_id"]: row["cluster_id"] for row in csv.DictReader(handle)}
    assert clusters == {"x1": "x1", "x2": "x1", "x3": "x3"}


def test_clusters_that_hold_two_people_s_facts_are_listed_for_review(tmp_path, capsys) -> None:
    """The same ID number links records whose sexes differ: a person must look (notes 5.1)."""
    source = tmp_path / "list.csv"
    rows = list(population_records(people=200, sources=SOURCES, capture=0.5, seed=3))
    records_write(source, rows)
    with source.open("a", encoding="utf-8") as handle:
        handle.write(
            "k1,police,Uwimana Claudine,F,2001-05-09,,1200170012345012,0722000111,24\n"
            "k2,isange,Claudine UWIMANA,M,2001-05-09,,1200170012345012,0722000111,24\n"
        )
    out = tmp_path / "clusters.csv"
    assert main(["link", "dedupe", str(source), "--output", str(out)]) == 0
    errors = capsys.readouterr().err
    assert "review cluster k1 (k1, k2): two sexes" in errors


def test_a_tiny_list_with_sure_matches_does_not_stop_the_command(tmp_path) -> None:
    """Three records, two with one ID: more sure matches than the training's recall allows."""
    source = tmp_path / "three.csv"
    source.write_text(
        "record_id,source,full_name,nin\n1,a,Uwase Marie,1200170012345012\n"
        "2,b,Marie Uwase,1200170012345012\n3,b,Habimana Jean,\n",
        encoding="utf-8",
    )
    out = tmp_path / "clusters.csv"
    assert main(["link", "dedupe", str(source), "--output", str(out)]) == 0
    with out.open(newline="") as handle:
        assert [row["record_id"] for row in csv.DictReader(handle)] == ["1", "2", "3"]
