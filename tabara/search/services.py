"""Writes of the search app: keep the blind index in step with people, and run searches.

A search is a write because it is audited: the audit event names who searched, what kind
of term (name, phone, identity number, reference), how many terms and which records were
shown, never the words typed nor their tokens, so that the audit log cannot become a
readable (or, with the key, a testable) index of names. See docs/search.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.models import Case, CasePerson
from tabara.intake.models import Report
from tabara.search.blind import person_tokens
from tabara.search.models import SearchToken
from tabara.search.query import Query, QueryKind, query_parse
from tabara.search.selectors import case_by_reference, people_matching, reports_matching


@dataclass(frozen=True)
class SearchResults:
    """What one search found, already limited to what the user may see."""

    query: Query
    people: list[CasePerson] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def search_token_rows(
    *, person: CasePerson, case: Case, full_name: str, phone: str, identity_number: str
) -> list[SearchToken]:
    """Unsaved index rows of one person of `case`, from the clear values given."""
    tokens = person_tokens(full_name=full_name, phone=phone, identity_number=identity_number)
    return [
        SearchToken(
            token=token,
            person_id=person.pk,
            case_id=case.pk,
            owner_org_id=case.owner_org_id,
            opened_at=case.opened_at,
        )
        for token in sorted(tokens)
    ]


@transaction.atomic
def search_index_person(*, person: CasePerson) -> int:
    """(Re)write the tokens of one person; return how many."""
    SearchToken.objects.filter(person=person).delete()
    rows = search_token_rows(
        person=person,
        case=Case.objects.only("pk", "owner_org_id", "opened_at").get(pk=person.case_id),
        full_name=person.full_name,
        phone=person.phone,
        identity_number=person.identity_number,
    )
    SearchToken.objects.bulk_create(rows)
    return len(rows)


def search_owner_moved(*, case_id: int, owner_org_id: int) -> None:
    """Keep the index's copy of a case's owner right (called by `case_owner_transfer`)."""
    SearchToken.objects.filter(case_id=case_id).update(owner_org_id=owner_org_id)


@transaction.atomic
def search_reindex(*, batch_size: int = 2000) -> int:
    """Rebuild the whole index under the current search key, in one transaction.

    Searches keep seeing the old index until the new one is committed. Returns the number
    of tokens written.
    """
    SearchToken.objects.all().delete()
    written = 0
    last = 0
    while True:
        batch = list(
            CasePerson.objects.filter(pk__gt=last)
            .select_related("case")
            .order_by("pk")
            .only(
                "pk",
                "row_uuid",
                "full_name",
                "phone",
                "identity_number",
                "case__id",
                "case__owner_org_id",
                "case__opened_at",
            )[:batch_size]
        )
        if not batch:
            break
        rows = [
            row
            for person in batch
            for row in search_token_rows(
                person=person,
                case=person.case,
                full_name=person.full_name,
                phone=person.phone,
                identity_number=person.identity_number,
            )
        ]
        SearchToken.objects.bulk_create(rows, batch_size=5000)
        written += len(rows)
        last = batch[-1].pk
    audit_record(actor=None, action=AuditAction.SEARCH_REINDEXED, extra={"tokens": written})
    return written


@transaction.atomic
def search_run(*, user: User, text: str) -> SearchResults:
    """Find people, cases and reports for the typed text; audited without the text."""
    query = query_parse(text)
    if query.kind == QueryKind.EMPTY:
        return SearchResults(query=query)
    results = SearchResults(
        query=query,
        people=people_matching(user, query),
        cases=case_by_reference(user, query),
        reports=reports_matching(user, query),
    )
    audit_record(
        actor=user,
        action=AuditAction.SEARCHED,
        target_type="search",
        extra={
            "kind": str(query.kind),
            "terms": len(query.tokens) or 1,
            "people": [p.pk for p in results.people],
            "cases": sorted({p.case_id for p in results.people} | {c.pk for c in results.cases}),
            "reports": [r.pk for r in results.reports],
        },
    )
    return results
