"""The selected model in plain words, for programme staff rather than statisticians."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tabara.prevalence.mse import EstimationReport

MORE = gettext_lazy(
    "The %(a)s and %(b)s lists overlap more than chance: they tend to record the same people."
)
LESS = gettext_lazy(
    "The %(a)s and %(b)s lists overlap less than chance: they tend to record different people."
)


def describe_terms(report: EstimationReport) -> list[dict[str, Any]]:
    """One sentence per selected interaction, saying which way the two lists lean.

    A positive interaction means the two lists share more people than they would by
    chance (they tend to record the same people); a negative one, fewer.
    """
    sentences = []
    for term, coefficient in report.result.interactions:
        first, second = term.split(":", 1)
        more = coefficient > 0
        text = str(MORE if more else LESS) % {"a": first, "b": second}
        sentences.append({"term": term, "coefficient": coefficient, "more": more, "text": text})
    for term in report.result.empty_overlaps:
        first, second = term.split(":", 1)
        text = _("Nobody is on both the %(a)s and %(b)s lists (an empty overlap).") % {
            "a": first,
            "b": second,
        }
        sentences.append({"term": term, "coefficient": None, "more": False, "text": text})
    return sentences
