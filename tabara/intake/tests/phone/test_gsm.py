"""GSM 7-bit default alphabet: the table against 3GPP TS 23.038 and the folding of screens.

Expected positions are copied from the standard's table 6.2.1 (basic set) and 6.2.1.1
(extension table), not from the module under test.
"""

from __future__ import annotations

import pytest

from tabara.intake.ussd import menu, texts
from tabara.intake.ussd.gsm import BASIC_TABLE, EXTENSION_TABLE, gsm_fold, septets
from tabara.intake.ussd.screen import LIMIT, plain

# (position, character) pairs read from TS 23.038 table 6.2.1.
STANDARD_POSITIONS = [
    (0x00, "@"), (0x01, "£"), (0x02, "$"), (0x03, "¥"), (0x04, "è"), (0x05, "é"), (0x06, "ù"),
    (0x07, "ì"), (0x08, "ò"), (0x09, "Ç"), (0x0A, "\n"), (0x0B, "Ø"), (0x0C, "ø"), (0x0D, "\r"),
    (0x0E, "Å"), (0x0F, "å"), (0x10, "Δ"), (0x11, "_"), (0x12, "Φ"), (0x1C, "Æ"), (0x1E, "ß"),
    (0x1F, "É"), (0x20, " "), (0x24, "¤"), (0x40, "¡"), (0x41, "A"), (0x5B, "Ä"), (0x5F, "§"),
    (0x60, "¿"), (0x61, "a"), (0x7A, "z"), (0x7B, "ä"), (0x7E, "ü"), (0x7F, "à"),
]  # fmt: skip
# The ASCII characters the basic set lacks: they are either absent or in the extension table.
NOT_BASIC_ASCII = "`^{}[]~|\\"


@pytest.mark.parametrize(("position", "char"), STANDARD_POSITIONS)
def test_the_basic_table_matches_the_standard(position: int, char: str) -> None:
    assert len(BASIC_TABLE) == 128 and BASIC_TABLE[0x1B] == "\x1b"
    assert BASIC_TABLE[position] == char


def test_the_extension_table_matches_the_standard() -> None:
    assert EXTENSION_TABLE == {
        0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~",
        0x3E: "]", 0x40: "|", 0x65: "€",
    }  # fmt: skip


def test_septets_count_extension_characters_twice_and_refuse_the_rest() -> None:
    assert septets("Hello @ 100$") == 12
    assert septets("[x]") == 5 and septets("€") == 2 and septets("^~|\\{}") == 12
    assert septets("`") is None and septets("ş") is None and septets("😀") is None


@pytest.mark.parametrize("char", list(NOT_BASIC_ASCII))
def test_folding_leaves_only_one_septet_characters(char: str) -> None:
    folded = gsm_fold(f"a{char}b")
    assert septets(folded) == len(folded)
    assert all(c not in NOT_BASIC_ASCII for c in folded)


def test_folding_keeps_meaning_of_accents_quotes_and_brackets() -> None:
    assert gsm_fold("Réponse « rapide » — [voir] ‘ici’ {ok} ~2 a|b C:\\") == (
        "Reponse \" rapide \" - (voir) 'ici' (ok) -2 a/b C:/"
    )
    assert gsm_fold("Umukozi w’Intara: “ejo”…") == 'Umukozi w\'Intara: "ejo"...'


@pytest.mark.parametrize("lang", texts.LANGS)
def test_every_fixed_text_is_already_basic_set_and_fits_a_screen(lang: str) -> None:
    for key, text in texts.T[lang].items():
        provinces = "\n".join(f"{c} {n[lang]}" for c, n in texts.PROVINCES.items())
        shown = text.format(
            provinces=provinces, receipt="1234 5678 9012 3456", status="x", message="",
            name="x", date="01/01/2027", places="x",  # long values: test_ussd_jobs.py
        )  # fmt: skip
        assert septets(shown) == len(shown), key
        assert len(shown) <= LIMIT, (key, len(shown))


def test_staff_words_reach_a_screen_folded_and_within_the_limit() -> None:
    state = {"lang": "fr", "s": "f_receipt", "a": {}, "p": 0, "tries": 0}
    staff = "Nous avons reçu votre signalement [dossier #12] ~ merci « beaucoup » ^^ " * 4
    shown = menu.looked_up(state, ("in_review", staff))
    screen = shown.text[4:]
    assert septets(screen) == len(screen) <= LIMIT and screen.endswith("...")
    assert "recu votre signalement (dossier #12) - merci" in screen
    assert plain(staff) == gsm_fold(staff)
