"""Writes to the register: saving one agency and importing the licensing authority's file.

Every change is dated and audited in the same transaction: an `AgencyChange` row keeps
each field's old and new value for the register's own history, and the audit event names
the agency and the changed fields (never their values).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.phones import phone_normalise
from tabara.recruitment.choices import ChangeSource
from tabara.recruitment.models import Agency, AgencyChange, AgencyKey, AgencyPhone
from tabara.recruitment.names import agency_key, key_text


@dataclass(frozen=True)
class AgencyInput:
    """An agency's fields as a form or an imported row gives them (phones already E.164)."""

    name: str
    licence_number: str
    status: str
    status_since: date | None = None
    licence_expires: date | None = None
    other_names: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    address: str = ""
    phones: tuple[str, ...] = ()
    website: str = ""
    social_accounts: tuple[str, ...] = ()


@dataclass
class ImportOutcome:
    """What an import did: agencies created, changed and unchanged, by licence number."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _current(agency: Agency) -> dict[str, Any]:
    values = {name: _plain(getattr(agency, name)) for name in AgencyInput.__dataclass_fields__}
    values["phones"] = [p.number for p in agency.phones.all()]
    return values


def agency_save(
    *,
    user: User | None,
    data: AgencyInput,
    agency_id: int | None = None,
    source: ChangeSource = ChangeSource.EDIT,
) -> tuple[Agency, bool]:
    """Create or update an agency; return it and whether anything changed.

    Keys for name lookup and phone rows are rebuilt from the new values. No change, no
    history row and no audit event.
    """
    with transaction.atomic():
        agency = (
            Agency.objects.select_for_update().get(pk=agency_id)
            if agency_id is not None
            else Agency()
        )
        before = _current(agency) if agency.pk else {}
        after = {name: _plain(value) for name, value in asdict(data).items()}
        after["phones"] = list(dict.fromkeys(n for n in data.phones if phone_normalise(n)))
        changes = {
            name: [before.get(name), value]
            for name, value in after.items()
            if before.get(name) != value
        }
        if not changes:
            return agency, False
        created = agency.pk is None
        for name in AgencyInput.__dataclass_fields__:
            if name != "phones":
                value = getattr(data, name)
                setattr(agency, name, list(value) if isinstance(value, tuple) else value)
        agency.full_clean()
        agency.save()
        _index(agency, data)
        AgencyChange.objects.create(
            agency=agency, changed_at=timezone.now(), actor=user, source=source, fields=changes
        )
        audit_record(
            actor=user,
            action=AuditAction.AGENCY_SAVED,
            target_type="agency",
            target_id=agency.pk,
            extra={"created": created, "fields": sorted(changes), "source": str(source)},
        )
    return agency, True


def _index(agency: Agency, data: AgencyInput) -> None:
    agency.keys.all().delete()
    keys = {key_text(agency_key(name)) for name in (data.name, *data.other_names) if name}
    AgencyKey.objects.bulk_create(AgencyKey(agency=agency, key=key) for key in sorted(keys))
    agency.phones.all().delete()
    numbers = dict.fromkeys(phone_normalise(n) for n in data.phones)
    AgencyPhone.objects.bulk_create(
        AgencyPhone(agency=agency, number=number) for number in numbers if number
    )


def agencies_import(*, user: User, rows: list[AgencyInput], filename: str) -> ImportOutcome:
    """Save every valid row of an imported file, matched on licence number, in one transaction."""
    outcome = ImportOutcome()
    with transaction.atomic():
        existing = dict(
            Agency.objects.filter(
                licence_number__in=[row.licence_number for row in rows]
            ).values_list("licence_number", "pk")
        )
        for row in rows:
            _agency, changed = agency_save(
                user=user,
                data=row,
                agency_id=existing.get(row.licence_number),
                source=ChangeSource.IMPORT,
            )
            if row.licence_number not in existing:
                outcome.created.append(row.licence_number)
            elif changed:
                outcome.changed.append(row.licence_number)
            else:
                outcome.unchanged.append(row.licence_number)
        audit_record(
            actor=user,
            action=AuditAction.AGENCIES_IMPORTED,
            target_type="agency_import",
            extra={
                "created": len(outcome.created),
                "changed": len(outcome.changed),
                "unchanged": len(outcome.unchanged),
            },
        )
    return outcome
