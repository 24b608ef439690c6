"""The public self-check's own wording of the questions: complete, pinned, and shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from tabara.screening.ruleset import RULESET_DIR, load_ruleset
from tabara.screening.tests.helpers import catalogue
from tabara.screening.wording import (
    PUBLISHED_WORDINGS,
    WordingError,
    check_wording,
    public_wording,
    read_wording,
)

RULESET = load_ruleset()
PUBLISHED = RULESET_DIR / "rw-2026.1.public.json"


def test_every_catalogue_question_has_a_public_wording_in_three_languages() -> None:
    wording = public_wording(RULESET)
    ids = {indicator["id"] for indicator in catalogue()["indicators"]}
    assert set(wording) == ids
    for iid, texts in wording.items():
        assert set(texts) == {"rw", "en", "fr"}
        # Worded for the public, not a copy of the officer's question.
        for lang in ("rw", "en", "fr"):
            assert texts[lang] != RULESET.indicators[iid].question.get(lang), (iid, lang)
        assert texts["rw"] != texts["en"] != texts["fr"]
        assert all(len(text) <= 150 for text in texts.values())  # a phone screen


def test_altered_or_incomplete_wordings_are_refused(tmp_path: Path) -> None:
    data = json.loads(PUBLISHED.read_bytes())
    data["questions"]["age_under_18"]["en"] = "Are you a child?"
    (tmp_path / PUBLISHED.name).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(WordingError, match="sha256"):
        read_wording(RULESET, tmp_path)
    assert PUBLISHED_WORDINGS[PUBLISHED.name]
    questions = data["questions"]
    broken = [
        ({**data, "ruleset": "rw-2025.9"}, "rule set"),
        ({**data, "questions": None}, "no questions"),
        ({**data, "questions": {**questions, "ask_nothing": questions["age_under_18"]}}, "unknown"),
        ({**data, "questions": {**questions, "age_under_18": {"en": "x", "fr": "y"}}}, "no rw"),
        (
            {
                **data,
                "questions": {**questions, "age_under_18": {"rw": "a" * 151, "en": "b", "fr": "c"}},
            },
            "longer than 150",
        ),
    ]
    for document, problem in broken:
        with pytest.raises(WordingError, match=problem):
            check_wording(document, RULESET)


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_limits")
@pytest.mark.parametrize(
    ("language", "public", "officer"),
    [
        ("en", "Are you under 18 years old?", "Is the person under 18 years old?"),
        ("rw", "Ufite imyaka iri munsi ya 18?", "Uwo muntu afite imyaka iri munsi ya 18?"),
        ("fr", "Avez-vous moins de 18 ans ?", "La personne a-t-elle moins de 18 ans ?"),
    ],
)
def test_the_self_check_asks_in_the_public_wording(
    language: str, public: str, officer: str
) -> None:
    client = Client()
    html = client.get(f"/{language}/check/").content.decode()
    assert public in html.replace("&#x27;", "'")
    assert officer not in html
    # Later pages too: every question shown is in its public wording.
    page = client.post(f"/{language}/check/", {"q_age_under_18": "no", "action": "next"})
    html = page.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    shown = list(dict.fromkeys(re.findall(r'name="q_([a-z0-9_]+)"', html)))
    assert shown
    for iid in shown:
        assert public_wording(RULESET)[iid][language] in html


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_limits")
def test_a_follow_up_waits_for_the_page_after_the_question_it_presumes() -> None:
    client = Client()
    adult = client.post("/en/check/", {"q_age_under_18": "no", "action": "next"}).content.decode()
    shown = set(re.findall(r'name="q_([a-z0-9_]+)"', adult))
    assert "sexwork_sells_sex" in shown
    assert not shown & {"sexwork_keeps_earnings", "sexwork_adult_self_directed"}
    answers = {"a_age_under_18": "no", "q_sexwork_sells_sex": "yes", "action": "next"}
    for iid in shown - {"sexwork_sells_sex"}:
        answers[f"q_{iid}"] = "unknown"
    later = client.post("/en/check/", answers).content.decode()
    assert "sexwork_keeps_earnings" in set(re.findall(r'name="q_([a-z0-9_]+)"', later))
