"""The MSE library's cautions in Kinyarwanda, English and French (by their stable codes)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tabara.prevalence.mse.cautions import Caution

TEXTS = {
    "two_lists": _(
        "With only two lists their dependence cannot be estimated: the figure assumes that "
        "being on one list says nothing about being on the other."
    ),
    "sparse_overlap": _(
        "Only %(multiple)s people appear on two or more lists; an estimate resting on so "
        "little overlap can change a lot with a handful of records."
    ),
    "empty_pairs": _(
        "%(count)s of %(pairs)s pairs of lists have nobody in common (%(names)s); such sparse "
        "tables give unstable estimates."
    ),
    "method_spread": _(
        "The estimate ranges from %(low)s to %(high)s depending on the method; no single "
        "figure should be quoted alone."
    ),
    "profile_unbounded": _(
        "The profile-likelihood interval has no upper limit below three times the estimate: "
        "the data hardly bound the population from above."
    ),
    "bca_undefined": _("The BCa interval is undefined: every bootstrap estimate fell on one side."),
    "bootstrap_infinite": _("Some bootstrap resamples gave no finite estimate."),
}


def caution_entry(caution: Caution) -> dict[str, object]:
    """A caution as stored with an estimation: code and params, rendered per language later."""
    return {"code": caution.code, "params": caution.params}


def caution_text(entry: dict[str, object]) -> str:
    """The caution in the active language; unknown codes fall back to nothing."""
    template = TEXTS.get(str(entry.get("code")))
    params = entry.get("params")
    if template is None or not isinstance(params, dict):
        return ""
    return str(template) % params
