"""Network identifiers in free text (issue #14; linkage notes 5.2): phones E.164, accounts
lower-cased per platform without "@" or URL, WhatsApp links as phones, plates upper-cased
without spaces, agency names folded with legal suffixes removed; indexed by keyed hash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabara.linkage.identifiers import Identifier, Kind, agency_fold, identifiers_extract

TEXT = (
    "He called from 0788 123 456 and +250 722-000-111; wa.me/250733444555; see "
    "https://www.facebook.com/Jobs.Dubai/ and tiktok.com/@Recruit_RW or @AgentX. "
    "The bus RAB 123 A, then rac123b. Born 2008-03-14, paid 50000 RWF."
)


def test_every_kind_is_found_and_normalised() -> None:
    assert set(identifiers_extract(TEXT)) == {
        Identifier(Kind.PHONE, "+250788123456"),
        Identifier(Kind.PHONE, "+250722000111"),
        Identifier(Kind.PHONE, "+250733444555"),  # the WhatsApp link is a phone
        Identifier(Kind.ACCOUNT, "facebook:jobs.dubai"),
        Identifier(Kind.ACCOUNT, "tiktok:recruit_rw"),
        Identifier(Kind.ACCOUNT, "unknown:agentx"),
        Identifier(Kind.PLATE, "RW:RAB123A"),
        Identifier(Kind.PLATE, "RW:RAC123B"),
    }


def test_dates_and_amounts_are_not_phones() -> None:
    assert identifiers_extract("born 2008-03-14, paid 50000 RWF, 3 times") == []


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Trans-Border Jobs Ltd.", "TRANSBORDER JOBS"),
        ("Agence Évasion SARL", "agence evasion"),
        ("Gulf Connect Company Limited", "Gulf Connect"),
    ],
)
def test_agency_names_fold_together(left: str, right: str) -> None:
    assert agency_fold(left) == agency_fold(right) is not None


def test_the_index_key_is_keyed_and_does_not_hold_the_number(settings) -> None:
    phone = Identifier(Kind.PHONE, "+250788123456")
    first = phone.key
    assert "788123456" not in first
    settings.TABARA_PHONE_HASH_KEY = "another key"
    assert phone.key != first


@given(
    prefix=st.sampled_from("2389"),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=7),
    form=st.sampled_from(["0{}", "+250 {}", "00250{}", "250{}"]),
    before=st.text(alphabet="abc ,.;", max_size=10),
    after=st.text(alphabet="abc ,.;", max_size=10),
)
def test_a_mobile_in_any_spelling_inside_text_is_one_e164(prefix, rest, form, before, after):
    national = f"7{prefix}{rest}"
    text = f"{before} {form.format(national)} {after}"
    assert Identifier(Kind.PHONE, f"+250{national}") in identifiers_extract(text)
