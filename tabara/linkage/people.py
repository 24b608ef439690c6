"""What an analyst sees of a run's records, by the need-to-know rule (ARCHITECTURE.md).

- A row of one of the organization's imported lists: its fields.
- A presumed victim of a case the organization may open (owned, or an accepted referral):
  the case number and the person's identifying fields; each showing is audited like a case
  read (one `linkage_person_viewed` event per person, in the page's transaction).
- A presumed victim of any other case: "a case of another organization", nothing else: no
  case number, no link, no field. Only the pair's evidence is shown (which fields agreed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.linkage_reads import people_by_id, people_open_to_organization
from tabara.linkage.models import ImportedRecord, LinkRecord, LinkRun
from tabara.linkage.services import CASES_SOURCE

_SEX = {"masculine": "M", "feminine": "F"}


@dataclass(frozen=True, slots=True)
class RecordView:
    """One record as this analyst may see it; `values` maps a comparison to the shown text."""

    pk: int
    source: str
    label: str
    hidden: bool = False
    case_id: int | None = None  # set only when the user may open the case
    values: dict[str, str] = field(default_factory=dict)


def _source(record: LinkRecord) -> str:
    """The source as shown: Tabara's own cases by the product's name."""
    return "Tabara" if record.source == CASES_SOURCE else record.source


def _list_view(record: LinkRecord, row: ImportedRecord) -> RecordView:
    birth = row.birth_date or (_("age %(age)s") % {"age": row.age} if row.age else "")
    return RecordView(
        pk=record.pk,
        source=_source(record),
        label=_("line %(line)s, record %(id)s") % {"line": row.line, "id": row.record_id},
        values={
            "name": row.full_name,
            "birth": birth,
            "sex": row.sex,
            "nin": row.nin,
            "phone": row.phone,
            "district": row.district,
        },
    )


@transaction.atomic
def records_view(user: User, run: LinkRun, records: Iterable[LinkRecord]) -> dict[int, RecordView]:
    """Each record's view by LinkRecord id; audits every case person whose fields are shown."""
    records = list(records)
    person_ids = [r.case_person_id for r in records if r.case_person_id is not None]
    open_ids = people_open_to_organization(run.organization_id, person_ids)
    people = people_by_id(open_ids)
    rows = {
        row.pk: row
        for row in ImportedRecord.objects.filter(
            pk__in=[r.imported_id for r in records if r.imported_id is not None],
            imported_list__organization_id=run.organization_id,
        )
    }
    views: dict[int, RecordView] = {}
    shown: set[int] = set()
    for record in records:
        if record.imported_id in rows:
            views[record.pk] = _list_view(record, rows[record.imported_id])
        elif record.case_person_id in people:
            person = people[record.case_person_id]
            case = person.case
            shown.add(person.pk)
            views[record.pk] = RecordView(
                pk=record.pk,
                source=_source(record),
                label=_("case %(reference)s") % {"reference": case.reference},
                case_id=case.pk if user.can(Perm.CASE_VIEW) else None,
                values={
                    "name": person.full_name,
                    "birth": _("age %(age)s") % {"age": person.age} if person.age else "",
                    "sex": _SEX.get(person.gender, ""),
                    "nin": person.identity_number,
                    "phone": person.phone,
                },
            )
        elif record.case_person_id is not None:
            views[record.pk] = RecordView(
                pk=record.pk,
                source=_source(record),
                label=_("a case of another organization"),
                hidden=True,
            )
        else:
            views[record.pk] = RecordView(
                pk=record.pk, source=_source(record), label=_("record removed"), hidden=True
            )
    for person_id in sorted(shown):
        audit_record(
            actor=user,
            action=AuditAction.LINKAGE_PERSON_VIEWED,
            target_type="case_person",
            target_id=person_id,
            extra={"run": run.pk},
        )
    return views
