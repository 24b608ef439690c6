"""docs/screening-rules.md explains every id of the rule set (house style rule 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabara.screening.ruleset import load_ruleset

DOC = Path(__file__).resolve().parents[3] / "docs" / "screening-rules.md"
RULESET = load_ruleset()
IDS = {
    "indicator": list(RULESET.indicators),
    "outcome": list(RULESET.outcomes),
    "rule": list(RULESET.rules),
    "warning": list(RULESET.warnings),
    "referral": list(RULESET.referrals),
    "purpose type": list(RULESET.purpose_types),
    "indicator group": list(RULESET.groups),
}


@pytest.mark.parametrize("kind", IDS)
def test_every_id_is_documented(kind: str) -> None:
    documented = set(re.findall(r"`([A-Za-z0-9_]+)`", DOC.read_text(encoding="utf-8")))
    missing = [iid for iid in IDS[kind] if iid not in documented]
    assert not missing, f"{kind} ids missing from {DOC.name}: {missing}"


def test_doc_names_the_published_version_and_hash() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"`{RULESET.version}`" in text
    assert RULESET.sha256 in text
