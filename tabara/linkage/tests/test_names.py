"""Names as unordered sets of folded tokens (docs/linkage.md; linkage notes 3.1).

The pairs come from the notes' list of spelling mechanisms and the Christian names' local
forms (Yohani/Jean, Petero/Pierre, Mariya/Marie); the properties are the issue's (order-free,
idempotent).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabara.linkage.names import CHRISTIAN_FORMS, name_key, name_stems

SAME_PERSON_NAME = [
    ("NSENGIMANA Jean Paul", "Jean Paul Nsengimana"),
    ("Yohani Pawulo Nsengimana", "NSENGIMANA Jean-Paul"),
    ("Petero Habyalimana", "Pierre HABYARIMANA"),
    ("Mariya Uwase", "Marie UWASE"),
    ("Yozefu Niyonzima", "Joseph Niyonzima"),
    ("Mukamaana Tereza", "Thérèse Mukamana"),
    ("Jean-de-Dieu Uwiche", "Uwice Jean de Dieu"),
    ("Umujyi", "umugi"),
]
DIFFERENT = [
    ("Ishimwe Jean", "Irakoze Jean"),
    ("Marie Uwase", "Mariam Uwase"),  # Mariam is its own name, not a form of Marie
    ("Ineza", "Neza"),  # a dropped initial vowel is a stem match, not the same token
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON_NAME)
def test_forms_of_one_name_have_one_key(left: str, right: str) -> None:
    assert name_key(left) == name_key(right) != ()


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_different_names_keep_different_keys(left: str, right: str) -> None:
    assert name_key(left) != name_key(right)


def test_a_dropped_initial_vowel_shares_the_stem() -> None:
    assert name_stems(name_key("Akabahaya Grace")) == name_stems(name_key("Kabahaya Grace"))
    assert name_stems(name_key("Ineza")) == name_stems(name_key("Neza"))


def test_local_forms_map_to_names_that_are_not_themselves_mapped() -> None:
    assert not set(CHRISTIAN_FORMS.values()) & set(CHRISTIAN_FORMS)


LETTERS = "abcdefghijklmnoprstuvwyzéèçâ'-"
WORD = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=12)
WORDS = st.lists(WORD, min_size=1, max_size=5)


@given(WORDS, st.randoms(use_true_random=False))
def test_order_of_the_names_does_not_matter(words: list[str], rng) -> None:
    shuffled = list(words)
    rng.shuffle(shuffled)
    assert name_key(" ".join(words)) == name_key(" ".join(shuffled))


@given(WORDS)
def test_folding_twice_changes_nothing(words: list[str]) -> None:
    once = name_key(" ".join(words))
    assert name_key(" ".join(once)) == once


@given(WORDS)
def test_case_and_separators_do_not_matter(words: list[str]) -> None:
    assert name_key(" ".join(words)) == name_key("  ".join(w.upper() for w in words))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("aa Uwase", ("uwase",)),
        ("dee Uwase", ("uwase",)),  # "dee" is the particle "de" once its vowel is single
        ("cchhe Uwase", ("cce", "uwase")),  # ch -> c until nothing changes
        ("Yohani chh", ("jean",)),
    ],
)
def test_edge_spellings_fold_to_a_key_that_refolds_to_itself(
    name: str, key: tuple[str, ...]
) -> None:
    assert name_key(name) == key
    assert name_key(" ".join(key)) == key
