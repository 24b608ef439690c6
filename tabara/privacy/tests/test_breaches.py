"""The breach register: recorded by administrators, deadlines of the law, input kept.

Deadlines come from Law N° 058/2021 (dpo.gov.rw): the authority is told within 48 hours
of becoming aware (Article 43) and gets the written report within 72 hours (Article 44).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.cases.tests.factories import agencies_create
from tabara.privacy.models import Breach

pytestmark = pytest.mark.django_db
URL = "/en/staff/privacy/breaches/"


def when(hours_ago: float) -> str:
    return timezone.localtime(timezone.now() - timedelta(hours=hours_ago)).strftime(
        "%Y-%m-%dT%H:%M"
    )


def form(**overrides: str) -> dict[str, str]:
    data = {
        "discovered_at": when(60),
        "nature": "A laptop with an export of synthetic case notes was stolen",
        "data_categories": "Names and phone numbers of presumed victims",
        "people_affected": "12",
        "measures": "Remote wipe requested",
    }
    return {**data, **overrides}


@pytest.fixture
def admin(geography, staff_client):
    agencies = agencies_create()
    client, user = staff_client(Role.ADMINISTRATOR, organization=agencies["RIB"])
    return client, user, agencies


def test_a_breach_not_notified_after_48_hours_is_overdue(admin) -> None:
    client, _user, _agencies = admin
    response = client.post(URL, form())
    assert response.status_code == 302
    breach = Breach.objects.get()
    assert breach.nature.startswith("A laptop")
    page = client.get(URL).content.decode()
    assert "overdue since" in page  # 60 h after discovery, nobody told the NCSA
    assert "due by" in page  # the 72 h report is still due


def test_notice_within_48_hours_is_in_time_after_is_late(admin) -> None:
    client, _user, _agencies = admin
    client.post(URL, form(authority_notified_at=when(13)))  # 47 h after discovery
    client.post(URL, form(authority_notified_at=when(11)))  # 49 h after discovery
    in_time, late = Breach.objects.order_by("authority_notified_at")
    assert client.get(f"{URL}{in_time.pk}/").content.decode().count("done in time") == 1
    assert "done late" in client.get(f"{URL}{late.pk}/").content.decode()


def test_impossible_dates_come_back_with_everything_typed(admin) -> None:
    client, _user, _agencies = admin
    response = client.post(URL, form(authority_notified_at=when(70)))  # before discovery
    assert response.status_code == 400
    text = response.content.decode()
    assert "This cannot be before the breach was discovered." in text
    assert "A laptop with an export of synthetic case notes was stolen" in text
    assert not Breach.objects.exists()


def test_updates_are_audited_without_content_and_other_organizations_see_nothing(
    admin, staff_client
) -> None:
    client, _user, agencies = admin
    client.post(URL, form())
    breach = Breach.objects.get()
    client.post(
        f"{URL}{breach.pk}/", form(authority_notified_at=when(1), authority_reference="NCSA-7")
    )
    events = AuditEvent.objects.filter(target_type="breach").order_by("id")
    assert [e.action for e in events] == ["breach_recorded", "breach_updated"]
    assert events[1].extra["fields"] == ["authority_notified_at", "authority_reference"]
    assert "laptop" not in str([e.extra for e in events])
    other, _ = staff_client(Role.ADMINISTRATOR, organization=agencies["HOPE"])
    assert other.get(f"{URL}{breach.pk}/").status_code == 404
    assert breach.reference not in other.get(URL).content.decode()
    worker, _ = staff_client(Role.SUPERVISOR, organization=agencies["RIB"])
    assert worker.get(URL).status_code == 404


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("rw", "Igitabo cy'ihungabana ry'umutekano w'amakuru bwite"),
        ("fr", "Registre des violations de données personnelles"),
    ],
)
def test_the_register_speaks_kinyarwanda_and_french(admin, lang: str, heading: str) -> None:
    client, _user, _agencies = admin
    assert heading in client.get(f"/{lang}/staff/privacy/breaches/").content.decode()
