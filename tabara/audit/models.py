"""The append-only audit log: every change of state and every read of sensitive records."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """What happened: the vocabulary of the audit log."""

    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOGOUT = "logout", _("Signed out")
    LOGIN_THROTTLED = "login_throttled", _("Sign-in refused: too many failures")
    STAFF_INVITED = "staff_invited", _("Staff invited")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    STAFF_ROLES_CHANGED = "staff_roles_changed", _("Staff roles changed")
    STAFF_DEACTIVATED = "staff_deactivated", _("Staff account deactivated")
    STAFF_REACTIVATED = "staff_reactivated", _("Staff account reactivated")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Second factor reset")
    ORGANIZATION_CREATED = "organization_created", _("Organization created")
    ORGANIZATION_UPDATED = "organization_updated", _("Organization updated")
    ORGANIZATION_DEACTIVATED = "organization_deactivated", _("Organization deactivated")
    AUDIT_EXPORTED = "audit_exported", _("Audit log exported")
    AUDIT_CHAIN_KEYED = "audit_chain_keyed", _("Audit chain re-chained under the audit key")
    REPORT_SUBMITTED = "report_submitted", _("Report submitted")
    REPORT_VIEWED = "report_viewed", _("Report viewed")
    REPORT_REVIEWED = "report_reviewed", _("Report marked reviewed")
    REPORT_REPLIED = "report_replied", _("Reply sent to reporter")
    REPORTER_MESSAGE = "reporter_message", _("Reporter sent a message")
    REPORTER_CONTACT_CHANGED = "reporter_contact_changed", _("Reporter changed contact choice")
    KEYS_ROTATED = "keys_rotated", _("Encryption keys rotated")
    SCREENING_STARTED = "screening_started", _("Screening started")
    SCREENING_COMPLETED = "screening_completed", _("Screening completed")
    SCREENING_PRIOR_REFITTED = "screening_prior_refitted", _("Screening prior refitted")
    ESTIMATION_REQUESTED = "estimation_requested", _("Prevalence estimation requested")
    ACTIVITY_SAVED = "activity_saved", _("Awareness activity saved")
    ATTENDANCE_IMPORTED = "attendance_imported", _("Attendance imported")
    TEST_RECORDED = "test_recorded", _("Knowledge test recorded")
    ARTICLE_SAVED = "article_saved", _("Article saved")
    COMMENT_POSTED = "comment_posted", _("Comment posted")
    COMMENT_MODERATED = "comment_moderated", _("Comment moderated")
    COMMENT_DELETED = "comment_deleted", _("Comment deleted by its author")
    SUBSCRIBER_CHANGED = "subscriber_changed", _("Newsletter subscription changed")
    SUBSCRIBERS_VIEWED = "subscribers_viewed", _("Newsletter subscribers viewed")
    NEWSLETTER_SENT = "newsletter_sent", _("Newsletter issue sent")
    REPORT_REFERRED = "report_referred", _("Report passed on as a case")
    CASE_OPENED = "case_opened", _("Case opened")
    CASE_VIEWED = "case_viewed", _("Case viewed")
    CASE_PERSON_ADDED = "case_person_added", _("Person added to a case")
    CASE_STATUS_CHANGED = "case_status_changed", _("Case status changed")
    CASE_CONSENT_RECORDED = "case_consent_recorded", _("Consent to share recorded")
    CASE_CONSENT_OVERRIDDEN = "case_consent_overridden", _("Sharing without consent")
    CASE_TRANSFERRED = "case_transferred", _("Case ownership transferred")
    CASE_ASSIGNED = "case_assigned", _("Case assigned")
    CASE_NOTE_WRITTEN = "case_note_written", _("Case note written")
    CASE_SERVICE_PLANNED = "case_service_planned", _("Service added to a case's plan")
    CASE_SERVICE_UPDATED = "case_service_updated", _("Service progress recorded")
    CASE_ASSESSED = "case_assessed", _("Case assessment recorded")
    CASE_CLOSED = "case_closed", _("Case closed")
    CASE_FOLLOW_UP_DONE = "case_follow_up_done", _("Reintegration follow-up recorded")
    CASE_FOLLOW_UP_REMINDED = "case_follow_up_reminded", _("Follow-up reminder sent")
    REFERRAL_VIEWED = "referral_viewed", _("Referral viewed")
    REFERRAL_SENT = "referral_sent", _("Referral sent")
    REFERRAL_ACKNOWLEDGED = "referral_acknowledged", _("Referral acknowledged")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_CLOSED = "referral_closed", _("Referral closed")
    REFERRAL_ESCALATED = "referral_escalated", _("Overdue referral escalated")
    ROUTING_PUBLISHED = "routing_published", _("Routing rules published")
    BACKUP_WRITTEN = "backup_written", _("Backup written")
    BACKUP_RESTORED = "backup_restored", _("Backup restored")
    RETENTION_APPLIED = "retention_applied", _("Retention rules applied")
    PERSON_DATA_EXPORTED = "person_data_exported", _("Personal data exported (subject access)")
    PERSON_ERASED = "person_erased", _("Person's data erased")
    BREACH_RECORDED = "breach_recorded", _("Data breach recorded")
    BREACH_UPDATED = "breach_updated", _("Data breach record updated")
    SEARCHED = "searched", _("People searched")
    SEARCH_REINDEXED = "search_reindexed", _("Search index rebuilt")
    ATTACHMENT_ADDED = "attachment_added", _("File attached")
    ATTACHMENT_OPENED = "attachment_opened", _("Attached file opened")
    AGENCY_SAVED = "agency_saved", _("Recruitment agency saved in the register")
    AGENCIES_IMPORTED = "agencies_imported", _("Recruitment agencies imported")
    AGENCIES_ANALYSED = "agencies_analysed", _("Agencies in reports viewed")
    LINKAGE_LIST_IMPORTED = "linkage_list_imported", _("Agency list imported for linkage")
    LINKAGE_RUN_STARTED = "linkage_run_started", _("Link run started")
    LINKAGE_THRESHOLD_SET = "linkage_threshold_set", _("Link run threshold chosen")
    LINKAGE_PAIR_REVIEWED = "linkage_pair_reviewed", _("Linked pair reviewed")
    LINKAGE_PERSON_VIEWED = "linkage_person_viewed", _("Case person viewed in linkage results")
    LINKAGE_CLUSTERS_EXPORTED = "linkage_clusters_exported", _("Link run clusters exported")
    NETWORK_ALERTED = "network_alerted", _("Case owner alerted to a shared identifier")
    NETWORK_VIEWED = "network_viewed", _("Recruiter network viewed")
    NETWORK_EXPORTED = "network_exported", _("Recruiter network exported")
    HTCDS_EXPORTED = "htcds_exported", _("Cases exported in HTCDS fields")
    CTDC_EXPORTED = "ctdc_exported", _("De-identified CTDC file exported")
    STATISTICS_RELEASED = "statistics_released", _("Public statistics released")
    OPEN_DATA_REFUSED = "open_data_refused", _("Open-data export or release refused")
    PRIVACY_BUDGET_RAISED = "privacy_budget_raised", _("Privacy budget raised")
    STATISTICS_DOWNLOADED = "statistics_downloaded", _("Case statistics downloaded")


class AuditEvent(models.Model):
    """One audited event; `hash` is a keyed MAC of all its fields and the previous hash.

    Rows are append-only: the model refuses save() of an existing row and delete(), and
    database triggers (migration 0005, tabara/audit/triggers.py) refuse UPDATE and DELETE.
    """

    # Position in the chain: 1, 2, 3... with no gaps; assigned under the head's lock.
    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=150)
    # The actor's organization when the event happened (a user may move later).
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # AuditAction is the vocabulary; it is not a DB `choices` list, so that adding an action
    # in one app does not need a migration of the audit app.
    action = models.CharField(max_length=40)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    # Id of the TABARA_AUDIT_KEYS key that made `hash` (chain.key_id).
    key_id = models.CharField(max_length=16)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Refuse: audit events are never deleted."""
        raise PermissionError("Audit events are append-only.")


class AuditChainHead(models.Model):
    """The single row that serialises appends: sequence number and hash of the newest event."""

    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.seq} {self.last_hash[:12]}"
