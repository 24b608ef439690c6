"""The staff screening result: the law in plain words first, codes and sources folded away."""

from __future__ import annotations

import re

import pytest

from tabara.accounts.roles import Role
from tabara.screening.services import screening_answers_save, screening_complete, screening_start

pytestmark = pytest.mark.django_db

# A child recruited and sold into forced work (rule set rw-2026.1's own indicator ids).
ANSWERS = {"age_under_18": "yes", "act_recruited": "yes", "purpose_forced_work": "yes"}


def completed_result(client, user, language: str = "en") -> str:
    interview = screening_start(user=user)
    screening_answers_save(user=user, interview_id=interview.pk, answers=ANSWERS)
    screening_complete(user=user, interview_id=interview.pk)
    response = client.get(f"/{language}/staff/screening/{interview.pk}/result/")
    return str(response.content.decode())


def test_codes_and_sources_sit_behind_a_details_toggle(staff_client) -> None:
    client, user = staff_client(Role.SUPERVISOR)
    html = completed_result(client, user)
    details = re.search(r'<details id="codes">(.*?)</details>', html, re.S)
    assert details is not None
    folded = details.group(1)
    visible = html.replace(details.group(0), "")
    # Internal codes: the outcome id, element statuses, indicator ids, rule-set hash,
    # and the law's shorthand keys and cites.
    for code in ("<code>trafficking</code>", "age_under_18", "Art 3", "PAL3"):
        assert code in folded
        assert code not in visible
    assert not re.search(r"\b(PAL3[a-d]|C182|R\d+)\b", visible)


def test_the_visible_part_explains_the_law_in_plain_words(staff_client) -> None:
    client, user = staff_client(Role.SUPERVISOR)
    html = completed_result(client, user)
    visible = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert "Likely human trafficking" in visible
    assert "What the law asks, in plain words" in visible
    # The child element as the rule set words it for people, and what the officer said.
    assert "For a child, force or lies are not needed" in visible
    assert "Is the person under 18 years old? → Yes" in visible
    fr = completed_result(client, user, "fr")
    assert "Ce que demande la loi, en mots simples" in fr
    assert "Codes et sources juridiques (pour les juristes)" in fr
