"""Reads of estimations: analysts see their own organization's, nobody else does."""

from __future__ import annotations

from django.db.models import QuerySet

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.domain_errors import NotFound
from tabara.prevalence.models import Estimation


class EstimationNotFound(NotFound):
    """The estimation does not exist or is another organization's: the same answer."""


def estimation_list_accessible(user: User) -> QuerySet[Estimation]:
    """Estimations of the user's organization if the user may run them; none otherwise."""
    if not user.can(Perm.PREVALENCE_RUN) or user.organization_id is None:
        return Estimation.objects.none()
    return Estimation.objects.filter(organization_id=user.organization_id).select_related(
        "created_by"
    )


def access_estimation_by_id(user: User, estimation_id: int) -> Estimation:
    """One estimation the user may see, or EstimationNotFound."""
    estimation = estimation_list_accessible(user).filter(pk=estimation_id).first()
    if estimation is None:
        raise EstimationNotFound
    return estimation
