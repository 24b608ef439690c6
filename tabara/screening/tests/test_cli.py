"""`tabara screen` input handling, options and start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tabara.screening.cli import main

ADULT_SMUGGLED = {
    "age_under_18": "no",
    "border_crossed_international": "yes",
    "border_irregular_crossing": "yes",
    "smuggling_paid_facilitator": "yes",
}


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, *args: str
) -> tuple[int, str, str]:
    path = tmp_path / "input.json"
    path.write_text(content, encoding="utf-8")
    status = main([str(path), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"answers": {"age_under_19": "yes"}}', "unknown indicator id 'age_under_19'"),
        ('{"answers": {"age_under_18": "maybe"}}', "must be yes, no or unknown"),
        ('{"answers": {"age_under_18": true}}', "must be yes, no or unknown"),
        ('{"answers": {"age_under_18": "yes"}', "not valid JSON"),
        ('{"age_under_18": "yes"}', '"answers"'),
        ('["answers"]', '"answers"'),
        ('{"answers": ["age_under_18"]}', '"answers" must be an object'),
    ],
)
def test_malformed_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    status, out, err = run(tmp_path, capsys, content)
    assert status == 2
    assert out == ""
    assert err.startswith("tabara screen: ") and message in err


@pytest.mark.parametrize(
    "args",
    [[], ["a.json", "b.json"], ["a.json", "--lang", "de"], ["a.json", "--lang"], ["--verbose"]],
)
def test_bad_usage_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert "tabara screen" in capsys.readouterr().err


def test_missing_file_and_unknown_rule_set_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "absent.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    status, _, err = run(tmp_path, capsys, '{"answers": {}}', "--ruleset", "rw-1999.1")
    assert status == 2 and "unknown rule set" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "usage: tabara screen" in capsys.readouterr().out


def test_missing_answers_are_unknown_and_output_has_the_required_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(tmp_path, capsys, '{"answers": {}}')
    result = json.loads(out)
    assert status == 0
    assert {"outcome", "secondary", "elements", "next_questions", "ruleset"} <= set(result)
    assert result["outcome"] == "insufficient_information"
    assert result["next_questions"][0] == "age_under_18"
    assert "explanation" not in result


@pytest.mark.parametrize("lang", ["rw", "en", "fr"])
def test_lang_adds_explanations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    content = json.dumps({"answers": ADULT_SMUGGLED})
    status, out, _ = run(tmp_path, capsys, content, f"--lang={lang}")
    explanation = json.loads(out)["explanation"]
    assert status == 0 and explanation["lang"] == lang
    assert explanation["outcome"]["id"] == "smuggling"
    assert explanation["outcome"]["short"] and explanation["referrals"]
    assert explanation["elements"]["smuggling"]["answers"][0]["question"]


def test_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"answers": ADULT_SMUGGLED})))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "smuggling"


def test_start_up_imports_neither_django_nor_numpy_nor_yaml(tmp_path: Path) -> None:
    path = tmp_path / "input.json"
    path.write_text(json.dumps({"answers": ADULT_SMUGGLED}), encoding="utf-8")
    probe = (
        "import sys\n"
        "from tabara.cli import main\n"
        f"status = main(['screen', {str(path)!r}, '--lang', 'en'])\n"
        "heavy = sorted(m for m in ('django', 'numpy', 'yaml', 'scipy') if m in sys.modules)\n"
        "print(status, heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(  # noqa: S603 - runs this venv's own interpreter or command
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr.strip() == "0 []"


def test_next_questions_follow_the_interview_and_say_where_they_lead(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An adult who sells sex; whether she keeps her earnings was asked and is not known.
    answers = {
        "age_under_18": "no",
        "sexwork_sells_sex": "yes",
        "sexwork_keeps_earnings": "unknown",
    }
    status, out, _ = run(tmp_path, capsys, json.dumps({"answers": answers}))
    result = json.loads(out)
    assert status == 0 and result["outcome"] == "insufficient_information"
    assert result["interview_done"] is False
    assert result["next_questions"] and not set(result["next_questions"]) & set(answers)
    assert set(result["question_outcomes"]) == set(result["next_questions"])
    # Law (R8): an adult selling sex on her own account is sex work; the self-direction
    # question is the one left that can show it, and the CLI says so.
    assert "sex_work" in result["question_outcomes"]["sexwork_adult_self_directed"]
    assert {"question": "sexwork_keeps_earnings", "answer": "yes", "outcome": "sex_work"} in (
        result["would_change"]
    )


def test_a_decided_interview_proposes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # R1: a child in commercial sex is a trafficking victim; no answer can change that.
    answers = {"age_under_18": "yes", "sexwork_sells_sex": "yes"}
    status, out, _ = run(tmp_path, capsys, json.dumps({"answers": answers}))
    result = json.loads(out)
    assert status == 0
    assert result["outcome"] == "trafficking" and result["interview_done"] is True
    assert result["next_questions"] == [] and result["question_outcomes"] == {}
