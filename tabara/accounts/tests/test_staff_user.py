"""staff_user: who is asking, for views behind staff_required; fails closed elsewhere."""

from __future__ import annotations

import functools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from django_otp.middleware import is_verified

from tabara.accounts.access import staff_user
from tabara.accounts.roles import Role


def as_otp_middleware_leaves(user, device):
    """What django-otp's middleware sets on a signed-in user: the verified device, or None."""
    user.otp_device = device
    user.is_verified = functools.partial(is_verified, user)
    return user


def request_by(user):
    request = RequestFactory().get("/en/staff/")
    request.user = user
    return request


@pytest.mark.django_db
def test_a_signed_in_staff_member_with_both_factors_is_returned(make_staff) -> None:
    user = make_staff(roles=[Role.CASE_WORKER])
    as_otp_middleware_leaves(user, user.totpdevice_set.get())
    assert staff_user(request_by(user)) == user


@pytest.mark.django_db
def test_without_the_second_factor_or_signed_out_it_is_a_404(make_staff) -> None:
    password_only = as_otp_middleware_leaves(make_staff(roles=[Role.CASE_WORKER]), None)
    for user in (password_only, AnonymousUser()):
        with pytest.raises(Http404):
            staff_user(request_by(user))
