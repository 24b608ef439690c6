"""The hidden number from a link run, at several thresholds side by side; one published.

The run is built by hand so that its tables are known without running the code: three
lists A, B, C; people recorded once, linked surely (p 0.99), probably (p 0.7) or barely
(p 0.3). The tables below were counted by hand from that design; the estimates of each
table come from the project's estimator run on the hand-written table (its own tests check
it against R).
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.linkage.models import LinkPair, LinkRecord, LinkRun
from tabara.prevalence.models import Estimation
from tabara.prevalence.mse import parse_rows, run_estimation

# (lists the person is on, probability of the links joining their records, how many people)
DESIGN = [
    ("A", 0.0, 30), ("B", 0.0, 30), ("C", 0.0, 30),  # one record: no pair
    ("AB", 0.99, 20), ("AC", 0.99, 20), ("BC", 0.99, 20), ("ABC", 0.99, 10),
    ("AB", 0.7, 6),  # linked at p >= 0.2 and 0.5, two people at 0.9
    ("AC", 0.3, 4),  # linked only at p >= 0.2
]  # fmt: skip
# Counted by hand: pattern (A, B, C) -> people, at each threshold.
TABLES = {
    0.2: {(1, 0, 0): 30, (0, 1, 0): 30, (0, 0, 1): 30, (1, 1, 0): 26, (1, 0, 1): 24,
          (0, 1, 1): 20, (1, 1, 1): 10},
    0.5: {(1, 0, 0): 34, (0, 1, 0): 30, (0, 0, 1): 34, (1, 1, 0): 26, (1, 0, 1): 20,
          (0, 1, 1): 20, (1, 1, 1): 10},
    0.9: {(1, 0, 0): 40, (0, 1, 0): 36, (0, 0, 1): 34, (1, 1, 0): 20, (1, 0, 1): 20,
          (0, 1, 1): 20, (1, 1, 1): 10},
}  # fmt: skip


def _rows(table: dict[tuple[int, int, int], int]) -> list[list[str]]:
    return [["A", "B", "C", "count"], *[[*map(str, p), str(n)] for p, n in table.items()]]


def _run(user, *, status: str = LinkRun.Status.DONE) -> LinkRun:
    run = LinkRun.objects.create(
        organization=user.organization, created_by=user, title="Shelters and RIB",
        threshold=0.5, status=status, finished_at=timezone.now(),
    )  # fmt: skip
    position = 0
    for lists, probability, people in DESIGN:
        for _ in range(people):
            records = []
            for source in lists:
                records.append(
                    LinkRecord.objects.create(
                        run=run,
                        position=position,
                        source=source,
                        key=f"list:{position}",
                        cluster=position,
                    )
                )
                position += 1
            for left, right in pairwise(records):
                LinkPair.objects.create(
                    run=run, left=left, right=right, match_probability=probability,
                    match_weight=0.0,
                )  # fmt: skip
    run.record_count = position
    run.save(update_fields=["record_count"])
    return run


def _expected(table: dict[tuple[int, int, int], int]):
    return run_estimation(parse_rows(_rows(table)), method="stepwise", workers=1)


@pytest.mark.django_db
def test_the_estimates_at_three_thresholds_are_those_of_the_hand_counted_tables(
    staff_client,
) -> None:
    client, user = staff_client(Role.ANALYST)
    run = _run(user)
    page = client.get(f"/en/staff/prevalence/linked/{run.pk}/").content.decode()
    for threshold, table in TABLES.items():
        expected = _expected(table)
        low, high = expected.result.profile or expected.result.wald
        row = page.split(f"p ≥ {threshold}")[1].split("</tr>")[0]
        assert f"<td>{sum(table.values())}</td>" in row
        assert f"<td>{expected.estimate:.0f}</td>" in row
        assert f"{low:.0f}–{high:.0f}" in row
    assert "(the run's)" in page.split("p ≥ 0.5")[1].split("</tr>")[0]
    listing = client.get("/en/staff/prevalence/").content.decode()
    assert f"/en/staff/prevalence/linked/{run.pk}/" in listing


@pytest.mark.django_db
def test_the_analyst_chooses_the_lists_counted(staff_client) -> None:
    client, user = staff_client(Role.ANALYST)
    run = _run(user)
    page = client.get(f"/en/staff/prevalence/linked/{run.pk}/?lists=A&lists=B").content.decode()
    # At p >= 0.2, C's records still join people but are counted on no list: A only 30 + 24
    # (A and C), B only 30 + 20 (B and C), A and B 26 + 10 (A, B and C) = 140 people.
    assert "<td>140</td>" in page.split("p ≥ 0.2")[1].split("</tr>")[0]
    alone = client.get(f"/en/staff/prevalence/linked/{run.pk}/?lists=A").content.decode()
    assert "Choose at least two lists" in alone


@pytest.mark.django_db(transaction=True)
def test_publishing_a_threshold_creates_an_estimation_of_its_table(staff_client) -> None:
    client, user = staff_client(Role.ANALYST)
    run = _run(user)
    response = client.post(
        f"/en/staff/prevalence/linked/{run.pk}/",
        {"title": "Linked at 0.9", "threshold": "0.9", "lists": ["A", "B", "C"]},
    )
    estimation = Estimation.objects.get()
    assert response["Location"] == f"/en/staff/prevalence/{estimation.pk}/"
    stored, expected = parse_rows(estimation.rows), parse_rows(_rows(TABLES[0.9]))
    assert stored.lists == expected.lists
    assert stored.cell_counts.tolist() == expected.cell_counts.tolist()
    assert estimation.title == "Linked at 0.9" and estimation.organization == user.organization
    event = AuditEvent.objects.filter(target_type="estimation").get()
    assert event.extra["link_run"] == run.pk and event.extra["linkage_threshold"] == 0.9


@pytest.mark.django_db
def test_a_publication_without_a_title_keeps_the_choice_and_says_why(staff_client) -> None:
    client, user = staff_client(Role.ANALYST)
    run = _run(user)
    response = client.post(
        f"/en/staff/prevalence/linked/{run.pk}/",
        {"title": "", "threshold": "0.2", "lists": ["A", "C"]},
    )
    page = response.content.decode()
    assert response.status_code == 400 and not Estimation.objects.exists()
    assert "Give the estimation a title." in page
    assert re.search(r'name="threshold" value="0\.2"[^>]*checked', page)
    assert re.search(r'name="lists" value="C"[^>]*checked', page)
    assert not re.search(r'name="lists" value="B"[^>]*checked', page)


@pytest.mark.django_db
def test_an_unfinished_run_shows_no_estimate(staff_client) -> None:
    client, user = staff_client(Role.ANALYST)
    run = _run(user, status=LinkRun.Status.RUNNING)
    page = client.get(f"/en/staff/prevalence/linked/{run.pk}/").content.decode()
    assert "has not finished" in page and "p ≥ 0.2" not in page


@pytest.mark.django_db
def test_another_organizations_run_is_not_found(staff_client, make_staff) -> None:
    client, user = staff_client(Role.ANALYST)
    other = _run(make_staff(roles=[Role.ANALYST]))
    assert other.organization != user.organization
    assert client.get(f"/en/staff/prevalence/linked/{other.pk}/").status_code == 404
