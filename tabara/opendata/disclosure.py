"""The disclosure-risk check every public file passes before it is written (pycanon).

pycanon (Sáinz-Pardo Díaz & López García, 2022) measures the k of k-anonymity of a
table independently of how Tabara made it; a file whose measured k is below the promised
one is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from pycanon import anonymity


class DisclosureRisk(Exception):
    """The file is not as anonymous as promised; it must not be written."""

    def __init__(self, measured: int, promised: int) -> None:
        super().__init__(f"measured k = {measured}, promised k = {promised}")
        self.measured = measured
        self.promised = promised


def k_measured(rows: Sequence[Mapping[str, str]], columns: Sequence[str]) -> int:
    """The smallest number of rows sharing one combination of `columns`, as pycanon sees it."""
    frame = pd.DataFrame([[row[c] for c in columns] for row in rows], columns=list(columns))
    return int(anonymity.k_anonymity(frame, list(columns)))


def disclosure_check(
    rows: Sequence[Mapping[str, str]],
    quasi_identifiers: Sequence[str],
    columns: Sequence[str],
    k: int,
) -> int:
    """Refuse (DisclosureRisk) unless both the quasi-identifiers and the whole row are k-anonymous.

    The whole row is checked too, so a column derived carelessly from an ungeneralised
    value cannot split a group. Returns the measured k of the quasi-identifiers.
    """
    if not rows:
        return 0
    measured = k_measured(rows, quasi_identifiers)
    whole = k_measured(rows, columns)
    if min(measured, whole) < k:
        raise DisclosureRisk(min(measured, whole), k)
    return measured
