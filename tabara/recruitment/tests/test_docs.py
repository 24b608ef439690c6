"""docs/job-offers.md names every red-flag rule and every source the rules cite."""

from __future__ import annotations

from pathlib import Path

from tabara.recruitment.offers import load_offer_rules

DOC = (Path(__file__).resolve().parents[3] / "docs" / "job-offers.md").read_text()


def test_every_flag_is_documented() -> None:
    rules = load_offer_rules()
    assert {f.id for f in rules.flags} <= {
        word.strip("`") for word in DOC.split() if word.startswith("`")
    }
