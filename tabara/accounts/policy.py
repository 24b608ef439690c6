"""Who may manage which organizations and staff: the access functions, failing closed.

A national administrator (accounts.manage_all) manages every organization; any other holder
of accounts.manage manages only their own. An organization or staff member out of reach
raises the same AccountNotFound (a 404) as one that does not exist. Nobody manages their own
account, nor anyone holding a role they could not grant: privileges never rise.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm, Role, grantable_roles


class AccountNotFound(Http404):
    """Not there, or not yours to manage: deliberately the same."""


class GrantRefused(Exception):
    """The administrator tried to grant a role they may not grant, or to manage themself."""


def organizations_manageable(admin: User) -> QuerySet[Organization]:
    """The organizations this administrator manages (none without accounts.manage)."""
    if not admin.can(Perm.ACCOUNTS_MANAGE):
        return Organization.objects.none()
    if admin.can(Perm.ACCOUNTS_MANAGE_ALL):
        return Organization.objects.all()
    return Organization.objects.filter(pk=admin.organization_id or 0)


def access_organization_by_id(admin: User, organization_id: int) -> Organization:
    """The organization if this administrator manages it; otherwise AccountNotFound."""
    organization = organizations_manageable(admin).filter(pk=organization_id).first()
    if organization is None:
        raise AccountNotFound
    return organization


def staff_manageable(admin: User) -> QuerySet[User]:
    """Staff of the organizations this administrator manages, themself included (to list)."""
    return User.objects.filter(organization__in=organizations_manageable(admin)).select_related(
        "organization"
    )


def access_staff_by_id(admin: User, user_id: int) -> User:
    """A staff member this administrator may see; otherwise AccountNotFound."""
    user = staff_manageable(admin).filter(pk=user_id).first()
    if user is None:
        raise AccountNotFound
    return user


def grant_check(admin: User, *, target: User | None, roles: list[Role]) -> None:
    """Refuse managing oneself, someone holding an ungrantable role, or granting one."""
    allowed = grantable_roles(list(admin.roles))
    if target is not None and target.pk == admin.pk:
        raise GrantRefused("self")
    known = {role.value for role in Role}
    held = {Role(name) for name in (target.roles if target is not None else []) if name in known}
    if not set(roles) <= allowed or not held <= allowed:
        raise GrantRefused("role")


def may_manage(admin: User, target: User) -> bool:
    """True when this administrator may change `target` (not themself, no higher role)."""
    try:
        grant_check(admin, target=target, roles=[])
    except GrantRefused:
        return False
    return True
