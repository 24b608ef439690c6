"""The selected model in plain words, for programme staff rather than statisticians.

The estimation stores what each term says (its lists and direction); the sentence is
written when the report is read, in the reader's language, not in the worker's.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tabara.prevalence.mse import EstimationReport

MORE = _("The %(a)s and %(b)s lists overlap more than chance: they tend to record the same people.")
LESS = _(
    "The %(a)s and %(b)s lists overlap less than chance: they tend to record different people."
)
EMPTY = _("Nobody is on both the %(a)s and %(b)s lists (an empty overlap).")


def describe_terms(report: EstimationReport) -> list[dict[str, Any]]:
    """One entry per selected interaction and empty overlap, saying which way the lists lean.

    A positive interaction means the two lists share more people than they would by
    chance (they tend to record the same people); a negative one, fewer.
    """
    entries: list[dict[str, Any]] = [
        {"term": term, "coefficient": coefficient, "kind": "more" if coefficient > 0 else "less"}
        for term, coefficient in report.result.interactions
    ]
    entries += [
        {"term": term, "coefficient": None, "kind": "empty"}
        for term in report.result.empty_overlaps
    ]
    return entries


def term_text(entry: dict[str, Any]) -> str:
    """The sentence for one stored entry, in the active language."""
    first, second = str(entry["term"]).split(":", 1)
    template = {"more": MORE, "less": LESS, "empty": EMPTY}[str(entry["kind"])]
    return str(template) % {"a": first, "b": second}
