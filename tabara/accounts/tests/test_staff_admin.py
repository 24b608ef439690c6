"""Administration pages: reach (own organization, 404 elsewhere), grants, audit."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.models import Invitation, Organization, RecoveryCodeDevice, User
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import OrganizationFactory, signed_in
from tabara.audit.models import AuditAction, AuditEvent
from tabara.notifications.services import notifications_sweep


@pytest.fixture
def two_orgs(make_staff):
    ours, theirs = OrganizationFactory.create(), OrganizationFactory.create()
    admin = make_staff(roles=[Role.ADMINISTRATOR], organization=ours)
    colleague = make_staff(roles=[Role.INTAKE_OFFICER], organization=ours)
    stranger = make_staff(roles=[Role.INTAKE_OFFICER], organization=theirs)
    return admin, colleague, stranger


def audited(action: AuditAction, actor: User, target: User | Organization) -> bool:
    return AuditEvent.objects.filter(action=action, actor=actor, target_id=str(target.pk)).exists()


def enrolment_link_sent(user: User, old_session: Client, fake_smtp) -> Invitation:
    """The user's second factors are gone, the old session too, and a new link was e-mailed."""
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCodeDevice.objects.filter(user=user).exists()
    assert old_session.get("/en/staff/reports/").status_code == 302
    invitation = Invitation.objects.get(user=user)
    assert invitation.purpose == Invitation.Purpose.RESET and invitation.is_open()
    notifications_sweep()
    [message] = fake_smtp.received
    assert message["To"] == user.email
    assert "/en/staff/invitation/" in message.get_content()
    return invitation


@pytest.mark.django_db
def test_an_org_admin_sees_only_their_organizations_staff(two_orgs) -> None:
    admin, colleague, stranger = two_orgs
    client = signed_in(admin)
    listing = client.get("/en/staff/people/").content.decode()
    assert colleague.username in listing and stranger.username not in listing
    assert client.get(f"/en/staff/people/{colleague.pk}/").status_code == 200
    for url in (
        f"/en/staff/people/{stranger.pk}/",
        f"/en/staff/organizations/{stranger.organization_id}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/en/staff/people/{stranger.pk}/",
        f"/en/staff/people/{stranger.pk}/deactivate/",
        f"/en/staff/people/{stranger.pk}/reset-second-factor/",
        f"/en/staff/organizations/{stranger.organization_id}/",
    ):
        assert client.post(url, {"roles": ["intake_officer"], "name": "x"}).status_code == 404
    stranger.refresh_from_db()
    assert stranger.is_active and stranger.roles == ["intake_officer"]
    assert TOTPDevice.objects.filter(user=stranger).exists()
    assert client.get("/en/staff/organizations/new/").status_code == 404


@pytest.mark.django_db
def test_nobody_raises_their_own_privileges(two_orgs) -> None:
    admin, colleague, _stranger = two_orgs
    client = signed_in(admin)
    own = client.post(f"/en/staff/people/{admin.pk}/", {"roles": ["administrator", "supervisor"]})
    assert "cannot change your own account" in own.content.decode()
    national = client.post(
        f"/en/staff/people/{colleague.pk}/", {"roles": ["national_administrator"]}
    )
    assert national.status_code == 200 and "national_administrator" not in str(
        User.objects.get(pk=colleague.pk).roles
    )
    admin.refresh_from_db()
    colleague.refresh_from_db()
    assert admin.roles == ["administrator"] and colleague.roles == ["intake_officer"]
    assert not AuditEvent.objects.filter(action=AuditAction.STAFF_ROLES_CHANGED).exists()
    assert client.post(f"/en/staff/people/{admin.pk}/deactivate/").status_code == 302
    admin.refresh_from_db()
    assert admin.is_active


@pytest.mark.django_db
def test_an_org_admin_cannot_touch_a_national_administrator(make_staff) -> None:
    organization = OrganizationFactory.create()
    admin = make_staff(roles=[Role.ADMINISTRATOR], organization=organization)
    national = make_staff(roles=[Role.NATIONAL_ADMINISTRATOR], organization=organization)
    client = signed_in(admin)
    client.post(f"/en/staff/people/{national.pk}/deactivate/")
    client.post(f"/en/staff/people/{national.pk}/", {"roles": ["intake_officer"]})
    national.refresh_from_db()
    assert national.is_active and national.roles == ["national_administrator"]


@pytest.mark.django_db
def test_roles_change_is_audited(two_orgs) -> None:
    admin, colleague, _stranger = two_orgs
    response = signed_in(admin).post(
        f"/en/staff/people/{colleague.pk}/", {"roles": ["supervisor", "analyst"]}
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.roles == ["analyst", "supervisor"]
    event = AuditEvent.objects.get(action=AuditAction.STAFF_ROLES_CHANGED)
    assert event.actor == admin and event.target_id == str(colleague.pk)
    assert event.extra == {"before": ["intake_officer"], "after": ["analyst", "supervisor"]}


@pytest.mark.django_db
def test_deactivation_ends_every_session_at_once(two_orgs) -> None:
    admin, colleague, _stranger = two_orgs
    phone, desk = signed_in(colleague), signed_in(colleague)
    assert phone.get("/en/staff/reports/").status_code == 200
    signed_in(admin).post(f"/en/staff/people/{colleague.pk}/deactivate/")
    for client in (phone, desk):
        response = client.get("/en/staff/reports/")
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert audited(AuditAction.STAFF_DEACTIVATED, admin, colleague)


@pytest.mark.django_db
def test_reset_second_factor_removes_devices_and_emails_a_new_link(two_orgs, fake_smtp) -> None:
    admin, colleague, _stranger = two_orgs
    colleague.email = "colleague@example.org"
    colleague.save()
    session = signed_in(colleague)
    signed_in(admin).post(f"/en/staff/people/{colleague.pk}/reset-second-factor/")
    enrolment_link_sent(colleague, session, fake_smtp)
    assert audited(AuditAction.SECOND_FACTOR_RESET, admin, colleague)


@pytest.mark.django_db
def test_inviting_from_the_page_sends_the_link_over_smtp(two_orgs, fake_smtp) -> None:
    admin, _colleague, stranger = two_orgs
    client = signed_in(admin)
    page = client.get("/en/staff/people/invite/").content.decode()
    assert stranger.organization.name not in page  # only their own organization is offered
    response = client.post(
        "/en/staff/people/invite/",
        {
            "email": "Officer@Example.org",
            "organization": admin.organization_id,
            "roles": ["intake_officer"],
        },
    )
    assert response.status_code == 302
    notifications_sweep()
    [message] = fake_smtp.received
    assert message["To"] == "officer@example.org"
    assert "https://tabara.test/en/staff/invitation/" in message.get_content()
    event = AuditEvent.objects.get(action=AuditAction.STAFF_INVITED)
    assert event.actor == admin and event.extra["roles"] == ["intake_officer"]


@pytest.mark.django_db
def test_an_invalid_invitation_keeps_what_was_typed(two_orgs) -> None:
    admin, _colleague, stranger = two_orgs
    client = signed_in(admin)
    bad = client.post(
        "/fr/staff/people/invite/",
        {"email": "not-an-address", "organization": admin.organization_id, "roles": []},
    ).content.decode()
    assert 'value="not-an-address"' in bad and "au moins un rôle" in bad
    foreign = client.post(
        "/en/staff/people/invite/",
        {
            "email": "x@example.org",
            "organization": stranger.organization_id,
            "roles": ["intake_officer"],
        },
    )
    assert foreign.status_code == 200 and not Invitation.objects.exists()


@pytest.mark.django_db
def test_national_admin_creates_edits_and_deactivates_organizations(make_staff, geography) -> None:
    national = make_staff(roles=[Role.NATIONAL_ADMINISTRATOR])
    client = signed_in(national)
    form = {
        "name": "Isange One Stop Centre Huye",
        "short_name": "IOSC-HUYE",
        "kind": "one_stop_centre",
        "district": "",
        "contact_name": "Diane Uwase",
        "contact_email": "huye@example.org",
        "contact_phone": "+250 788 000 000",
    }
    bad = client.post("/en/staff/organizations/new/", {**form, "contact_email": "nope"})
    assert 'value="Isange One Stop Centre Huye"' in bad.content.decode()
    created = client.post("/en/staff/organizations/new/", form)
    organization = Organization.objects.get(short_name="IOSC-HUYE")
    assert created["Location"] == f"/en/staff/organizations/{organization.pk}/"
    assert audited(AuditAction.ORGANIZATION_CREATED, national, organization)
    from tabara.geo.models import AdminUnit

    huye = AdminUnit.objects.get(level="district", name="Huye")
    client.post(
        f"/en/staff/organizations/{organization.pk}/",
        {**form, "kind": "shelter", "district": huye.code},
    )
    organization.refresh_from_db()
    assert organization.kind == "shelter" and organization.district == huye
    updated = AuditEvent.objects.get(action=AuditAction.ORGANIZATION_UPDATED)
    assert updated.extra["changes"]["kind"] == ["one_stop_centre", "shelter"]
    member = make_staff(roles=[Role.INTAKE_OFFICER], organization=organization)
    member_session = signed_in(member)
    client.post(f"/en/staff/organizations/{organization.pk}/deactivate/")
    organization.refresh_from_db()
    assert not organization.is_active
    assert member_session.get("/en/staff/reports/").status_code == 302
    assert audited(AuditAction.ORGANIZATION_DEACTIVATED, national, organization)
    assert (
        client.post(f"/en/staff/organizations/{national.organization_id}/deactivate/").status_code
        == 404
    )


@pytest.mark.django_db
def test_an_org_admin_edits_their_own_organization_but_cannot_deactivate_it(two_orgs) -> None:
    admin, _colleague, _stranger = two_orgs
    client = signed_in(admin)
    organization = admin.organization
    url = f"/en/staff/organizations/{organization.pk}/"
    client.post(
        url,
        {
            "name": organization.name,
            "short_name": organization.short_name,
            "kind": "police",
            "district": "",
            "contact_phone": "+250 788 111 222",
        },
    )
    organization.refresh_from_db()
    assert organization.kind == "police" and organization.contact_phone == "+250788111222"
    assert client.post(url + "deactivate/").status_code == 404
    organization.refresh_from_db()
    assert organization.is_active


@pytest.mark.django_db
def test_reactivation_lets_the_person_back_only_through_a_new_enrolment(
    two_orgs, fake_smtp
) -> None:
    admin, colleague, _stranger = two_orgs
    colleague.email = "colleague@example.org"
    colleague.save()
    old_session = signed_in(colleague)
    manager = signed_in(admin)
    manager.post(f"/en/staff/people/{colleague.pk}/deactivate/")
    page = manager.get(f"/en/staff/people/{colleague.pk}/").content.decode()
    assert f"/en/staff/people/{colleague.pk}/reactivate/" in page
    response = manager.post(f"/en/staff/people/{colleague.pk}/reactivate/")
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.roles == ["intake_officer"]
    # Not the old keys: no password, no authenticator, no recovery codes, no old session.
    assert not colleague.has_usable_password()
    invitation = enrolment_link_sent(colleague, old_session, fake_smtp)
    event = AuditEvent.objects.get(action=AuditAction.STAFF_REACTIVATED)
    assert event.actor == admin and event.target_id == str(colleague.pk)
    assert event.extra == {"invitation": invitation.pk, "roles": ["intake_officer"]}


@pytest.mark.django_db
def test_reactivation_follows_the_rules_of_deactivation(two_orgs, make_staff) -> None:
    admin, colleague, stranger = two_orgs
    national = make_staff(roles=[Role.NATIONAL_ADMINISTRATOR], organization=admin.organization)
    for person in (stranger, national):
        person.is_active = False
        person.save()
    client = signed_in(admin)
    # Another organization's staff: not found; a higher role: refused; neither comes back.
    assert client.post(f"/en/staff/people/{stranger.pk}/reactivate/").status_code == 404
    client.post(f"/en/staff/people/{national.pk}/reactivate/")
    for person in (stranger, national):
        person.refresh_from_db()
        assert not person.is_active
    # An active account is left alone: its second factor is not removed.
    refused = client.post(f"/en/staff/people/{colleague.pk}/reactivate/", follow=True)
    assert "This account is active already." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=colleague).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.STAFF_REACTIVATED).exists()
