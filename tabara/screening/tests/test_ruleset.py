"""The published rule set: immutable (hash-verified), complete in three languages, on contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabara.screening.model import LANGUAGES, Advice, Outcome
from tabara.screening.publish import main as publish_main
from tabara.screening.publish import render
from tabara.screening.ruleset import (
    DEFAULT_VERSION,
    PUBLISHED,
    RULESET_DIR,
    RulesetError,
    build_ruleset,
    canonical_json,
    load_ruleset,
    load_ruleset_file,
    sha256_hex,
)
from tabara.screening.schema import OUTCOME_IDS
from tabara.screening.tests.helpers import catalogue

RULESET = load_ruleset()
JSON_FILE = RULESET_DIR / f"{DEFAULT_VERSION}.json"
YAML_FILE = RULESET_DIR / f"{DEFAULT_VERSION}.yaml"


def raw_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(JSON_FILE.read_bytes())
    return data


def test_published_rule_set_loads_with_its_pinned_hash() -> None:
    assert RULESET.version == DEFAULT_VERSION
    assert RULESET.sha256 == PUBLISHED[DEFAULT_VERSION] == sha256_hex(JSON_FILE.read_bytes())


def test_loader_rejects_a_tampered_rule_set(tmp_path: Path) -> None:
    tampered = tmp_path / JSON_FILE.name
    text = JSON_FILE.read_text(encoding="utf-8")
    tampered.write_text(text.replace('"medium_means_min": 2', '"medium_means_min": 1'), "utf-8")
    assert tampered.read_bytes() != JSON_FILE.read_bytes()
    with pytest.raises(RulesetError, match="sha256"):
        load_ruleset_file(tampered, expected_sha256=PUBLISHED[DEFAULT_VERSION])


def test_loader_rejects_an_unknown_version() -> None:
    with pytest.raises(RulesetError, match="unknown rule set version"):
        load_ruleset("rw-1999.1")


def test_published_json_is_the_canonical_rendering_of_the_yaml_source() -> None:
    assert render(YAML_FILE) == JSON_FILE.read_bytes()
    assert canonical_json(raw_data()) == JSON_FILE.read_bytes()
    assert publish_main([str(YAML_FILE), "--check"]) == 0


def test_every_indicator_has_three_languages_non_empty() -> None:
    for indicator in RULESET.indicators.values():
        for lang in LANGUAGES:
            assert indicator.question.get(lang).strip(), (indicator.id, lang)


def texts(node: Any, path: str = "") -> list[tuple[str, dict[str, str]]]:
    """Every {rw, en, fr} text in the raw rule set, with where it sits."""
    if isinstance(node, dict):
        if set(node) == set(LANGUAGES):
            return [(path, node)]
        return [hit for key, value in node.items() for hit in texts(value, f"{path}.{key}")]
    if isinstance(node, list):
        found = []
        for i, value in enumerate(node):
            name = value.get("id", i) if isinstance(value, dict) else i
            found += texts(value, f"{path}.{name}")
        return found
    return []


def test_every_text_has_three_languages_and_short_texts_fit_150_characters() -> None:
    found = texts(raw_data())
    assert len(found) > 180  # the walk reaches every text, not just a few
    for path, text in found:
        for lang in LANGUAGES:
            assert text[lang].strip(), (path, lang)
            if ".short" in path or ".statuses." in path:
                assert len(text[lang]) <= 150, (path, lang, len(text[lang]))


def test_teaching_warning_and_referral_texts_exist_for_every_item() -> None:
    items: list[Outcome | Advice] = [*RULESET.outcomes.values(), *RULESET.warnings.values()]
    for item in [*items, *RULESET.referrals.values()]:
        assert item.short.rw and item.long.rw
        assert len(item.long.en) > len(item.short.en)


def test_indicator_ids_and_attributes_keep_the_catalogue_contract() -> None:
    expected = catalogue()["indicators"]
    assert list(RULESET.indicators) == [row["id"] for row in expected]
    for row in expected:
        indicator = RULESET.indicators[row["id"]]
        elements = row["element"] if isinstance(row["element"], list) else [row["element"]]
        assert list(indicator.elements) == elements
        assert indicator.strength == row["strength"]
        assert indicator.polarity == row["polarity"]
        assert indicator.purpose_type == row.get("purpose_type")
        keys = {ref.key for ref in indicator.law}
        assert len(keys) >= 1 and len(indicator.law) >= len(row["sources"])


def test_outcome_ids_are_the_seven_of_the_contract() -> None:
    assert tuple(RULESET.outcomes) == OUTCOME_IDS
    assert [row["id"] for row in catalogue()["outcomes"]] == list(OUTCOME_IDS)


def test_unconfirmed_law_is_flagged() -> None:
    sex_work = RULESET.outcomes["sex_work"]
    assert any(ref.unconfirmed for ref in sex_work.law)
    assert not any(ref.unconfirmed for ref in RULESET.outcomes["trafficking"].law)


def test_validation_lists_every_problem() -> None:
    data = raw_data()
    data["indicators"][0]["question"]["rw"] = " "
    data["outcomes"][0]["teaching"]["short"]["fr"] = "x" * 151
    data["groups"]["act"].append("no_such_indicator")
    with pytest.raises(RulesetError) as caught:
        build_ruleset(data, sha256="0" * 64)
    message = str(caught.value)
    assert "age_under_18: empty rw" in message
    assert "fr over 150" in message
    assert "no_such_indicator" in message
