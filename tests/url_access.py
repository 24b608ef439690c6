"""Who may use each URL: the table that tests/test_url_authorization.py holds the views to.

Written from the permission matrix (tabara/accounts/roles.py) and the need-to-know rules
(ARCHITECTURE.md), never read back from a view. Every URL name of config/urls.py has one row.

A staff row says, for GET and for POST, which permission is needed and in which scope:
the relation between the user's organization and the object in the URL.

    OWN      the organization owns the object (the case, interview or estimation is theirs;
             for a referral, the organization that sent it);
    SHARED   the object's case was referred to the organization with the full view, accepted;
    LIMITED  the case was referred to the organization with the victim-and-needs view only,
             accepted (a shelter, say);
    OTHER    none of these: an organization that was never involved.

URLs without an object, and national objects (reports, awareness material), use ANY_ORG.
`None` for a method means that method is refused (405) to everyone.

Adding a staff URL: add a row here with the access the issue or the law requires, e.g.
    "cases:close": Staff(get=None, post=Rule(Perm.CASE_OPEN, OWN_ONLY)),
and if its path has a new `<int:...>` parameter, a builder for that object in OBJECTS of
tests/test_url_authorization.py (an object owned by the OWN organization).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from tabara.accounts.roles import Perm


class Relation(StrEnum):
    OWN = "own"
    SHARED = "shared"
    LIMITED = "limited"
    OTHER = "other"


ANY_ORG = frozenset(Relation)
OWN_ONLY = frozenset({Relation.OWN})
CASE_READERS = frozenset({Relation.OWN, Relation.SHARED, Relation.LIMITED})


@dataclass(frozen=True)
class Rule:
    """Allowed to holders of `perm` (None: any signed-in staff) whose relation is in `scope`."""

    perm: Perm | None
    scope: frozenset[Relation] = ANY_ORG
    # Holders of this permission are allowed whatever their relation (a national reach).
    anywhere: Perm | None = None


@dataclass(frozen=True)
class Staff:
    get: Rule | None
    post: Rule | None
    params: dict[str, str] = field(default_factory=dict)  # values of non-object parameters
    post_data: dict[str, str] = field(default_factory=dict)  # a POST needs this to be heard


@dataclass(frozen=True)
class Open:
    """Not a staff URL: why anyone may reach it (its own tests cover it)."""

    reason: str


def both(
    perm: Perm | None,
    scope: frozenset[Relation] = ANY_ORG,
    anywhere: Perm | None = None,
    **params: str,
) -> Staff:
    """The same rule for reading (GET) and for the form posted back to the page (POST)."""
    rule = Rule(perm, scope, anywhere)
    return Staff(get=rule, post=rule, params=params)


def read_only(perm: Perm | None, scope: frozenset[Relation] = ANY_ORG, **params: str) -> Staff:
    return Staff(get=Rule(perm, scope), post=None, params=params)


PUBLIC = Open("public page for anyone; shows no one's personal data")
API = Open("JSON API: authorized per operation (tabara/screening/tests/test_api.py)")
GATEWAY = Open("gateway callback: authorized by the secret in its path (intake gateway tests)")

P = Perm
MANAGES_OWN_STAFF = Rule(P.ACCOUNTS_MANAGE, OWN_ONLY, anywhere=P.ACCOUNTS_MANAGE_ALL)
EXPECTED: dict[str, Staff | Open] = {
    "root": Open("redirects to a language prefix"),
    "healthz": Open("liveness probe, no data"),
    "gateway:ussd": GATEWAY,
    "gateway:ussd_end": GATEWAY,
    "gateway:sms_inbound": GATEWAY,
    "gateway:sms_delivery": GATEWAY,
    "gateway:sms_opt_out": GATEWAY,
    "api:openapi-json": API,
    "api:screen": API,
    "api:api-root": API,
    "home": PUBLIC,
    "accounts:home": Open("staff landing: signs in, then redirects to a permitted section"),
    "accounts:login": Open("the sign-in page itself"),
    "accounts:logout": Open("signing out needs no permission"),
    "accounts:preferences": both(None),  # my own language: any signed-in staff
    # Administration: an organization's administrator reaches their own organization and its
    # staff; a national administrator (accounts.manage_all) every organization but may not
    # deactivate their own. The staff member in the world is an intake officer of OWN.
    "accounts:invitation": Open("the single-use token in its path is the credential (accounts)"),
    "accounts:organizations": read_only(P.ACCOUNTS_MANAGE),
    "accounts:organization_new": both(P.ACCOUNTS_MANAGE_ALL),
    "accounts:organization": both(P.ACCOUNTS_MANAGE, OWN_ONLY, anywhere=P.ACCOUNTS_MANAGE_ALL),
    "accounts:organization_deactivate": Staff(
        get=None, post=Rule(P.ACCOUNTS_MANAGE_ALL, ANY_ORG - OWN_ONLY)
    ),
    "accounts:staff_list": read_only(P.ACCOUNTS_MANAGE),
    "accounts:staff_invite": both(P.ACCOUNTS_MANAGE),
    "accounts:staff": both(P.ACCOUNTS_MANAGE, OWN_ONLY, anywhere=P.ACCOUNTS_MANAGE_ALL),
    "accounts:staff_deactivate": Staff(get=None, post=MANAGES_OWN_STAFF),
    "accounts:staff_reactivate": Staff(get=None, post=MANAGES_OWN_STAFF),
    "accounts:staff_reset": Staff(get=None, post=MANAGES_OWN_STAFF),
    # The audit log: what the rows hold is scoped by tabara/audit/selectors.py (audit tests).
    "audit:log": read_only(P.AUDIT_VIEW),
    "audit:export": read_only(P.AUDIT_VIEW),
    "audit:verify": read_only(P.AUDIT_VIEW),
    # Reporting and intake: reports are national, any organization's intake staff read them.
    "intake:report": PUBLIC,
    "intake:followup": PUBLIC,
    "intake:followup_thread": PUBLIC,
    "intake:inbox": both(P.REPORT_VIEW),
    "intake:report_detail": both(P.REPORT_VIEW),
    "intake:hotline": both(P.REPORT_VIEW),
    # Screening: an interview is its organization's alone.
    "screening:check": PUBLIC,
    "screening:list": both(P.SCREENING_RUN),
    "screening:interview": both(P.SCREENING_RUN, OWN_ONLY),
    "screening:result": read_only(P.SCREENING_RUN, OWN_ONLY),
    # Cases: read by the owner and by accepting partners; changed and referred by the owner.
    "cases:list": read_only(P.CASE_VIEW),
    "cases:new": both(P.CASE_OPEN),
    "cases:detail": Staff(get=Rule(P.CASE_VIEW, CASE_READERS), post=Rule(P.CASE_OPEN, OWN_ONLY)),
    "cases:mine": read_only(P.CASE_VIEW),
    "cases:assign": both(P.CASE_SUPERVISE, OWN_ONLY),  # a supervisor of the owner assigns
    # Notes: the owner and partners with the full view; never a limited partner.
    "cases:note_new": both(P.CASE_VIEW, frozenset({Relation.OWN, Relation.SHARED})),
    "cases:service_new": both(P.CASE_OPEN, OWN_ONLY),  # planning is the owner's
    # The service in the world is provided by the LIMITED organization: it and the owner
    # record progress; a full partner that does not provide it may not.
    "cases:service": both(P.CASE_VIEW, frozenset({Relation.OWN, Relation.LIMITED})),
    "cases:assess_safety": both(P.CASE_OPEN, OWN_ONLY),
    "cases:assess_needs": both(P.CASE_OPEN, OWN_ONLY),
    "cases:close": both(P.CASE_OPEN, OWN_ONLY),
    "cases:follow_up": both(P.CASE_OPEN, OWN_ONLY),
    "referrals:new": both(P.CASE_REFER, OWN_ONLY),
    "referrals:queue": read_only(P.CASE_VIEW),
    "referrals:overdue": read_only(P.CASE_SUPERVISE),
    "referrals:routing": both(P.ROUTING_MANAGE),
    # The referral in the world was sent by OWN to the SHARED organization: both read it;
    # only SHARED answers it (a POST by OWN changes nothing and shows the page again).
    "referrals:detail": both(P.CASE_VIEW, frozenset({Relation.OWN, Relation.SHARED})),
    "notifications:list": both(None),  # POST marks one as read
    # Search lists only the cases the user may read (tabara/search/tests).
    "search:search": read_only(P.CASE_VIEW),
    # Files: attached by the case's owner; opened with the case's full view only (a partner
    # limited to the victims' needs sees none of the case's files).
    "attachments:case_attach": both(P.CASE_OPEN, OWN_ONLY),
    "attachments:open": read_only(P.CASE_VIEW, frozenset({Relation.OWN, Relation.SHARED})),
    # Prevalence: an estimation is its organization's alone.
    "prevalence:list": both(P.PREVALENCE_RUN),
    "prevalence:detail": read_only(P.PREVALENCE_RUN, OWN_ONLY),
    "prevalence:export": read_only(P.PREVALENCE_RUN, OWN_ONLY),
    # A link run's estimates are its organization's analysts' (who also hold linkage.run).
    "prevalence:linked": both(P.PREVALENCE_RUN, OWN_ONLY),
    # Linkage: analysts only; lists and runs are their organization's alone (ARCHITECTURE.md).
    "linkage:runs": both(P.LINKAGE_RUN),
    "linkage:lists": both(P.LINKAGE_RUN),
    "linkage:list": both(P.LINKAGE_RUN, OWN_ONLY),
    "linkage:run": both(P.LINKAGE_RUN, OWN_ONLY),
    "linkage:review": both(P.LINKAGE_RUN, OWN_ONLY),
    # The clusters of a run as CSV/XLSX: names only for readers with case.view.
    "linkage:clusters_export": read_only(P.LINKAGE_RUN, OWN_ONLY),
    # Recruiter networks: national, for analysts; references and holders, never a case's
    # content, and links only where the viewer may open the record (tabara/networks/tests).
    "networks:network": read_only(P.NETWORK_VIEW),
    "networks:export": read_only(P.NETWORK_VIEW),
    # Awareness: national programme material, public pages and staff pages.
    "awareness:signs": PUBLIC,
    "awareness:practices": PUBLIC,
    "awareness:activities": PUBLIC,
    "awareness:articles": PUBLIC,
    "awareness:article": PUBLIC,
    "awareness:comment_post": PUBLIC,
    "awareness:comments_find": PUBLIC,
    "awareness:comments_manage": PUBLIC,
    "awareness:subscribe": PUBLIC,
    "awareness:confirm": PUBLIC,
    "awareness:unsubscribe": PUBLIC,
    "awareness:quiz_start": PUBLIC,
    "awareness:quiz": PUBLIC,
    # Case statistics: counts only; whose cases are counted is the view's scope (national
    # with stats.national, else the user's organization; tabara/dashboards/tests).
    "dashboards:statistics": read_only(P.STATS_VIEW),
    "dashboards:export": read_only(P.STATS_VIEW, fmt="csv"),
    "awareness:staff_dashboard": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_report": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_export": read_only(P.AWARENESS_MANAGE, fmt="csv"),
    "awareness:staff_activities": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_activity_new": both(P.AWARENESS_MANAGE),
    "awareness:staff_activity": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_activity_edit": both(P.AWARENESS_MANAGE),
    "awareness:staff_import": Staff(get=None, post=Rule(P.AWARENESS_MANAGE)),
    "awareness:staff_counts": Staff(get=None, post=Rule(P.AWARENESS_MANAGE)),
    "awareness:staff_invites": Staff(get=None, post=Rule(P.AWARENESS_MANAGE)),
    "awareness:staff_questions": both(P.AWARENESS_MANAGE),
    "awareness:staff_paper": both(P.AWARENESS_MANAGE),
    "awareness:staff_template": read_only(P.AWARENESS_MANAGE, fmt="csv"),
    # Open data: the public statistics page shows released, noisy, protected counts only.
    "opendata:statistics": PUBLIC,
    # The ledger of the public releases: ε spent, by whom, and the budget left.
    "opendata:releases": read_only(P.OPEN_DATA_PUBLISH),
    "awareness:staff_articles": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_article_new": both(P.AWARENESS_MANAGE),
    "awareness:staff_article": both(P.AWARENESS_MANAGE),
    "awareness:staff_moderation": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_moderate": Staff(
        get=None, post=Rule(P.AWARENESS_MANAGE), post_data={"status": "approved"}
    ),
    "awareness:staff_subscribers": read_only(P.SUBSCRIBERS_VIEW),
    "awareness:staff_issues": read_only(P.AWARENESS_MANAGE),
    "awareness:staff_issue_new": both(P.AWARENESS_MANAGE),
    "awareness:staff_issue": both(P.AWARENESS_MANAGE),
    # Data protection: an organization's breach register is its administrators' alone; a
    # person's data is exported or erased only by the organization that owns their case
    # (the controller of that record, Law N° 058/2021 Articles 18 and 23), not by partners.
    "privacy:breaches": both(P.BREACHES_MANAGE),
    "privacy:breach": both(P.BREACHES_MANAGE, OWN_ONLY),
    "privacy:person_data": read_only(P.CASE_SUPERVISE, OWN_ONLY),
    "privacy:person_json": read_only(P.CASE_SUPERVISE, OWN_ONLY),
    "privacy:person_erase": both(P.CASE_SUPERVISE, OWN_ONLY),
    # The recruitment-agency register (issue 16): kept by programme staff; looked up by
    # anyone. The register is national, public business information: any organization.
    "recruitment:lookup": PUBLIC,
    "recruitment:offer_check": PUBLIC,
    "recruitment:agencies": read_only(P.AGENCIES_MANAGE),
    "recruitment:agency_new": both(P.AGENCIES_MANAGE),
    "recruitment:agency": both(P.AGENCIES_MANAGE),
    "recruitment:agency_import": both(P.AGENCIES_MANAGE),
    # Agencies named in reports: the recruiter-network analysts' view (national counts; links
    # to a report only for those who may open it).
    "recruitment:analysis": read_only(P.NETWORK_VIEW),
}
