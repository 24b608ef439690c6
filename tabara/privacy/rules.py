"""Retention rules as data: what is kept how long, what then happens, and on what basis.

Each rule names the records it covers, the period after which they go, whether they are
deleted or anonymised (identifying text blanked, the statistical fields kept), and the
provision of Law N° 058/2021 it serves. Periods can be changed per deployment with
TABARA_RETENTION_DAYS = {"rule-id": days}; docs/data-protection.md lists the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Action(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"


@dataclass(frozen=True)
class RetentionRule:
    """One line of the retention schedule."""

    id: str
    records: Promise
    days: int
    action: Action
    counted_from: Promise
    basis: Promise


STORAGE_LIMITATION = _(
    "Law N° 058/2021, Article 37, 5°: kept in a form which permits identification no longer "
    "than necessary for the purposes of the processing."
)

RULES: tuple[RetentionRule, ...] = (
    RetentionRule(
        id="newsletter-unconfirmed",
        records=_("Newsletter sign-ups never confirmed"),
        days=7,
        action=Action.DELETE,
        counted_from=_("sign-up"),
        basis=_(
            "Consent was never given (Law N° 058/2021, Article 6): the address was kept only "
            "to send the confirmation link."
        ),
    ),
    RetentionRule(
        id="ussd-sessions",
        records=_("Finished or abandoned USSD sessions"),
        days=1,
        action=Action.DELETE,
        counted_from=_("last keypress"),
        basis=STORAGE_LIMITATION,
    ),
    RetentionRule(
        id="followup-sessions",
        records=_("Reporters' follow-up sessions"),
        days=1,
        action=Action.DELETE,
        counted_from=_("last use"),
        basis=STORAGE_LIMITATION,
    ),
    RetentionRule(
        id="delivered-notifications",
        records=_("Content and addresses of delivered or failed alerts"),
        days=90,
        action=Action.ANONYMISE,
        counted_from=_("sending"),
        basis=STORAGE_LIMITATION,
    ),
    RetentionRule(
        id="reports-without-case",
        records=_("Reports never turned into a case"),
        days=2 * 365,
        action=Action.ANONYMISE,
        counted_from=_("receipt of the report"),
        basis=STORAGE_LIMITATION,
    ),
    RetentionRule(
        id="closed-cases",
        records=_("People, summaries, notes and files of closed cases"),
        days=10 * 365,
        action=Action.ANONYMISE,
        counted_from=_("closing of the case"),
        basis=STORAGE_LIMITATION,
    ),
)
