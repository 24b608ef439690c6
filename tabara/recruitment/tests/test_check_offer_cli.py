"""`tabara check-offer FILE|- --json`, like `tabara screen`."""

from __future__ import annotations

import io
import json

import pytest

from tabara.cli import main as tabara_main


def run(args: list[str], stdin: str, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = tabara_main(["check-offer", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_from_stdin_lists_flags_with_sources(monkeypatch, capsys) -> None:
    doc = {"answers": {"passport": "recruiter", "fees": "none", "agency_status": "revoked"}}
    status, out, _err = run(["-", "--json", "--lang", "rw"], json.dumps(doc), monkeypatch, capsys)
    result = json.loads(out)
    assert status == 0 and result["level"]["id"] == "report"
    assert [f["id"] for f in result["flags"]] == ["passport_taken", "agency_stopped"]
    assert result["flags"][0]["sources"][0] == {"source": "ILO-FR", "cite": "General principle 11"}
    assert result["level"]["label"] == "Bimenyeshe"


def test_plain_words_from_a_file(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "offer.json"
    path.write_text(json.dumps({"answers": {"hurry": "yes"}}))
    status, out, _err = run([str(path)], "", monkeypatch, capsys)
    assert status == 0 and out.startswith("Be careful:") and "- You are pushed to hurry" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["-"], "not json", "not valid JSON"),
        (["-"], '{"answer": {}}', '"answers" object'),
        (["-"], '{"answers": {"fees": "maybe"}}', "not an answer"),
        (["-", "--lang", "de"], "{}", "--lang"),
        (["-", "--colour"], "{}", "unknown option"),
        ([], "", "missing FILE"),
        (["a", "b"], "", "exactly one FILE"),
        (["/nonexistent/offer.json"], "", "cannot read"),
    ],
)
def test_bad_input_exits_2_with_a_reason(args, stdin, message, monkeypatch, capsys) -> None:
    status, _out, err = run(args, stdin, monkeypatch, capsys)
    assert status == 2 and message in err


def test_help(monkeypatch, capsys) -> None:
    status, out, _err = run(["--help"], "", monkeypatch, capsys)
    assert status == 0 and "check-offer" in out
