"""The SMS keyword AGENCY / IKIGO / AGENCE looks an agency up in the register."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from tabara.intake.models import Report
from tabara.intake.sms.keywords import sms_parse
from tabara.intake.sms.texts import SMS
from tabara.intake.tests.phone.gateway import sms
from tabara.recruitment.tests.factories import make_agency

pytestmark = pytest.mark.django_db


def test_the_keyword_keeps_what_follows_it_as_typed() -> None:
    assert sms_parse("Ikigo  Horizon Jobs Ltd").query == "Horizon Jobs Ltd"
    assert sms_parse("agence: 0788 100 101").kind == "agency"
    assert sms_parse("AGENCE").query == ""
    assert sms_parse("The agency took my passport").kind == "report"


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("AGENCY horizon jobs", "Tabara: Horizon Kazi Placement Ltd: licensed until 09/01/2027, "
         "for: United Arab Emirates, Qatar."),
        ("ikigo 0788 100 101", "Tabara: Horizon Kazi Placement Ltd: gifite uruhushya kugeza "
         "09/01/2027, muri: Leta Zunze Ubumwe z'Abarabu, Katari."),
        ("AGENCE RW-LMA-2022-0013", "Tabara: Nyenyeri Travel: licence revoquee. Elle ne peut "
         "pas recruter."),
        ("AGENCY Dream Jobs", "Tabara: " + "Not found. Not found does not mean safe: ask for the "
         "licence number, pay nothing for a job. RIB 166, Police 112."),
    ],
)  # fmt: skip
def test_the_register_answers_by_sms_and_nothing_is_reported(fake_sms, text, reply) -> None:
    make_agency(other_names=("Horizon Jobs",), licence_expires=date(2027, 1, 9))
    make_agency(name="Nyenyeri Travel", licence_number="RW-LMA-2022-0013", status="revoked",
                phones=())  # fmt: skip
    with time_machine.travel("2026-05-01 08:00Z", tick=False):
        sms(Client(), text=text)
    assert fake_sms.messages[0].message == reply
    assert not Report.objects.exists()


def test_the_keyword_alone_explains_itself(fake_sms) -> None:
    sms(Client(), text="Agency")
    assert fake_sms.messages[0].message == SMS["en"]["agency_help"]
