"""Forms of the work on a case: assignment, notes, services, assessments, closure, follow-ups.

They parse input only; services decide. Bound to the POST, they come back with what was
typed when invalid.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization, User
from tabara.cases.assessment_rules import (
    NEED_AREAS,
    NEEDED,
    NO,
    NOT_NEEDED,
    SAFETY_QUESTIONS,
    UNKNOWN,
    URGENT,
    YES,
)
from tabara.cases.choices import ClosureReason, FollowUpOutcome, ServiceStatus, ServiceType
from tabara.cases.notes import MAX_NOTE

BLANK: list[tuple[str, str]] = [("", "—")]

SAFETY_LABELS = {
    "trafficker_in_contact": _(
        "Is the trafficker, or someone working with them, in contact "
        "with the person or looking for them?"
    ),
    "threatened": _("Have the person or their family been threatened?"),
    "self_harm": _("Is there a risk that the person harms themself?"),
    "urgent_health": _("Does the person need urgent medical care?"),
    "family_involved": _("Was someone in the household involved in the recruitment?"),
    "safe_place": _("Does the person have a safe place to stay?"),
    "stigma": _("Is the person at risk of rejection or stigma in their community?"),
    "re_recruitment": _("Is the person at risk of being recruited again?"),
}
SAFETY_CHOICES = [(YES, _("Yes")), (NO, _("No")), (UNKNOWN, _("Not known"))]
NEED_CHOICES = [(NOT_NEEDED, _("Not needed")), (NEEDED, _("Needed")), (URGENT, _("Urgent"))]


def _people(users: list[User]) -> list[tuple[str, str]]:
    return BLANK + [(str(u.pk), u.get_full_name() or u.username) for u in users]


class AssignForm(forms.Form):
    worker = forms.ChoiceField(label=_("Case worker"), required=False)
    supervisor = forms.ChoiceField(label=_("Supervisor"), required=False)

    def __init__(
        self, *args: Any, workers: list[User], supervisors: list[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {u.pk: u for u in [*workers, *supervisors]}
        self.fields["worker"].choices = _people(workers)  # type: ignore[attr-defined]
        self.fields["supervisor"].choices = _people(supervisors)  # type: ignore[attr-defined]

    def chosen(self, name: str) -> User | None:
        value = self.cleaned_data[name]
        return self.people.get(int(value)) if value else None


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea, max_length=MAX_NOTE)


class ServicePlanForm(forms.Form):
    service_type = forms.ChoiceField(label=_("Service"), choices=ServiceType.choices)
    provider_org = forms.ModelChoiceField(
        label=_("Provided by"), queryset=Organization.objects.order_by("short_name")
    )
    planned_on = forms.DateField(
        label=_("Planned start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ServiceUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ServiceStatus.choices)
    note = forms.CharField(
        label=_("Progress, or the outcome when finished"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    started_on = forms.DateField(
        label=_("Started on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ended_on = forms.DateField(
        label=_("Ended on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SafetyForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in SAFETY_QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=SAFETY_LABELS[question.key],
                choices=SAFETY_CHOICES,
                widget=forms.RadioSelect,
            )
        self.order_fields([q.key for q in SAFETY_QUESTIONS])

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data[q.key] for q in SAFETY_QUESTIONS}


class NeedsForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(ServiceType.choices)
        for area in NEED_AREAS:
            self.fields[area] = forms.ChoiceField(
                label=labels[area], choices=NEED_CHOICES, widget=forms.RadioSelect
            )
        self.order_fields(list(NEED_AREAS))

    def answers(self) -> dict[str, str]:
        return {area: self.cleaned_data[area] for area in NEED_AREAS}


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for closing"), choices=ClosureReason.choices)
    details = forms.CharField(
        label=_("Details (required for “Other”)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reason") == ClosureReason.OTHER and not data.get("details", "").strip():
            self.add_error("details", _("Say why the case is closed."))
        return data


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How is the person doing?"), choices=FollowUpOutcome.choices
    )
    note = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
