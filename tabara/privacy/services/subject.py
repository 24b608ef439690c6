"""Subject access and erasure of a person in a case (Law N° 058/2021, Articles 18 and 23).

Both are audited in the same transaction. The audit event names the person's row, the
case and the ground, never a name or any other value of the record, so erasing a person
leaves the audit chain as it was and the audit log holds no personal data to erase.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.models import CasePerson
from tabara.core.changes import record_changed
from tabara.privacy.selectors import access_person_by_id, person_data
from tabara.privacy.services.retention import PERSON_TEXT
from tabara.search.services import search_index_person


class ErasureGround(models.TextChoices):
    """Why a person's data is erased: the grounds of Article 23."""

    NO_LONGER_NECESSARY = "no_longer_necessary", _("No longer necessary for its purpose")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn, no other legal ground")
    OBJECTION = "objection", _("The person objected, no overriding legitimate ground")
    UNLAWFUL = "unlawful", _("Processed unlawfully")


@transaction.atomic
def person_data_export(*, user: User, person_id: int, output: str) -> dict[str, Any]:
    """Everything held about one person, for a subject access request; audited."""
    held = access_person_by_id(user, person_id)
    data = person_data(held, generated_by=user)
    audit_record(
        actor=user,
        action=AuditAction.PERSON_DATA_EXPORTED,
        target_type="case_person",
        target_id=held.person.pk,
        extra={"case": held.access.case.pk, "output": output},
    )
    return data


@transaction.atomic
def person_erase(*, user: User, person_id: int, ground: ErasureGround) -> CasePerson:
    """Blank every identifying field of the person and drop their search tokens; audited.

    The row stays with its role, gender, age and citizenship, so the case and the
    statistics still count the person; nobody can find or read who they were.
    """
    held = access_person_by_id(user, person_id)
    person = held.person
    CasePerson.objects.filter(pk=person.pk).update(**dict.fromkeys(PERSON_TEXT, ""))
    person.refresh_from_db()
    search_index_person(person=person)
    record_changed("case", held.access.case.pk)  # and from the network index, after commit
    audit_record(
        actor=user,
        action=AuditAction.PERSON_ERASED,
        target_type="case_person",
        target_id=person.pk,
        extra={"case": held.access.case.pk, "ground": str(ground), "fields": list(PERSON_TEXT)},
    )
    return person
