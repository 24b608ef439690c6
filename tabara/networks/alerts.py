"""Alerts to the owners of cases that share an identifier with a record held elsewhere.

When a report or case newly mentions an identifier that other records already carry, the
organizations owning those cases (and the owner of the new record, if it is a case) learn
*that* one of their cases shares a phone number, account, plate, agency or recruiter's name
with records held by other organizations or in other districts, and whom to ask: the
national desk's analysts, who see the network. The alert names only the owner's own case
and the kinds of identifier: never the identifier, the other records, nor their holders.

Records of one situation (a case and the report it was opened from) are not news to each
other, nor are two records of the same organization in the same district. An identifier in
more situations than TABARA_NETWORK_HUB_CAP (a bus company's number, "WhatsApp") is a hub:
it alerts nobody and is listed on the analysts' page instead. Analysts (network.view) get
an in-app note whenever a record joins a network, reports included: two reports from two
districts have no owner to alert, and are exactly what nobody saw before.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.alerts import BODY, alert_staff
from tabara.cases.models import Case
from tabara.networks.choices import IdentifierKind
from tabara.networks.models import IdentifierOccurrence
from tabara.notifications.models import Channel
from tabara.notifications.services import staff_notify
from tabara.notifications.texts import Link, Text

NEW_REPORT = _(
    "Case %(case)s: a new report mentions an identifier that is also in this case "
    "(%(kinds)s). Ask an analyst of the national desk to put you in touch with whoever "
    "handles the report."
)
NEW_CASE = _(
    "Case %(case)s: a case held by another organization or in another district mentions an "
    "identifier that is also in this case (%(kinds)s). Ask an analyst of the national desk "
    "to put you in touch with its holder."
)
ALSO_ELSEWHERE = _(
    "Case %(case)s: an identifier in this case (%(kinds)s) is also in %(count)s other "
    "records held by other organizations or in other districts. Ask an analyst of the "
    "national desk to put you in touch with their holders."
)


TO_ANALYSTS = _(
    "Recruiter networks: %(record)s shares an identifier (%(kinds)s) with %(count)s records "
    "held by other organizations or in other districts."
)
IN_APP = (Channel.IN_APP,)


def hub_cap() -> int:
    return int(settings.TABARA_NETWORK_HUB_CAP)


def _kinds(kinds: Iterable[str]) -> object:
    labels = [IdentifierKind(kind).label for kind in sorted(kinds)]
    return format_lazy(", ".join("{}" for _label in labels), *labels)


def _readers(case: Case) -> list[User | None]:
    """The case's worker and supervisor; without either, the owner's supervisors."""
    leads = [u for u in (case.assigned_to, case.supervisor) if u is not None and u.is_active]
    if leads:
        return list(leads)
    staff = User.objects.filter(organization_id=case.owner_org_id, is_active=True).order_by("pk")
    return [member for member in staff if member.can(Perm.CASE_SUPERVISE)]


def _elsewhere(occurrence: IdentifierOccurrence) -> list[IdentifierOccurrence] | None:
    """The identifier's occurrences held elsewhere than `occurrence`; None for a hub."""
    others = IdentifierOccurrence.objects.filter(identifier_id=occurrence.identifier_id).exclude(
        situation=occurrence.situation
    )
    situations = others.values_list("situation", flat=True).distinct()[: hub_cap()]
    if len(situations) + 1 > hub_cap():
        return None
    return [
        other
        for other in others.only("situation", "case_id", "holder_org_id", "district_id")
        if other.holder_org_id != occurrence.holder_org_id
        or other.district_id != occurrence.district_id
    ]


def network_alert(added: list[IdentifierOccurrence]) -> int:
    """Alert about the occurrences just added to one record; return how many messages."""
    news: dict[int, set[str]] = {}  # another case -> kinds it shares with the new record
    own: dict[str, set[str]] = {}  # kind -> situations elsewhere (when the record is a case)
    connected: dict[str, set[str]] = {}  # kind -> situations elsewhere, for the analysts
    for occurrence in added:
        elsewhere = _elsewhere(occurrence)
        if not elsewhere:
            continue
        kind = occurrence.identifier.kind
        connected.setdefault(kind, set()).update(other.situation for other in elsewhere)
        for other in elsewhere:
            if other.case_id is not None:
                news.setdefault(other.case_id, set()).add(kind)
        if occurrence.case_id is not None:
            own.setdefault(kind, set()).update(other.situation for other in elsewhere)
    record = added[0]
    new_template = NEW_CASE if record.case_id is not None else NEW_REPORT
    event = f"network:{max(o.pk for o in added)}"
    cases = Case.objects.select_related("assigned_to", "supervisor")
    sent = 0
    for case in cases.filter(pk__in=news).order_by("pk"):
        subject = Text(new_template, {"case": case.reference, "kinds": _kinds(news[case.pk])})
        sent += _send(case, f"{event}:case:{case.pk}", subject, new=record)
    if own and record.case_id is not None:
        case = cases.get(pk=record.case_id)
        count = len(set().union(*own.values()))
        subject = Text(
            ALSO_ELSEWHERE, {"case": case.reference, "kinds": _kinds(own), "count": count}
        )
        sent += _send(case, f"{event}:own", subject, new=record)
    if connected:
        sent += _tell_analysts(event, record, connected)
    return sent


def _tell_analysts(event: str, record: IdentifierOccurrence, connected: dict[str, set[str]]) -> int:
    """In-app note to every analyst: a new record joins a network (reports connect too)."""
    subject = Text(
        TO_ANALYSTS,
        {
            "record": record.reference,
            "kinds": _kinds(connected),
            "count": len(set().union(*connected.values())),
        },
    )
    body = Text(BODY, {"subject": subject, "url": Link("networks:network")})
    analysts = User.objects.filter(is_active=True).order_by("pk")
    return sum(
        staff_notify(
            user=user, event_key=f"{event}:analyst", subject=subject, body=body, channels=IN_APP
        )
        for user in analysts
        if user.can(Perm.NETWORK_VIEW)
    )


def _send(case: Case, event: str, subject: Text, *, new: IdentifierOccurrence) -> int:
    audit_record(
        actor=None,
        action=AuditAction.NETWORK_ALERTED,
        target_type="case",
        target_id=case.pk,
        extra={"record": new.reference},
    )
    return alert_staff(users=_readers(case), case=case, event=event, subject=subject)
