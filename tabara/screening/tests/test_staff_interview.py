"""The staff interview: decisive questions first, answers changeable, resumable, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.intake.tests.factories import submit_report
from tabara.screening.interview import next_questions
from tabara.screening.models import ScreeningInterview

VIGNETTES = yaml.safe_load(
    (Path(__file__).parent / "data" / "vignettes-public.yaml").read_text(encoding="utf-8")
)["vignettes"]
V01_CASE = next(v for v in VIGNETTES if v["id"] == "V01")
V01 = {key: str(value) for key, value in V01_CASE["answers"].items()}


def start(client, **data) -> ScreeningInterview:
    response = client.post("/en/staff/screening/", data)
    assert response.status_code == 302
    return ScreeningInterview.objects.latest("id")


@pytest.mark.django_db
def test_the_page_shows_the_most_decisive_unanswered_questions(staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER)
    interview = start(client, subject="young woman at the bus park")
    html = client.get(f"/en/staff/screening/{interview.pk}/").content.decode()
    first = next_questions({}, 5)
    for indicator in first:
        assert f'name="q_{indicator.id}"' in html
    assert html.index(f"q_{first[0].id}") < html.index(f"q_{first[-1].id}")


@pytest.mark.django_db
def test_answers_are_saved_changed_resumed_and_the_result_recorded(staff_client) -> None:
    client, user = staff_client(Role.CASE_WORKER)
    interview = start(client)
    url = f"/en/staff/screening/{interview.pk}/"
    client.post(url, {f"q_{k}": v for k, v in V01.items()} | {"action": "save"})
    interview.refresh_from_db()
    assert interview.answers == V01 and interview.status == "draft"
    client.post(url, {"q_means_debt_bondage": "no", "action": "save"})  # change one answer
    interview.refresh_from_db()
    assert interview.answers["means_debt_bondage"] == "no"
    original = V01["means_debt_bondage"]
    response = client.post(url, {"q_means_debt_bondage": original, "action": "finish"})
    assert response.status_code == 302 and response["Location"].endswith("/result/")
    interview.refresh_from_db()
    assert interview.status == "completed"
    assert interview.outcome == V01_CASE["expected_classification"]
    assert interview.result["ruleset"] == interview.ruleset_version
    page = client.get(response["Location"]).content.decode()
    assert "Likely human trafficking" in page or "trafficking" in page.lower()
    actions = list(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert AuditAction.SCREENING_STARTED in actions and AuditAction.SCREENING_COMPLETED in actions
    # A completed interview is a record: posting again changes nothing.
    assert client.post(url, {"q_means_debt_bondage": "no"}).status_code == 302
    interview.refresh_from_db()
    assert interview.answers["means_debt_bondage"] == original


@pytest.mark.django_db
def test_bad_answer_value_is_explained_and_nothing_saved(staff_client) -> None:
    client, _user = staff_client()
    interview = start(client)
    first = next_questions({}, 1)[0].id
    response = client.post(f"/en/staff/screening/{interview.pk}/", {f"q_{first}": "maybe"})
    assert response.status_code == 400
    assert "Please choose yes, no or" in response.content.decode()
    interview.refresh_from_db()
    assert interview.answers == {}


@pytest.mark.django_db
def test_screening_attached_to_a_report(staff_client) -> None:
    report = submit_report().report
    client, _user = staff_client(Role.INTAKE_OFFICER)
    interview = start(client, report=str(report.pk))
    assert interview.report_id == report.pk


@pytest.mark.django_db
def test_other_organizations_and_roles_without_permission_see_nothing(staff_client) -> None:
    owner, _user = staff_client(Role.INTAKE_OFFICER)
    interview = start(owner)
    outsider, _other = staff_client(Role.INTAKE_OFFICER)  # a different organization
    missing = outsider.get("/en/staff/screening/999999/")
    hidden = outsider.get(f"/en/staff/screening/{interview.pk}/")
    assert hidden.status_code == missing.status_code == 404
    analyst, _a = staff_client(Role.ANALYST)
    assert analyst.get("/en/staff/screening/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading", "outcome"),
    [
        ("en", "Not known yet, but would change the result", "Adult sex work"),
        ("fr", "Pas encore connu, mais changerait le résultat", None),
        ("rw", "Ibitaramenyekana ariko byahindura igisubizo", None),
    ],
)
def test_the_page_names_unknown_answers_that_would_change_the_result(
    staff_client, lang: str, heading: str, outcome: str | None
) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER)
    interview = start(client)
    # An adult who sells sex; whether she keeps her earnings is not known (R8 needs it).
    answers = {
        "age_under_18": "no",
        "sexwork_sells_sex": "yes",
        "sexwork_keeps_earnings": "unknown",
    }
    url = f"/{lang}/staff/screening/{interview.pk}/"
    client.post(url, {f"q_{k}": v for k, v in answers.items()} | {"action": "save"})
    html = client.get(url).content.decode()
    assert heading in html
    if outcome:
        listed = html.split(heading, 1)[1].split("</ul>", 1)[0]
        assert "keep all or most of the money" in listed and "if yes" in listed
        assert outcome in listed


@pytest.mark.django_db
def test_a_decided_interview_says_no_answer_can_change_it(staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER)
    interview = start(client)
    url = f"/en/staff/screening/{interview.pk}/"
    client.post(url, {"q_age_under_18": "yes", "q_sexwork_sells_sex": "yes", "action": "save"})
    html = client.get(url).content.decode()
    assert "No further answer can change this result." in html
    assert "No more questions: you can finish." in html
