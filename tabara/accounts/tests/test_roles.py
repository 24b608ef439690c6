"""The permission matrix, cell by cell: a change to roles.py must change this table too."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Perm, Role, grantable_roles, permissions_for

R, A = Role, Perm
# Rows: the permissions each role must hold; every other cell must be refused.
EXPECTED: dict[Role, set[Perm]] = {
    R.INTAKE_OFFICER: {
        A.REPORT_VIEW,
        A.REPORT_REPLY,
        A.REPORT_REVIEW,
        A.SCREENING_RUN,
        A.CASE_OPEN,
        A.CASE_VIEW,
    },
    R.CASE_WORKER: {
        A.SCREENING_RUN,
        A.CASE_OPEN,
        A.CASE_VIEW,
        A.CASE_REFER,
        A.REFERRAL_RESPOND,
        A.REPORT_REPLY,
    },
    R.SUPERVISOR: {
        A.REPORT_VIEW,
        A.REPORT_REPLY,
        A.REPORT_REVIEW,
        A.SCREENING_RUN,
        A.CASE_OPEN,
        A.CASE_VIEW,
        A.CASE_REFER,
        A.CASE_SUPERVISE,
        A.CONSENT_OVERRIDE,
        A.REFERRAL_RESPOND,
        A.STATS_VIEW,
        # The organization's cases in HTCDS for a partner under agreement (issue 15).
        A.HTCDS_EXPORT,
    },
    # Analysts publish the de-identified file and the public statistics (issue 15).
    R.ANALYST: {
        A.STATS_VIEW,
        A.STATS_NATIONAL,
        A.PREVALENCE_RUN,
        A.LINKAGE_RUN,
        A.NETWORK_VIEW,
        A.OPEN_DATA_PUBLISH,
    },
    # The recruitment-agency register is kept by programme staff (issue 16).
    R.PROGRAMME_OFFICER: {
        A.AWARENESS_MANAGE,
        A.SUBSCRIBERS_VIEW,
        A.STATS_VIEW,
        A.AGENCIES_MANAGE,
    },
    # Routing rules send every organization's cases: national administrators only.
    R.ADMINISTRATOR: {A.ACCOUNTS_MANAGE, A.AUDIT_VIEW, A.BREACHES_MANAGE},
    R.NATIONAL_ADMINISTRATOR: {
        A.ACCOUNTS_MANAGE,
        A.ACCOUNTS_MANAGE_ALL,
        A.AUDIT_VIEW,
        A.ROUTING_MANAGE,
        A.BREACHES_MANAGE,
    },
}
OPERATIONAL = {R.INTAKE_OFFICER, R.CASE_WORKER, R.SUPERVISOR, R.ANALYST, R.PROGRAMME_OFFICER}
# Rows: the roles a holder of each role may grant to someone else; nothing else.
GRANTS: dict[Role, set[Role]] = {
    R.INTAKE_OFFICER: set(),
    R.CASE_WORKER: set(),
    R.SUPERVISOR: set(),
    R.ANALYST: set(),
    R.PROGRAMME_OFFICER: set(),
    R.ADMINISTRATOR: OPERATIONAL | {R.ADMINISTRATOR},
    R.NATIONAL_ADMINISTRATOR: OPERATIONAL | {R.ADMINISTRATOR, R.NATIONAL_ADMINISTRATOR},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("perm", list(Perm))
def test_matrix_cell(role: Role, perm: Perm) -> None:
    assert (perm in permissions_for([role.value])) is (perm in EXPECTED[role])


@pytest.mark.parametrize("holder", list(Role))
@pytest.mark.parametrize("granted", list(Role))
def test_grant_cell(holder: Role, granted: Role) -> None:
    assert (granted in grantable_roles([holder.value])) is (granted in GRANTS[holder])


def test_unknown_roles_grant_nothing() -> None:
    assert grantable_roles(["superuser"]) == frozenset()
    assert permissions_for(["superuser", ""]) == frozenset()


def test_roles_combine_as_a_union() -> None:
    both = permissions_for([Role.ANALYST.value, Role.ADMINISTRATOR.value])
    assert both == EXPECTED[R.ANALYST] | EXPECTED[R.ADMINISTRATOR]


@pytest.mark.django_db
def test_user_without_organization_or_inactive_can_nothing(make_staff) -> None:
    user = make_staff(roles=[Role.SUPERVISOR])
    assert user.can(Perm.REPORT_VIEW)
    user.is_active = False
    assert not user.can(Perm.REPORT_VIEW)
    user.is_active = True
    user.organization.is_active = False
    assert not user.can(Perm.REPORT_VIEW)
    user.organization = None
    assert not user.can(Perm.REPORT_VIEW)
