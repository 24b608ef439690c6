"""All public vignettes pass, through the evaluator, `main()` and the installed command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tabara.screening.cli import main
from tabara.screening.engine import evaluate
from tabara.screening.ruleset import DEFAULT_VERSION
from tabara.screening.tests.helpers import expected, vignettes

VIGNETTES = vignettes()
IDS = [v["id"] for v in VIGNETTES]
TABARA = Path(sys.executable).with_name("tabara")


def test_there_are_fifteen_public_vignettes() -> None:
    assert len(VIGNETTES) == 15


@pytest.mark.parametrize("vignette", VIGNETTES, ids=IDS)
def test_evaluator_matches_vignette(vignette: dict[str, Any]) -> None:
    assessment = evaluate(vignette["answers"])
    computed = {
        "outcome": assessment.outcome,
        "secondary": list(assessment.secondary),
        "elements": assessment.element_statuses(),
    }
    assert computed == expected(vignette)
    assert assessment.ruleset == DEFAULT_VERSION


@pytest.mark.parametrize("vignette", VIGNETTES, ids=IDS)
def test_cli_main_matches_vignette(
    vignette: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": vignette["answers"]}), encoding="utf-8")
    assert main([str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {key: result[key] for key in ("outcome", "secondary", "elements")} == expected(vignette)
    assert result["ruleset"] == DEFAULT_VERSION


@pytest.mark.parametrize("vignette", [VIGNETTES[2], VIGNETTES[8]], ids=[IDS[2], IDS[8]])
def test_installed_command_matches_vignette(vignette: dict[str, Any]) -> None:
    done = subprocess.run(  # noqa: S603 - runs this venv's own interpreter or command
        [str(TABARA), "screen", "-", "--lang", "rw"],
        input=json.dumps({"answers": vignette["answers"]}),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {key: result[key] for key in ("outcome", "secondary", "elements")} == expected(vignette)
    assert result["explanation"]["lang"] == "rw"
