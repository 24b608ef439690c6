"""Name folding, checked against the spelling facts of docs/search.md (linkage notes, 3.1).

Each row is a pair of spellings that the notes say are the same name, or different names
that must stay apart; the expected answer is the notes', not the code's.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# Folding the tokens of a name again gives the same tokens. Found by the property below:
# a doubled vowel folded to one letter ("aa" -> "a") was kept, and dropped on refolding.
REFOLDED = [("aa", []), ("dee Habimana", ["habimana"]), ("cchhe", ["cce"]), ("chh", [])]


@pytest.mark.parametrize(("name", "tokens"), REFOLDED)
def test_edge_spellings_fold_to_what_refolding_keeps(name: str, tokens: list[str]) -> None:
    # "dee" is the particle "de" once its vowel is single; "cchhe" is "cche", then "cce";
    # "chh" is "ch", then "c": a single letter, dropped like an initial.
    assert name_tokens(name) == tokens


LETTERS = "abcdeghijklmnoprstuvwyzéèçâ'-"
WORDS = st.lists(
    st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=10), min_size=1, max_size=5
)


@given(WORDS)
def test_folding_the_tokens_again_gives_the_tokens(words: list[str]) -> None:
    once = name_tokens(" ".join(words))
    assert name_tokens(" ".join(once)) == once


@given(WORDS, st.randoms(use_true_random=False))
def test_the_order_of_the_names_does_not_matter(words: list[str], rng) -> None:
    shuffled = list(words)
    rng.shuffle(shuffled)
    assert name_tokens(" ".join(words)) == name_tokens(" ".join(shuffled))
