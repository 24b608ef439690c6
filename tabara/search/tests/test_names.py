"""Name folding, checked against the spelling facts of docs/search.md (linkage notes, 3.1).

Each row is a pair of spellings that the notes say are the same name, or different names
that must stay apart; the expected answer is the notes', not the code's.
"""

from __future__ import annotations

import pytest

from tabara.search.names import name_tokens

SAME_NAME = [
    # r/l: one liquid, l in older and French-influenced spellings (linkage notes 3.1).
    ("Habyalimana", "Habyarimana"),
    ("Mutamuliza", "Mutamuriza"),
    ("Ririma", "Rilima"),
    # jy/cy before i/e became g/k in the 2014 orthography (umujyi -> umugi).
    ("umujyi", "umugi"),
    ("icyiciro", "ikiciro"),
    ("Kanyange", "Kanyanjye"),
    # ch/c.
    ("Uwiche", "Uwice"),
    # doubled vowels: length is not written officially but appears.
    ("Mukamaana", "Mukamana"),
    ("Uwiineza", "Uwineza"),
    # order varies between documents: "NSENGIMANA Jean Paul" / "Jean Paul Nsengimana".
    ("NSENGIMANA Jean Paul", "Jean Paul Nsengimana"),
    ("Uwase Marie Claire", "Marie-Claire UWASE"),
    # French accents, hyphens and particles.
    ("Léonce Habimana", "Leonce HABIMANA"),
    ("Jean-de-Dieu Niyonzima", "Niyonzima Jean de Dieu"),
    ("Jean d'Amour Irakoze", "Irakoze Jean d’Amour"),
]

DIFFERENT_NAMES = [
    # Common names are distinct names; folding must not merge them.
    ("Ishimwe", "Irakoze"),
    ("Habimana", "Hakizimana"),
    ("Uwimana", "Uwamahoro"),
    # jy/cy change only before i/e: "jya" stays apart from "ga".
    ("Nyirajyambere", "Nyiragambere"),
    # Muka- (a woman's name) and Nyira- are different prefixes.
    ("Mukamana", "Nyiramana"),
]


@pytest.mark.parametrize(("left", "right"), SAME_NAME)
def test_spellings_of_one_name_fold_together(left: str, right: str) -> None:
    assert name_tokens(left) == name_tokens(right)
    assert name_tokens(left)


@pytest.mark.parametrize(("left", "right"), DIFFERENT_NAMES)
def test_different_names_stay_apart(left: str, right: str) -> None:
    assert name_tokens(left) != name_tokens(right)


def test_a_name_is_a_set_of_its_tokens() -> None:
    """Each given name and family name is a token of its own; particles and initials drop."""
    assert len(name_tokens("Marie Claire Uwase")) == 3
    assert len(name_tokens("Jean de Dieu N.")) == 2
    assert name_tokens("") == []
