"""The hotline desk: an operator types in a report while on a call, by keyboard alone.

The form is the web report form with the caller's number in place of the contact phone:
the number is kept in clear only if the caller agrees to be called back, and otherwise
only as the keyed hash that groups calls from one phone. The screening questions of the
current rule set sit beside the form, so the operator can ask them during the call.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from tabara.accounts.access import staff_required, verified_staff
from tabara.accounts.roles import Perm
from tabara.intake import services
from tabara.intake.choices import Channel
from tabara.intake.forms import ReportForm
from tabara.intake.receipts import receipt_display
from tabara.screening.ruleset import load_ruleset

# Questions shown beside the form: the elements of the legal test, in the order to ask.
# Indicators of age belong to the rule set's "child" element.
ELEMENTS = (("age", "child"), ("act", "act"), ("means", "means"), ("purpose", "purpose"))
STRENGTHS = frozenset({"gate", "strong"})
# Each language in its own name, so the operator reads the caller's choice as they say it.
CALLER_LANGUAGES = (("rw", "Ikinyarwanda"), ("en", "English"), ("fr", "Français"))


class HotlineForm(ReportForm):
    """The report form for operators: no honeypot, the caller's number, focus on the story."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        self.fields["what_happened"].label = _("What is the caller telling you?")
        self.fields["what_happened"].widget.attrs["autofocus"] = True
        self.fields["contact_phone"].label = _("Caller's number")
        self.fields["contact_phone"].help_text = _(
            "Kept only as a code that groups calls from one phone, unless the caller agrees "
            "to be called back."
        )
        self.fields["wants_contact"].label = _("The caller agrees to be called back")
        self.fields["caller_language"] = forms.ChoiceField(
            label=_("Language the caller speaks"),
            choices=CALLER_LANGUAGES,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose the language the caller speaks.")},
        )

    def to_input(self) -> services.ReportInput:
        """The report in the caller's language (used for any SMS to them), not the operator's."""
        data = super().to_input()
        language = self.cleaned_data["caller_language"]
        return replace(data, sender_phone=data.contact_phone, language=language)


@lru_cache(maxsize=3)
def screening_prompts(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(element name, questions) of the key questions of the current rule set."""
    ruleset = load_ruleset()
    groups: list[tuple[str, tuple[str, ...]]] = []
    for tag, element in ELEMENTS:
        questions = tuple(
            indicator.question.get(lang)
            for indicator in ruleset.indicators.values()
            if indicator.elements[0] == tag and indicator.strength in STRENGTHS
        )
        groups.append((ruleset.elements[element].name.get(lang), questions))
    return tuple(groups)


@require_http_methods(["GET", "POST"])
@staff_required(Perm.REPORT_VIEW)
def hotline_desk(request: HttpRequest) -> HttpResponse:
    form = HotlineForm(request.POST or None)
    taken: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        submitted = services.report_submit(
            channel=Channel.HOTLINE, data=form.to_input(), taken_by=verified_staff(request)
        )
        taken = {
            "receipt": receipt_display(submitted.receipt),
            "reference": submitted.report.reference,
            "id": str(submitted.report.pk),
        }
        form = HotlineForm()
    lang = (get_language() or "rw")[:2]
    return render(
        request,
        "intake/hotline.html",
        {"form": form, "taken": taken, "prompts": screening_prompts(lang)},
        status=400 if form.errors else 200,
    )
