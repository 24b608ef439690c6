"""Prepared records -> the columns the model reads (pure Python, no Django, no Splink).

Besides each record's own fields, five columns depend on the whole list:
- `name_rare`: the record's least frequent name token (term-frequency adjustments use it);
- `block_stems`: name stems without the very common ones, which would make huge blocks
  (a stem on more than COMMON_SHARE of records, and at least COMMON_MIN records);
- `stem_pairs`: each pair of the record's name stems ("a b"), without the pairs carried by
  more than COMMON_MIN records whatever the list's size: the rule has no second key, so a
  pair on k records makes k²/2 candidates (two shared names find a person whatever the
  birth; at 1,000,000 records a 1% cap ran out of 23 GB of memory);
- `prefix_pairs`: each pair of the first PREFIX letters of the record's name stems, with the
  same cap as `stem_pairs`: two names with a typing slip past their first letters
  ("Fitzpatrick"/"Fitzpagrick", "Bizizimana"/"Bizizmiana");
- `phone_block`: the phone when at most PHONE_HUB records carry it (hotlines, offices and
  recruiters' numbers are neither used to find candidates nor compared: a number that
  many people give is no one's own).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tabara.linkage.records import Prepared

COMMON_SHARE = 0.01
COMMON_MIN = 50
PHONE_HUB = 20
PREFIX = 4


def model_columns(records: list[Prepared]) -> dict[str, list[Any]]:
    """One list per column, one entry per linkable record, `unique_id` = its index in records."""
    linkable = [(index, record) for index, record in enumerate(records) if record.linkable]
    token_counts = Counter(token for _, record in linkable for token in record.tokens)
    stem_counts = Counter(stem for _, record in linkable for stem in record.stems)
    pairs_of = {index: _pairs(record.stems) for index, record in linkable}
    pair_counts = Counter(pair for pairs in pairs_of.values() for pair in pairs)
    prefixes_of = {
        index: _pairs(tuple(sorted({stem[:PREFIX] for stem in record.stems})))
        for index, record in linkable
    }
    prefix_counts = Counter(pair for pairs in prefixes_of.values() for pair in pairs)
    phone_counts = Counter(record.phone for _, record in linkable if record.phone)
    common = max(COMMON_MIN, int(COMMON_SHARE * len(linkable)))
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "unique_id", "name_tokens", "name_stems", "block_stems", "stem_pairs", "prefix_pairs",
            "name_sorted", "name_rare", "sex", "birth_year", "birth_date", "birth_precision", "nin",
            "nin_core", "phone", "phone_block", "district",
        )
    }  # fmt: skip
    for index, record in linkable:
        birth = record.birth
        columns["unique_id"].append(index)
        columns["name_tokens"].append(list(record.tokens))
        columns["name_stems"].append(list(record.stems))
        columns["block_stems"].append([s for s in record.stems if stem_counts[s] <= common])
        columns["stem_pairs"].append([p for p in pairs_of[index] if pair_counts[p] <= COMMON_MIN])
        columns["prefix_pairs"].append(
            [p for p in prefixes_of[index] if prefix_counts[p] <= COMMON_MIN]
        )
        columns["name_sorted"].append(" ".join(record.tokens))
        columns["name_rare"].append(min(record.tokens, key=lambda t: (token_counts[t], t)))
        columns["sex"].append(record.sex or None)
        columns["birth_year"].append(birth.year if birth else None)
        columns["birth_date"].append(birth.date.isoformat() if birth and birth.date else None)
        columns["birth_precision"].append(str(birth.precision) if birth else None)
        columns["nin"].append(record.nin or None)
        columns["nin_core"].append(record.nin_core or None)
        columns["phone"].append(record.phone or None)
        hub = phone_counts[record.phone] > PHONE_HUB
        columns["phone_block"].append(record.phone if record.phone and not hub else None)
        columns["district"].append(record.district or None)
    return columns


def _pairs(stems: tuple[str, ...]) -> list[str]:
    return [f"{a} {b}" for k, a in enumerate(stems) for b in stems[k + 1 :]]
