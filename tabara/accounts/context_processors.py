"""The staff navigation: only the sections the signed-in user may open."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tabara.accounts.access import verified_staff
from tabara.accounts.roles import Perm

SECTIONS = [
    ("intake:inbox", _("Reports"), Perm.REPORT_VIEW),
    ("intake:hotline", _("Hotline desk"), Perm.REPORT_VIEW),
    ("screening:list", _("Screening"), Perm.SCREENING_RUN),
    ("referrals:queue", _("My queue"), Perm.CASE_VIEW),
    ("cases:mine", _("My cases"), Perm.CASE_VIEW),
    ("cases:list", _("Cases"), Perm.CASE_VIEW),
    ("search:search", _("Find a person"), Perm.CASE_VIEW),
    ("prevalence:list", _("Prevalence"), Perm.PREVALENCE_RUN),
    ("linkage:runs", _("Linkage"), Perm.LINKAGE_RUN),
    ("networks:network", _("Recruiter networks"), Perm.NETWORK_VIEW),
    ("awareness:staff_dashboard", _("Awareness"), Perm.AWARENESS_MANAGE),
    ("recruitment:agencies", _("Recruitment agencies"), Perm.AGENCIES_MANAGE),
    ("recruitment:analysis", _("Agencies in reports"), Perm.NETWORK_VIEW),
    ("referrals:overdue", _("Overdue referrals"), Perm.CASE_SUPERVISE),
    ("dashboards:statistics", _("Case statistics"), Perm.STATS_VIEW),
    ("opendata:releases", _("Public statistics releases"), Perm.OPEN_DATA_PUBLISH),
    ("referrals:routing", _("Routing rules"), Perm.ROUTING_MANAGE),
    ("accounts:staff_list", _("Staff"), Perm.ACCOUNTS_MANAGE),
    ("accounts:organizations", _("Organizations"), Perm.ACCOUNTS_MANAGE),
    ("audit:log", _("Audit log"), Perm.AUDIT_VIEW),
    ("privacy:breaches", _("Data protection"), Perm.BREACHES_MANAGE),
]


def staff_nav(request: HttpRequest) -> dict[str, list[dict[str, str]]]:
    user = verified_staff(request)
    if user is None:
        return {"staff_nav": []}
    links = []
    for name, label, perm in SECTIONS:
        if not user.can(perm):
            continue
        try:
            links.append({"url": reverse(name), "label": str(label)})
        except NoReverseMatch:  # a section whose pages are not installed
            continue
    return {"staff_nav": links}
