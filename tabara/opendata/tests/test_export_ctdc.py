"""`tabara export ctdc`: every record, k-anonymous, checked by pycanon, or nothing at all."""

from __future__ import annotations

import csv
import io
import random
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tabara.audit.models import AuditAction, AuditEvent
from tabara.cli import main
from tabara.opendata.tests.factories import victims_create

QIS = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "CountryOfExploitation",
    "typeOfExploitConcatenated",
    "RecruiterRelationship",
)


def _people(n: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    return [
        {
            "opened_at": start + timedelta(days=rng.randrange(2500)),
            "gender": rng.choice(["feminine", "feminine", "masculine", "unknown"]),
            "age": rng.choice([None, 9, 15, 19, 22, 25, 31, 40, 52]),
            "citizenship": rng.choice(["RW", "RW", "RW", "CD", "BI", ""]),
            "exploitation_type": rng.choice(
                ["forced_labour", "sexual_exploitation", "domestic_servitude", "forced_marriage"]
            ),
            "recruitment_channel": rng.choice(["relative", "acquaintance", "agency", "unknown"]),
            "destination_country": rng.choice(["UG", "AE", "KE", "", "SA"]),
            "border_crossed": True,
        }
        for _ in range(n)
    ]


def _read(path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(body)))


def test_every_combination_occurs_k_times_and_every_record_is_there(
    agencies, analyst, right_code, tmp_path
) -> None:
    victims_create(agencies["RIB"], _people(120))
    victims_create(agencies["NCDA"], [{"screening_outcome": "not_a_victim"}] * 3)
    right_code(analyst)
    out = tmp_path / "ctdc.csv"
    assert main(["export", "ctdc", str(out), "--k", "5", "--user", "ana"]) == 0
    comments, rows = _read(out)
    assert len(rows) == 120  # none dropped; the three non-victims are not counted
    sizes = Counter(tuple(row[q] for q in QIS) for row in rows)
    assert min(sizes.values()) >= 5
    # The header states what was done, and it matches the file.
    header = " ".join(comments)
    stated = re.search(r"(\d+) values suppressed \(-99\) in (\d+) records", header)
    assert stated is not None
    suppressed, in_records = int(stated.group(1)), int(stated.group(2))
    missing = sum(1 for row in rows for q in QIS if row[q] == "-99")
    with_missing = sum(1 for row in rows if any(row[q] == "-99" for q in QIS))
    assert 0 < suppressed <= missing and 0 < in_records <= with_missing
    assert suppressed <= in_records * len(QIS)
    assert re.search(r"\d+ values generalised", header) and "k = 5" in header
    text = out.read_text(encoding="utf-8")
    assert "Synthetic Person" not in text and "+250788" not in text
    event = AuditEvent.objects.get(action=AuditAction.CTDC_EXPORTED)
    assert event.actor_id == analyst.pk and event.extra["rows"] == 120


def test_derived_columns_never_know_more_than_the_quasi_identifiers(
    agencies, analyst, right_code, tmp_path
) -> None:
    victims_create(agencies["RIB"], _people(60, seed=3))
    right_code(analyst)
    out = tmp_path / "ctdc.csv"
    assert main(["export", "ctdc", str(out), "--user", "ana"]) == 0
    _comments, rows = _read(out)
    whole = Counter(tuple(row.values()) for row in rows)
    assert min(whole.values()) >= 11  # the default k, as CTDC does


def test_too_few_records_for_k_are_refused_not_dropped(
    agencies, analyst, right_code, tmp_path, capsys
) -> None:
    victims_create(agencies["RIB"], _people(4))
    right_code(analyst)
    out = tmp_path / "ctdc.csv"
    assert main(["export", "ctdc", str(out), "--user", "ana"]) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert "4 records cannot form a group of 11" in capsys.readouterr().err
    assert AuditEvent.objects.filter(action=AuditAction.OPEN_DATA_REFUSED).exists()


def test_a_file_that_fails_the_disclosure_check_is_not_written(
    agencies, analyst, right_code, tmp_path, monkeypatch, capsys
) -> None:
    from tabara.opendata import exports
    from tabara.opendata.kanon import Anonymised

    # A broken anonymiser that releases the records as they are: pycanon must catch it.
    monkeypatch.setattr(
        exports,
        "anonymise",
        lambda rows, ladders, k: Anonymised(
            [dict(r) for r in rows], dict.fromkeys(ladders, 0), 0, 0, 0
        ),
    )
    victims_create(agencies["RIB"], _people(40))
    right_code(analyst)
    out = tmp_path / "ctdc.csv"
    assert main(["export", "ctdc", str(out), "--user", "ana"]) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert "measured k = 1" in capsys.readouterr().err
    refusal = AuditEvent.objects.get(action=AuditAction.OPEN_DATA_REFUSED)
    assert refusal.extra["reason"] == "DisclosureRisk"
    assert not AuditEvent.objects.filter(action=AuditAction.CTDC_EXPORTED).exists()


@pytest.mark.parametrize("k", ["1", "0"])
def test_k_below_two_is_refused(analyst, right_code, tmp_path, k) -> None:
    right_code(analyst)
    assert main(["export", "ctdc", str(tmp_path / "x.csv"), "--k", k, "--user", "ana"]) == 2


def test_a_supervisor_cannot_publish(supervisor, right_code, tmp_path) -> None:
    right_code(supervisor)
    assert main(["export", "ctdc", str(tmp_path / "x.csv"), "--user", "sup"]) == 2
    assert not (tmp_path / "x.csv").exists()
