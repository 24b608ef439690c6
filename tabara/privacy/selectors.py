"""Reads for subject access: everything Tabara holds about one person in a case.

A person is reached only through their case's need-to-know access, for the purpose of
updating it: only the organization that owns the case (the controller of that record)
answers a subject access or erasure request. Anyone else gets the same 404 as for a person
who does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import Http404
from django.utils import timezone

from tabara.accounts.models import User
from tabara.attachments.selectors import attachments_of_case
from tabara.cases.access import CaseAccess, CaseNotFound, Purpose, access_case_by_id
from tabara.cases.models import CasePerson
from tabara.referrals.models import Referral
from tabara.search.models import SearchToken


class PersonNotFound(Http404):
    """The person does not exist or is not in a case the user's organization owns."""


@dataclass(frozen=True)
class PersonAccess:
    """A person in a case the user's organization owns."""

    access: CaseAccess
    person: CasePerson


def access_person_by_id(user: User, person_id: int) -> PersonAccess:
    """The person and their case, if the user's organization owns it; else PersonNotFound."""
    person = CasePerson.objects.select_related("case").filter(pk=person_id).first()
    if person is None:
        raise PersonNotFound
    try:
        access = access_case_by_id(user, person.case_id, purpose=Purpose.UPDATE)
    except CaseNotFound as exc:
        raise PersonNotFound from exc
    if not access.owner:
        raise PersonNotFound  # pragma: no cover - UPDATE already requires the owner
    return PersonAccess(access=access, person=person)


def _when(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="minutes") if value else None


def person_data(held: PersonAccess, *, generated_by: User) -> dict[str, Any]:
    """Everything held about the person, in plain values (JSON-ready), with its context.

    Besides the person's own fields: the case they are in, its timeline, the organizations
    the case was referred to (who had access, Article 18, 3°), where the case came from
    (Article 18, 4°) and how many search tokens point at the person. Other people in the
    case are left out (Article 18: not to the detriment of others); the case summary and
    notes are included and must be reviewed before handing over.
    """
    person, case = held.person, held.access.case
    referrals = (
        Referral.objects.filter(case=case).select_related("to_org").order_by("sent_at", "id")
    )
    return {
        "generated_at": _when(timezone.now()),
        "generated_by": generated_by.username,
        "controller": case.owner_org.name,
        "person": {
            "id": person.pk,
            "role": person.get_role_display(),
            "full_name": person.full_name,
            "phone": person.phone,
            "identity_number": person.identity_number,
            "description": person.description,
            "needs": person.needs,
            "gender": person.get_gender_display(),
            "age": person.age,
            "is_child": person.is_child,
            "citizenship": person.citizenship,
            "added_at": _when(person.added_at),
        },
        "case": {
            "reference": case.reference,
            "status": case.get_status_display(),
            "source": case.get_source_display(),
            "from_report": case.report.reference if case.report else None,
            "opened_at": _when(case.opened_at),
            "closed_at": _when(case.closed_at),
            "exploitation_type": case.get_exploitation_type_display(),
            "district": case.district.name if case.district else None,
            "destination_country": case.destination_country,
            "summary": case.summary,
            "consent_to_share": case.consent_to_share,
            "consent_recorded_at": _when(case.consent_recorded_at),
        },
        "timeline": [
            {
                "at": _when(event.at),
                "kind": event.get_kind_display(),
                "organization": event.organization.name if event.organization else None,
                "note": event.detail,
            }
            for event in held.access.timeline()
        ],
        "shared_with": [
            {
                "organization": referral.to_org.name,
                "status": referral.get_status_display(),
                "scope": referral.get_scope_display(),
                "sent_at": _when(referral.sent_at),
            }
            for referral in referrals
        ],
        "files": [
            {"kind": file.kind, "name": file.name, "uploaded_at": _when(file.uploaded_at)}
            for file in attachments_of_case(held.access)
        ],
        "search_tokens": SearchToken.objects.filter(person=person).count(),
    }
