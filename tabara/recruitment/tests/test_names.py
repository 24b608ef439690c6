"""Agency names fold like people's names, with company noise dropped."""

from __future__ import annotations

import pytest

from tabara.recruitment.names import agency_key, key_matches


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Horizon Jobs Ltd", "HORIZON JOBS COMPANY LIMITED"),
        ("Société Générale de Placement SARL", "societe generale placement"),
        ("Jobs Horizon", "horizon-jobs"),
        ("Habyalimana Manpower", "Habyarimana Manpower Co."),  # l and r are one sound
        ("Ikigo Umuhire Agency", "Umuhire"),
    ],
)
def test_spellings_of_one_agency_share_a_key(one, other) -> None:
    assert agency_key(one) == agency_key(other)


def test_different_agencies_differ_and_a_partial_name_matches() -> None:
    assert agency_key("Horizon Jobs") != agency_key("Horizon Travel")
    assert key_matches(agency_key("horizon"), agency_key("Horizon Jobs Ltd"))
    assert not key_matches(agency_key("Horizon Travel"), agency_key("Horizon Jobs Ltd"))
    assert not key_matches((), agency_key("Horizon Jobs Ltd"))


def test_a_name_made_only_of_noise_stays_findable() -> None:
    assert agency_key("The Company Ltd") == ("company", "rtd", "the")
