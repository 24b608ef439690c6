"""What is taken from a record: the network's identifiers, never the people Tabara protects."""

from __future__ import annotations

from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.linkage.identifiers import Identifier, Kind
from tabara.networks.extract import case_identifiers, report_identifiers
from tabara.networks.tests.conftest import new_report, open_case


def test_a_report_gives_its_suspects_identifiers_and_agency_not_its_reporters(world) -> None:
    report = new_report(
        what_happened="She was told to call 0788 100 200 and follow tiktok.com/@Jobs_Gulf.",
        suspect_identifiers="@agent_k, bus RAB 123 A",
        agency_name="Trans-Border Jobs Ltd",
        wants_contact=True,
        contact_name="Mama Synthetic",
        contact_phone="+250 722 000 999",
    )
    found = report_identifiers(report)
    assert found == {
        Identifier(Kind.PHONE, "+250788100200"): {"what_happened"},
        Identifier(Kind.ACCOUNT, "tiktok:jobs_gulf"): {"what_happened"},
        Identifier(Kind.ACCOUNT, "unknown:agent_k"): {"suspect_identifiers"},
        Identifier(Kind.PLATE, "RW:RAB123A"): {"suspect_identifiers"},
        Identifier(Kind.AGENCY, "transborder jobs"): {"agency_name"},
    }


def test_a_case_gives_its_summary_and_its_suspects_but_not_its_victims(world) -> None:
    case = open_case(
        world.rib_worker,
        world.kigali,
        summary="Recruited through fb.com/Dubai.Work",
        full_name="NSENGIMANA Jean-Paul",
        phone="0733 111 222",
        description="Drives RAC 456 B",
    )
    case_person_add(
        user=world.rib_worker,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name="Ineza Uwase",
        phone="0788 999 888",
        description="Her sister's number is 0722 555 444",
    )
    found = case_identifiers(case, case.people.all())
    assert found == {
        Identifier(Kind.ACCOUNT, "facebook:dubai.work"): {"summary"},
        Identifier(Kind.PHONE, "+250733111222"): {"suspect:phone"},
        Identifier(Kind.NAME, "jean nsengimana paur"): {"suspect:name"},  # l folds to r
        Identifier(Kind.PLATE, "RW:RAC456B"): {"suspect:description"},
    }


def test_a_recruiters_name_in_another_order_and_spelling_is_the_same_identifier(world) -> None:
    one = open_case(world.rib_worker, world.kigali, full_name="Pawulo Yohani Nsengimana")
    two = open_case(world.rib_worker, world.kigali, full_name="NSENGIMANA Jean-Paul")
    single = open_case(world.rib_worker, world.kigali, full_name="Eric")
    assert set(case_identifiers(one, one.people.all())) == set(
        case_identifiers(two, two.people.all())
    )
    assert case_identifiers(single, single.people.all()) == {}  # one name alone is too weak
