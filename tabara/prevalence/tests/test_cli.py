"""`tabara estimate`: JSON keys and values, the readable report, and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tabara.prevalence.cli import main
from tabara.prevalence.tests.conftest import DATA, same_to

UK = str(DATA / "uk_2013_5lists.csv")
REQUIRED = {
    "observed",
    "estimate",
    "dark_figure",
    "lists",
    "terms",
    "empty_overlaps",
    "ci",
    "method",
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main([*args, "--json"]) == 0
    output: dict[str, Any] = json.loads(capsys.readouterr().out)
    return output


def test_json_stepwise_matches_r(
    capsys: pytest.CaptureFixture[str], reference: dict[str, Any]
) -> None:
    expected = reference["uk_2013_5lists"]
    out = run_json(capsys, UK)
    assert out.keys() >= REQUIRED
    assert out["method"] == "stepwise"
    assert out["observed"] == expected["n_observed"]
    assert out["lists"] == expected["lists"]
    assert same_to(6, out["estimate"], expected["sparsemse_stepwise"]["point"])
    assert same_to(6, out["dark_figure"], out["estimate"] - out["observed"])
    assert out["terms"] == sorted(expected["sparsemse_stepwise"]["selected_interactions"])
    assert out["empty_overlaps"] == []
    assert set(out["ci"]) == {"wald", "profile"}
    wald = expected["sparsemse_stepwise"]["ci95_wald_lognormal_conditional_on_model"]
    assert all(same_to(6, a, b) for a, b in zip(out["ci"]["wald"], wald, strict=True))
    profile = expected["sparsemse_stepwise"]["profile"]["ci95"]
    assert all(same_to(6, a, b) for a, b in zip(out["ci"]["profile"], profile, strict=True))
    assert [row["method"] for row in out["sensitivity"]] == [
        "independence",
        "stepwise",
        "aic-stepwise",
        "bic",
    ]


def test_json_with_bootstrap_has_percentile_and_bca(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, str(DATA / "artificial_3lists.csv"), "--bootstrap", "200", "--seed", "5")
    assert {"wald", "profile", "percentile", "bca"} <= out["ci"].keys()
    low, high = out["ci"]["bca"]
    assert low < out["estimate"] < high
    assert out["bootstrap"]["replicates"] == 200
    assert out["bootstrap"]["seed"] == 5
    histogram = out["bootstrap"]["histogram"]
    assert all(left < right for left, right, _ in histogram)
    assert 190 <= sum(count for _, _, count in histogram) <= 200  # central 99%


@pytest.mark.parametrize(
    ("method", "section", "key"),
    [
        ("independence", "independence", "point"),
        ("aic-stepwise", "rcapture_aic_stepwise_2014", "abundance"),
        ("bic", "rcapture_closedpMS", None),
    ],
)
def test_other_methods(
    capsys: pytest.CaptureFixture[str],
    reference: dict[str, Any],
    method: str,
    section: str,
    key: str | None,
) -> None:
    out = run_json(capsys, str(DATA / "hiv_rome_4lists.csv"), "--method", method)
    expected = reference["hiv_rome_4lists"][section]
    value = expected[key] if key else expected["best_BIC"]["abundance"]
    assert out["method"] == method
    assert same_to(6, out["estimate"], value)


def test_empty_overlaps_are_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # A and C share nobody but are expected to overlap a lot: stepwise adds A:C as an
    # empty overlap (structural zeros) rather than an estimated interaction.
    rows = ["A,B,C,count", "1,0,0,300", "0,1,0,300", "0,0,1,300", "1,1,0,60", "0,1,1,60"]
    path = tmp_path / "t.csv"
    path.write_text("\n".join(rows) + "\n")
    out = run_json(capsys, str(path))
    assert out["empty_overlaps"] == ["A:C"]
    assert "A:C" not in out["terms"]


def test_two_lists_give_lincoln_petersen_and_a_caution(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "two.csv"
    path.write_text("A,B,count\n1,0,30\n0,1,20\n1,1,10\n")
    out = run_json(capsys, str(path))
    assert same_to(6, out["estimate"], 40 * 30 / 10)
    assert any("only two lists" in note for note in out["warnings"])


def test_interactions_carry_their_coefficients(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, UK)
    assert [term for term, _ in out["interactions"]] == out["terms"]
    coefficients = dict(out["interactions"])
    assert coefficients["LA:NG"] > 0  # referrals between these agencies: they share people
    western = run_json(capsys, str(DATA / "western_us_5lists.csv"))
    assert [term for term, _ in western["interactions"]] == ["A:E"]


def test_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DATA / "western_us_5lists.csv")]) == 0
    text = capsys.readouterr().out
    assert "Estimated total number of people: 2,483" in text
    assert "A:E" in text
    assert "nobody in common (A:B, B:E)" in text


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["missing.csv"], "file not found"),
        ([UK, "--method", "magic"], "invalid choice"),
        ([UK, "--bootstrap", "-1"], "--bootstrap must be 0 or more"),
        ([UK, "--threshold", "2"], "threshold"),
        ([UK, "--workers", "0"], "--workers"),
        ([UK, "--level", "1.5"], "level"),
        ([], "required"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("tabara estimate: error:")
    assert fragment in captured.err


def test_bad_file_content_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("A,B,count\n1,0,4\n0,7,2\n")
    assert main([str(path)]) == 2
    assert "row 3, column 'B'" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--bootstrap" in capsys.readouterr().out


def test_installed_console_script() -> None:
    script = Path(sys.executable).parent / "tabara"
    done = subprocess.run(  # noqa: S603 - fixed argv: our own console script and test file
        [str(script), "estimate", str(DATA / "new_orleans_5lists.csv"), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out.keys() >= REQUIRED
    assert round(out["estimate"]) == 1034
    assert out["terms"] == []
