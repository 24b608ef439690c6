"""Vocabularies of the awareness programme, shared by models, forms, imports and reports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("Training")
    CROSS_BORDER_DIALOGUE = "cross_border_dialogue", _("Cross-border dialogue")
    ROUNDTABLE = "roundtable", _("Roundtable")
    OUTDOOR_CAMPAIGN = "outdoor_campaign", _("Outdoor campaign")
    CONFERENCE = "conference", _("Conference")
    MEDIA_PROGRAMME = "media_programme", _("Media or radio programme")
    SCHOOL_VISIT = "school_visit", _("School visit")


class Audience(models.TextChoices):
    YOUTH = "youth", _("Youth")
    PARENTS = "parents", _("Parents")
    TEACHERS = "teachers", _("Teachers")
    LOCAL_LEADERS = "local_leaders", _("Local leaders")
    BORDER_OFFICIALS = "border_officials", _("Border officials")
    TRANSPORTERS = "transporters", _("Transporters")
    POLICE = "police", _("Police")
    STUDENTS = "students", _("Students")
    GENERAL_PUBLIC = "general_public", _("General public")
    OTHER = "other", _("Other")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNKNOWN = "unknown", _("Not recorded")


class AgeBand(models.TextChoices):
    UNDER_15 = "0-14", _("Under 15")
    FROM_15 = "15-17", _("15 to 17")
    FROM_18 = "18-24", _("18 to 24")
    FROM_25 = "25-35", _("25 to 35")
    FROM_36 = "36-59", _("36 to 59")
    FROM_60 = "60+", _("60 and over")
    UNKNOWN = "unknown", _("Not recorded")


class Phase(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class ArticleKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    NEWS = "news", _("News")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
