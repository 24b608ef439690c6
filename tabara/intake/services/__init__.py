"""Writes of the intake app; every channel calls these."""

from tabara.intake.services.followup import (
    FollowupExpired,
    ReceiptNotFound,
    followup_resume,
    followup_start,
    reporter_message_post,
)
from tabara.intake.services.report_submit import (
    ReportAlreadySubmitted,
    ReportInput,
    SubmittedReport,
    report_submit,
)
from tabara.intake.services.staff import report_mark_reviewed, report_reply, report_view

__all__ = [
    "FollowupExpired",
    "ReceiptNotFound",
    "ReportAlreadySubmitted",
    "ReportInput",
    "SubmittedReport",
    "followup_resume",
    "followup_start",
    "report_mark_reviewed",
    "report_reply",
    "report_submit",
    "report_view",
    "reporter_message_post",
]
