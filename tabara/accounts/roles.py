"""The role → permission matrix. Reviewed like code; a table-driven test covers every cell.

Permissions are plain strings `<resource>.<action>`. A user holds the union of the
permissions of their roles; anything not listed is refused (fail closed).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    INTAKE_OFFICER = "intake_officer"
    CASE_WORKER = "case_worker"
    SUPERVISOR = "supervisor"
    ANALYST = "analyst"
    PROGRAMME_OFFICER = "programme_officer"
    ADMINISTRATOR = "administrator"
    NATIONAL_ADMINISTRATOR = "national_administrator"


class Perm(StrEnum):
    REPORT_VIEW = "report.view"
    REPORT_REPLY = "report.reply"
    REPORT_REVIEW = "report.review"
    SCREENING_RUN = "screening.run"
    CASE_OPEN = "case.open"
    CASE_VIEW = "case.view"
    CASE_REFER = "case.refer"
    CASE_SUPERVISE = "case.supervise"
    CONSENT_OVERRIDE = "case.consent_override"
    REFERRAL_RESPOND = "referral.respond"
    ROUTING_MANAGE = "routing.manage"
    STATS_VIEW = "stats.view"
    # Count every organization's cases (national statistics), not only one's own.
    STATS_NATIONAL = "stats.national"
    PREVALENCE_RUN = "prevalence.run"
    LINKAGE_RUN = "linkage.run"
    NETWORK_VIEW = "network.view"
    AWARENESS_MANAGE = "awareness.manage"
    SUBSCRIBERS_VIEW = "awareness.subscribers"
    ACCOUNTS_MANAGE = "accounts.manage"
    ACCOUNTS_MANAGE_ALL = "accounts.manage_all"
    AUDIT_VIEW = "audit.view"
    BREACHES_MANAGE = "privacy.breaches"
    AGENCIES_MANAGE = "agencies.manage"
    # Open data (docs/open-data.md): an organization's cases in HTCDS for partners under
    # agreement, and the public de-identified file and statistics.
    HTCDS_EXPORT = "opendata.htcds"
    OPEN_DATA_PUBLISH = "opendata.publish"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.INTAKE_OFFICER: frozenset(
        {
            Perm.REPORT_VIEW,
            Perm.REPORT_REPLY,
            Perm.REPORT_REVIEW,
            Perm.SCREENING_RUN,
            Perm.CASE_OPEN,
            Perm.CASE_VIEW,
        }
    ),
    Role.CASE_WORKER: frozenset(
        {
            Perm.SCREENING_RUN,
            Perm.CASE_OPEN,
            Perm.CASE_VIEW,
            Perm.CASE_REFER,
            Perm.REFERRAL_RESPOND,
            Perm.REPORT_REPLY,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Perm.REPORT_VIEW,
            Perm.REPORT_REPLY,
            Perm.REPORT_REVIEW,
            Perm.SCREENING_RUN,
            Perm.CASE_OPEN,
            Perm.CASE_VIEW,
            Perm.CASE_REFER,
            Perm.CASE_SUPERVISE,
            Perm.CONSENT_OVERRIDE,
            Perm.REFERRAL_RESPOND,
            Perm.STATS_VIEW,
            Perm.HTCDS_EXPORT,
        }
    ),
    # Linkage results name people across organizations: analysts only (docs/linkage.md);
    # analysts also publish open data (docs/open-data.md).
    Role.ANALYST: frozenset(
        {
            Perm.STATS_VIEW,
            Perm.STATS_NATIONAL,
            Perm.PREVALENCE_RUN,
            Perm.LINKAGE_RUN,
            Perm.NETWORK_VIEW,
            Perm.OPEN_DATA_PUBLISH,
        }
    ),
    Role.PROGRAMME_OFFICER: frozenset(
        {Perm.AWARENESS_MANAGE, Perm.SUBSCRIBERS_VIEW, Perm.STATS_VIEW, Perm.AGENCIES_MANAGE}
    ),
    # Routing rules are national (they send every organization's cases): only a national
    # administrator publishes them, never one organization's administrator.
    Role.ADMINISTRATOR: frozenset({Perm.ACCOUNTS_MANAGE, Perm.AUDIT_VIEW, Perm.BREACHES_MANAGE}),
    Role.NATIONAL_ADMINISTRATOR: frozenset(
        {
            Perm.ACCOUNTS_MANAGE,
            Perm.ACCOUNTS_MANAGE_ALL,
            Perm.AUDIT_VIEW,
            Perm.ROUTING_MANAGE,
            Perm.BREACHES_MANAGE,
        }
    ),
}

# Which roles a holder may grant to others (never to themself): an organization's
# administrator staffs their organization, including other administrators, but only a
# national administrator makes another one. Administrators hold no case permissions, so
# granting operational roles is delegated here rather than derived from their own.
OPERATIONAL_ROLES = frozenset(
    {
        Role.INTAKE_OFFICER,
        Role.CASE_WORKER,
        Role.SUPERVISOR,
        Role.ANALYST,
        Role.PROGRAMME_OFFICER,
    }
)
ROLE_GRANTS: dict[Role, frozenset[Role]] = {
    Role.ADMINISTRATOR: OPERATIONAL_ROLES | {Role.ADMINISTRATOR},
    Role.NATIONAL_ADMINISTRATOR: frozenset(Role),
}


def grantable_roles(roles: list[str]) -> frozenset[Role]:
    """The roles that a holder of `roles` may grant to someone else."""
    granted: set[Role] = set()
    for name in roles:
        try:
            granted |= ROLE_GRANTS.get(Role(name), frozenset())
        except ValueError:
            continue
    return frozenset(granted)


def permissions_for(roles: list[str]) -> frozenset[Perm]:
    """Union of the permissions of known roles; unknown role names grant nothing."""
    granted: set[Perm] = set()
    for name in roles:
        try:
            granted |= ROLE_PERMISSIONS[Role(name)]
        except ValueError:
            continue
    return frozenset(granted)
