"""Administration pages: organizations and staff (accounts.manage)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tabara.accounts.access import staff_required, staff_user
from tabara.accounts.admin_forms import ROLE_LABELS, InviteForm, OrganizationForm, RolesForm
from tabara.accounts.administration import (
    AccountStateRefused,
    organization_create,
    organization_deactivate,
    organization_update,
    staff_deactivate,
    staff_reactivate,
    staff_roles_change,
    staff_second_factor_reset,
)
from tabara.accounts.invitations import InvitationError, invitation_create
from tabara.accounts.models import Invitation
from tabara.accounts.policy import (
    GrantRefused,
    access_organization_by_id,
    access_staff_by_id,
    may_manage,
    organizations_manageable,
    staff_manageable,
)
from tabara.accounts.roles import Perm, Role, grantable_roles
from tabara.core.views import posted


def _refusal(error: GrantRefused) -> str:
    if error.args and error.args[0] == "self":
        return _("You cannot change your own account. Ask another administrator.")
    return _("You may not grant that role, or manage someone who holds it.")


def _form_errors(form: OrganizationForm | InviteForm, error: ValidationError) -> None:
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields else None, texts)


@require_GET
@staff_required(Perm.ACCOUNTS_MANAGE)
def organization_list(request: HttpRequest) -> HttpResponse:
    admin = staff_user(request)
    organizations = organizations_manageable(admin).select_related("district")
    return render(
        request,
        "accounts/admin/organization_list.html",
        {"organizations": organizations, "can_create": admin.can(Perm.ACCOUNTS_MANAGE_ALL)},
    )


@staff_required(Perm.ACCOUNTS_MANAGE_ALL)
@require_http_methods(["GET", "POST"])
def organization_new(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            organization = organization_create(admin=staff_user(request), **form.service_fields())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Organization created."))
            return HttpResponseRedirect(reverse("accounts:organization", args=[organization.pk]))
    return render(request, "accounts/admin/organization_form.html", {"form": form})


@staff_required(Perm.ACCOUNTS_MANAGE)
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, organization_id: int) -> HttpResponse:
    admin = staff_user(request)
    organization = access_organization_by_id(admin, organization_id)
    initial = {
        "name": organization.name,
        "short_name": organization.short_name,
        "kind": organization.kind,
        "district": organization.district.code if organization.district else "",
        "contact_name": organization.contact_name,
        "contact_email": organization.contact_email,
        "contact_phone": organization.contact_phone,
    }
    form = OrganizationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            organization_update(
                admin=admin, organization_id=organization.pk, **form.service_fields()
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Organization saved."))
            return HttpResponseRedirect(reverse("accounts:organization", args=[organization.pk]))
    can_deactivate = (
        admin.can(Perm.ACCOUNTS_MANAGE_ALL)
        and organization.is_active
        and organization.pk != admin.organization_id
    )
    return render(
        request,
        "accounts/admin/organization_form.html",
        {"form": form, "organization": organization, "can_deactivate": can_deactivate},
    )


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE_ALL)
def organization_deactivate_view(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization_deactivate(admin=staff_user(request), organization_id=organization_id)
    messages.success(request, _("Organization deactivated: its staff can no longer sign in."))
    return HttpResponseRedirect(reverse("accounts:organization", args=[organization_id]))


@require_GET
@staff_required(Perm.ACCOUNTS_MANAGE)
def staff_list(request: HttpRequest) -> HttpResponse:
    admin = staff_user(request)
    staff = staff_manageable(admin).order_by("organization__short_name", "username")
    pending = (
        Invitation.objects.filter(
            organization__in=organizations_manageable(admin), used_at__isnull=True
        )
        .select_related("organization")
        .order_by("-created_at")[:100]
    )
    labels = {role.value: label for role, label in ROLE_LABELS.items()}
    rows = [{"user": user, "roles": [labels.get(r, r) for r in user.roles]} for user in staff]
    return render(
        request,
        "accounts/admin/staff_list.html",
        {"rows": rows, "pending": [i for i in pending if i.is_open()]},
    )


@staff_required(Perm.ACCOUNTS_MANAGE)
@require_http_methods(["GET", "POST"])
def staff_invite(request: HttpRequest) -> HttpResponse:
    admin = staff_user(request)
    organizations = list(organizations_manageable(admin).filter(is_active=True))
    grantable = grantable_roles(list(admin.roles))
    form = InviteForm(posted(request), organizations=organizations, grantable=grantable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = access_organization_by_id(admin, data["organization"])
        try:
            invitation_create(
                by=admin,
                email=data["email"],
                organization=organization,
                roles=[Role(name) for name in data["roles"]],
                language=get_language() or "en",
            )
        except GrantRefused as error:
            form.add_error("roles", _refusal(error))
        except InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works once, for 72 hours.")
                % {"email": data["email"]},
            )
            return HttpResponseRedirect(reverse("accounts:staff_list"))
    return render(request, "accounts/admin/staff_invite.html", {"form": form})


@staff_required(Perm.ACCOUNTS_MANAGE)
@require_http_methods(["GET", "POST"])
def staff_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = staff_user(request)
    member = access_staff_by_id(admin, user_id)
    grantable = grantable_roles(list(admin.roles))
    form = RolesForm(posted(request), initial={"roles": member.roles}, grantable=grantable)
    if request.method == "POST" and form.is_valid():
        try:
            staff_roles_change(
                admin=admin,
                user_id=member.pk,
                roles=[Role(name) for name in form.cleaned_data["roles"]],
            )
        except GrantRefused as error:
            form.add_error("roles", _refusal(error))
        else:
            messages.success(request, _("Roles saved."))
            return HttpResponseRedirect(reverse("accounts:staff", args=[member.pk]))
    return render(
        request,
        "accounts/admin/staff_detail.html",
        {"member": member, "form": form, "manageable": may_manage(admin, member)},
    )


def _staff_action(request: HttpRequest, user_id: int, action: str) -> HttpResponse:
    admin = staff_user(request)
    try:
        if action == "deactivate":
            staff_deactivate(admin=admin, user_id=user_id)
            messages.success(request, _("Account deactivated: every session of it has ended."))
        elif action == "reactivate":
            staff_reactivate(admin=admin, user_id=user_id, language=get_language() or "en")
            messages.success(
                request,
                _(
                    "Account reactivated. A link to set a new password and enrol a second "
                    "factor has been e-mailed; it works once, for 72 hours."
                ),
            )
        else:
            staff_second_factor_reset(admin=admin, user_id=user_id, language=get_language() or "en")
            messages.success(
                request, _("Second factor removed. A link to enrol a new one has been e-mailed.")
            )
    except GrantRefused as error:
        messages.error(request, _refusal(error))
    except AccountStateRefused as error:
        messages.error(
            request,
            _("This account is active already.")
            if error.reason == "active"
            else _("Its organization is deactivated: the account cannot sign in again."),
        )
    return HttpResponseRedirect(reverse("accounts:staff", args=[user_id]))


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def staff_deactivate_view(request: HttpRequest, user_id: int) -> HttpResponse:
    return _staff_action(request, user_id, "deactivate")


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def staff_reactivate_view(request: HttpRequest, user_id: int) -> HttpResponse:
    return _staff_action(request, user_id, "reactivate")


@require_POST
@staff_required(Perm.ACCOUNTS_MANAGE)
def staff_reset_view(request: HttpRequest, user_id: int) -> HttpResponse:
    return _staff_action(request, user_id, "reset")
