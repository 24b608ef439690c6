"""Recording personal data breaches in the register, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.privacy.models import Breach


class BreachNotFound(Exception):
    """No such breach in the user's organization."""


@transaction.atomic
def breach_record(*, user: User, data: dict[str, Any], breach_id: int | None = None) -> Breach:
    """Create or update a breach of the user's organization; audit names fields, not content.

    Another organization's breach is the same as one that does not exist.
    """
    org_id = user.organization_id
    if org_id is None:
        raise BreachNotFound
    if breach_id is None:
        breach = Breach(organization_id=org_id, recorded_by=user)
    else:
        found = Breach.objects.filter(pk=breach_id, organization_id=org_id).first()
        if found is None:
            raise BreachNotFound
        breach = found
    changed = [name for name, value in data.items() if getattr(breach, name, None) != value]
    for name, value in data.items():
        setattr(breach, name, value)
    breach.full_clean()
    breach.save()
    audit_record(
        actor=user,
        action=AuditAction.BREACH_RECORDED if breach_id is None else AuditAction.BREACH_UPDATED,
        target_type="breach",
        target_id=breach.pk,
        extra={"fields": sorted(changed)},
    )
    return breach
