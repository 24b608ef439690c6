"""A completed screening opens a case with its outcome and the child finding filled in."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.screening.services import screening_answers_save, screening_complete, screening_start


@pytest.mark.django_db
def test_case_form_is_prefilled_from_a_completed_screening(staff_client) -> None:
    client, user = staff_client(Role.SUPERVISOR)
    interview = screening_start(user=user)
    answers = {"age_under_18": "yes", "act_recruited": "yes", "purpose_forced_work": "yes"}
    screening_answers_save(user=user, interview_id=interview.pk, answers=answers)
    done = screening_complete(user=user, interview_id=interview.pk)
    result = client.get(f"/en/staff/screening/{interview.pk}/result/").content.decode()
    assert f"/en/staff/cases/new/?screening={interview.pk}" in result
    form = client.get(f"/en/staff/cases/new/?screening={interview.pk}")
    assert form.status_code == 200
    assert done.outcome == "trafficking"
    assert form.context["form"].initial == {
        "screening_outcome": "presumed_victim",
        "child_involved": True,
    }


@pytest.mark.django_db
def test_another_organizations_screening_is_not_found(staff_client) -> None:
    _owner, owner_user = staff_client(Role.SUPERVISOR)
    interview = screening_start(user=owner_user)
    other, _other_user = staff_client(Role.SUPERVISOR)
    assert other.get(f"/en/staff/cases/new/?screening={interview.pk}").status_code == 404
