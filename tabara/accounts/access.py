"""The one policy that staff views use to check permissions; it fails closed."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.domain_errors import NotFound

_R = TypeVar("_R", bound=HttpResponseBase)


def verified_staff(request: HttpRequest) -> User | None:
    """The signed-in user if they passed the second factor, else None."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        return None
    if not user.is_verified():  # type: ignore[attr-defined]
        return None
    return user


def staff_user(request: HttpRequest) -> User:
    """The verified staff member of a view wrapped in staff_required.

    staff_required lets no other request through; should one reach here anyway (a view
    without the decorator), it fails closed with the same 404.
    """
    user = verified_staff(request)
    if user is None:
        raise Http404
    return user


def staff_required(
    perm: Perm,
) -> Callable[[Callable[..., _R]], Callable[..., _R | HttpResponseRedirect]]:
    """Anonymous users go to sign-in; signed-in users without `perm` get a plain 404.

    A 404 rather than a 403 keeps "not yours" and "does not exist" indistinguishable; a
    domain NotFound raised by the view's services becomes the same 404.
    """

    def decorator(view: Callable[..., _R]) -> Callable[..., _R | HttpResponseRedirect]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> _R | HttpResponseRedirect:
            user = verified_staff(request)
            if user is None:
                return redirect_to_login(request.get_full_path())
            if not user.can(perm):
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except NotFound as exc:
                raise Http404 from exc

        wrapped.tabara_perm = perm  # type: ignore[attr-defined]
        return wrapped

    return decorator
