"""Vocabularies of a case, aligned with HTCDS 2.0 and CTDC field values (see docs/cases.md)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    """HTCDS cas_Status: Active, FollowUp, Closed, ClosedReferred."""

    ACTIVE = "active", _("Active")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")
    CLOSED_REFERRED = "closed_referred", _("Closed: referred")


class ViewScope(models.TextChoices):
    """What an organization that does not own a case may see of it (set by its referral)."""

    FULL = "full", _("The whole case")
    VICTIM_NEEDS = "victim_needs", _("The presumed victims and their needs only")


class CaseSource(models.TextChoices):
    """Where a case came from."""

    REPORT = "report", _("A report from the public")
    SCREENING = "screening", _("A screening")
    DIRECT = "direct", _("Opened directly by an officer")


class ScreeningOutcome(models.TextChoices):
    """HTCDS vic_TraffickingStatus, plus 'not screened yet'."""

    NOT_SCREENED = "not_screened", _("Not screened yet")
    POSSIBLE_VICTIM = "possible_victim", _("Possible victim of trafficking")
    PRESUMED_VICTIM = "presumed_victim", _("Presumed victim of trafficking")
    NOT_A_VICTIM = "not_a_victim", _("Not a victim of trafficking")


# How a screening outcome (tabara/screening) reads in HTCDS terms: trafficking found means a
# presumed victim; not enough information, a possible one; any other outcome, not a victim
# of trafficking (smuggling, sex work or child labour may still need a referral).
SCREENING_TO_STATUS = {
    "trafficking": ScreeningOutcome.PRESUMED_VICTIM,
    "insufficient_information": ScreeningOutcome.POSSIBLE_VICTIM,
}


def status_from_screening(outcome: str) -> ScreeningOutcome:
    return SCREENING_TO_STATUS.get(outcome, ScreeningOutcome.NOT_A_VICTIM)


class ExploitationType(models.TextChoices):
    """HTCDS vic_TypeOfExploitation / CTDC isSexualExploit, isForcedLabour…"""

    SEXUAL_EXPLOITATION = "sexual_exploitation", _("Sexual exploitation")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    DOMESTIC_SERVITUDE = "domestic_servitude", _("Domestic servitude")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    ORGAN_REMOVAL = "organ_removal", _("Organ removal")
    FORCED_CRIMINALITY = "forced_criminality", _("Forced criminality or begging")
    ILLEGAL_ADOPTION = "illegal_adoption", _("Illegal adoption")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not known yet")


class RecruitmentChannel(models.TextChoices):
    """HTCDS vic_MethodOfRecruitment, grouped as the intake forms ask it."""

    SOCIAL_MEDIA = "social_media", _("Social media or an online platform")
    AGENCY = "agency", _("A recruitment or trans-border agency")
    RELATIVE = "relative", _("A relative")
    ACQUAINTANCE = "acquaintance", _("An acquaintance")
    STRANGER = "stranger", _("A stranger")
    UNKNOWN = "unknown", _("Not known")


class PersonRole(models.TextChoices):
    """The part a person plays in a case (HTCDS Person with a victim or perpetrator context)."""

    PRESUMED_VICTIM = "presumed_victim", _("Presumed victim")
    SUSPECTED_TRAFFICKER = "suspected_trafficker", _("Suspected trafficker")
    RECRUITER = "recruiter", _("Recruiter")
    WITNESS = "witness", _("Witness")
    REPORTER = "reporter", _("Reporter")


class Gender(models.TextChoices):
    """HTCDS prs_Gender, reduced to what officers record."""

    FEMININE = "feminine", _("Female")
    MASCULINE = "masculine", _("Male")
    UNKNOWN = "unknown", _("Not specified")


class EventKind(models.TextChoices):
    """Entries of a case's timeline."""

    OPENED = "opened", _("Case opened")
    PERSON_ADDED = "person_added", _("Person added")
    STATUS_CHANGED = "status_changed", _("Status changed")
    CONSENT = "consent", _("Consent recorded")
    CONSENT_OVERRIDDEN = "consent_overridden", _("Shared without consent (supervisor)")
    REFERRAL_SENT = "referral_sent", _("Referral sent")
    REFERRAL_ACKNOWLEDGED = "referral_acknowledged", _("Referral acknowledged")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_CLOSED = "referral_closed", _("Referral closed")
    REFERRAL_ESCALATED = "referral_escalated", _("Referral overdue: supervisors alerted")
    TRANSFERRED = "transferred", _("Ownership transferred")
    NOTE = "note", _("Note")
    ASSIGNED = "assigned", _("Assigned")
    NOTE_CORRECTED = "note_corrected", _("Note corrected")
    SERVICE_PLANNED = "service_planned", _("Service planned")
    SERVICE_UPDATED = "service_updated", _("Service progress recorded")
    ASSESSED = "assessed", _("Assessment recorded")
    CLOSED = "closed", _("Case closed")
    FOLLOW_UP_DONE = "follow_up_done", _("Follow-up visit recorded")


class ServiceType(models.TextChoices):
    """Services of a victim's plan (HTCDS spl_Type, spelled out as agencies in Rwanda offer them).

    HTCDS 2.0 support-plan types map as: shelter, family tracing and reintegration → SocialCare;
    medical and psychosocial → Health; legal aid → Legal; education or vocational training →
    Education; livelihood → Livelihood; repatriation → SocialCare (with a change of location).
    """

    SHELTER = "shelter", _("Shelter")
    MEDICAL = "medical", _("Medical care")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    LEGAL_AID = "legal_aid", _("Legal aid")
    FAMILY_TRACING = "family_tracing", _("Family tracing")
    REPATRIATION = "repatriation", _("Repatriation")
    REINTEGRATION = "reintegration", _("Reintegration")
    EDUCATION = "education", _("Education or vocational training")
    LIVELIHOOD = "livelihood", _("Livelihood")


class ServiceStatus(models.TextChoices):
    """Where a service of the plan is."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    NOT_PROVIDED = "not_provided", _("Not provided")


OPEN_SERVICE_STATUSES = (ServiceStatus.PLANNED, ServiceStatus.IN_PROGRESS)


class AssessmentKind(models.TextChoices):
    """The two structured assessments of a case (HTCDS 2.0 'Assessment and Planning')."""

    SAFETY = "safety", _("Safety and risk assessment")
    NEEDS = "needs", _("Needs assessment")


class ClosureReason(models.TextChoices):
    """Why a case is closed (HTCDS cas_ReasonForCaseClosure, with cas_Status it implies)."""

    REINTEGRATED = "reintegrated", _("Services completed: the person is reintegrated")
    REFERRED = "referred", _("Referred on: another organization now leads the case")
    MOVED = "moved", _("The person moved away or left the country")
    DECLINED_SERVICES = "declined_services", _("The person no longer wants services")
    LOST_CONTACT = "lost_contact", _("Contact lost")
    NOT_TRAFFICKING = "not_trafficking", _("Not a case of trafficking")
    DECEASED = "deceased", _("The person died")
    OTHER = "other", _("Other")


class FollowUpOutcome(models.TextChoices):
    """What a reintegration follow-up visit found."""

    STABLE = "stable", _("Doing well")
    NEEDS_SUPPORT = "needs_support", _("Needs more support")
    NOT_REACHED = "not_reached", _("Could not be reached")
    AT_RISK = "at_risk", _("At risk of being trafficked again")


class Level(models.TextChoices):
    """The overall result of an assessment (tabara/cases/assessment_rules.py)."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
