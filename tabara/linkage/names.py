"""People's names for linkage: an unordered set of folded tokens, never "first" and "last".

Pure Python, no Django. It builds on the folding that search uses (tabara/search/names.py:
case, accents, hyphens, apostrophes, French particles, ch/c, jy/g and cy/k before i/e, r/l,
doubled vowels) and adds what linkage needs on top (docs/linkage.md):

- Kinyarwanda (and English) forms of Christian names become the French form that Rwandan
  documents use most (Yohani -> jean, Petero -> pierre, Mariya -> marie);
- a *stem* of each token without its initial vowel (Akabahaya/Kabahaya), kept apart from
  the token itself because folding it would merge distinct names (Ineza/Neza): the model
  reads a shared stem as weaker evidence than a shared token.
"""

from __future__ import annotations

from tabara.search.names import name_tokens as _search_tokens
from tabara.search.names import token_fold

# Kinyarwanda, Swahili-influenced and English forms of Christian names -> the French form.
# Sources: the linkage notes 3.1 (Yohani/Jean, Petero/Pierre, Mariya/Marie, confidence M-L)
# and the Kinyarwanda Bible's spellings of the same saints' names.
_CHRISTIAN_FORMS: dict[str, tuple[str, ...]] = {
    "jean": ("yohani", "yohana", "john", "johann"),
    "pierre": ("petero", "peter", "petro"),
    "marie": ("mariya", "maria", "mary"),
    "joseph": ("yozefu", "yosefu", "yozefi", "josef"),
    "paul": ("pawulo", "pawuro", "paulo", "pauro"),
    "emmanuel": ("emanueli", "emmanueli", "emanuel", "immanuel"),
    "jacques": ("yakobo", "james", "jacob"),
    "marc": ("mariko", "mark", "marko"),
    "matthieu": ("matayo", "matthew", "mateyo"),
    "luc": ("luka", "luke"),
    "therese": ("tereza", "teresa", "theresa"),
    "augustin": ("agusitini", "augustine", "agustin"),
    "francois": ("fransisiko", "francis", "fransisko"),
    "elisabeth": ("elizabeti", "elizabeth", "elisabeti"),
    "veronique": ("veronika", "veronica"),
    "philippe": ("filipo", "philip"),
    "andre": ("andereya", "andrew"),
    "simon": ("simoni",),
    "anastasie": ("anastaziya", "anastasia"),
    "bernadette": ("bernadeta",),
    "gabriel": ("gaburiyeri", "gaburiyeli"),
}

CHRISTIAN_FORMS: dict[str, str] = {
    token_fold(variant): token_fold(canonical)
    for canonical, variants in _CHRISTIAN_FORMS.items()
    for variant in variants
}
_VOWELS = frozenset("aeiou")


def token_canonical(token: str) -> str:
    """A folded token, with a Christian name's local form replaced by its French form."""
    return CHRISTIAN_FORMS.get(token, token)


def name_key(name: str) -> tuple[str, ...]:
    """The sorted, distinct canonical tokens of a name: the same for any order or spelling.

    name_key("NSENGIMANA Jean-Paul") == name_key("Pawulo Yohani Nsengimana") == name_key(
    "jean paul nsengimana"); folding twice changes nothing.
    """
    # A token folded down to one letter ("aa" -> "a") is dropped like an initial, so that
    # folding the key again gives the key.
    tokens = {token_canonical(token) for token in _search_tokens(name)}
    return tuple(sorted(token for token in tokens if len(token) > 1))


def token_stem(token: str) -> str:
    """The token without its initial vowel when at least three letters remain (akabahaya)."""
    if len(token) > 3 and token[0] in _VOWELS:
        return token[1:]
    return token


def name_stems(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The sorted, distinct stems of canonical tokens."""
    return tuple(sorted({token_stem(token) for token in tokens}))
