"""Saving agencies: dated history, audit in the same transaction, lookup by every key."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tabara.audit.models import AuditEvent
from tabara.recruitment import selectors
from tabara.recruitment.models import AgencyChange
from tabara.recruitment.services import AgencyInput, agency_save
from tabara.recruitment.tests.factories import make_agency
from tabara.recruitment.verdict import standing, standing_for

pytestmark = pytest.mark.django_db


def test_a_change_is_dated_and_audited_and_no_change_writes_nothing() -> None:
    with time_machine.travel("2026-03-01 09:00Z", tick=False):
        agency = make_agency()
    data = AgencyInput(
        name="Horizon Kazi Placement Ltd",
        licence_number="RW-LMA-2025-0101",
        status="suspended",
        status_since=date(2026, 3, 2),
        licence_expires=date(2027, 1, 9),
        destinations=("AE", "QA"),
        phones=("+250788100101",),
    )
    with time_machine.travel("2026-03-02 10:00Z", tick=False):
        _, changed = agency_save(user=None, data=data, agency_id=agency.pk)
    assert changed
    latest = AgencyChange.objects.filter(agency=agency).first()
    assert latest is not None and latest.changed_at.date() == date(2026, 3, 2)
    assert latest.fields == {
        "status": ["licensed", "suspended"],
        "status_since": ["2025-01-10", "2026-03-02"],
    }
    event = AuditEvent.objects.filter(action="agency_saved").last()
    assert event is not None and event.extra["fields"] == ["status", "status_since"]
    assert "suspended" not in str(event.extra)  # names the fields, never their values
    count = AuditEvent.objects.count()
    assert agency_save(user=None, data=data, agency_id=agency.pk)[1] is False
    assert AuditEvent.objects.count() == count


@pytest.mark.parametrize(
    "typed",
    ["Horizon Kazi Placement Ltd", "horizon kazi", "HORIZON JOBS COMPANY", "Kazi Horizon"],
)
def test_found_by_any_spelling_of_any_of_its_names(typed) -> None:
    agency = make_agency(other_names=("Horizon Jobs",))
    make_agency(name="Ubumwe Overseas", licence_number="RW-2", phones=())
    found = selectors.agency_find(typed)
    assert found.kind == "name" and [a.pk for a in found.agencies] == [agency.pk]


@pytest.mark.parametrize(
    "typed", ["0788 100 101", "+250788100101", "250-788-100-101", "(0788) 100101"]
)
def test_found_by_its_phone_in_any_format(typed) -> None:
    agency = make_agency()
    found = selectors.agency_find(typed)
    assert found.kind == "phone" and [a.pk for a in found.agencies] == [agency.pk]


def test_found_by_licence_number_ignoring_case_and_punctuation() -> None:
    agency = make_agency()
    found = selectors.agency_find("rw lma 2025 0101")
    assert found.kind == "licence" and found.agencies == [agency]
    assert selectors.agency_find("Nyenyeri Travel").agencies == []


@pytest.mark.parametrize(
    ("status", "expires", "destination", "expected"),
    [
        ("licensed", date(2026, 6, 1), "AE", "licensed"),
        ("licensed", date(2026, 6, 1), "", "licensed"),
        ("licensed", date(2026, 6, 1), "ZZ", "licensed"),
        ("licensed", None, "AE", "licensed"),
        ("licensed", date(2026, 4, 30), "AE", "expired"),  # the list was not updated
        ("licensed", date(2026, 6, 1), "SA", "not_for_destination"),
        ("suspended", date(2026, 6, 1), "AE", "suspended"),
        ("revoked", None, "AE", "revoked"),
        ("expired", None, "AE", "expired"),
    ],
)
def test_standing_on_the_day_asked(status, expires, destination, expected) -> None:
    today = date(2026, 5, 1)
    assert standing_for(status, expires, ("AE", "QA"), destination, today) == expected
    assert standing(status, date(2026, 5, 1), today) == ("licensed" if status == "licensed"
                                                          else status)  # fmt: skip
