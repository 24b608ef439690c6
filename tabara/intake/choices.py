"""Vocabularies of a report, shared by the web form, USSD, SMS and the hotline desk."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    USSD = "ussd", _("USSD")
    SMS = "sms", _("SMS")
    HOTLINE = "hotline", _("Hotline")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Received: waiting to be read")
    IN_REVIEW = "in_review", _("Read by staff: being looked into")
    REFERRED = "referred", _("Passed to the agency that can act")
    CLOSED = "closed", _("Closed")


class LocationKind(models.TextChoices):
    RWANDA = "rwanda", _("In Rwanda")
    BORDER = "border", _("At a border post")
    ABROAD = "abroad", _("In another country")
    UNKNOWN = "unknown", _("I don't know")


class AgeGroup(models.TextChoices):
    CHILD = "child", _("Children (under 18)")
    ADULT = "adult", _("Adults")
    BOTH = "both", _("Children and adults")
    UNKNOWN = "unknown", _("I don't know")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    BOTH = "both", _("Both")
    UNKNOWN = "unknown", _("I don't know")


class RecruitmentChannel(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Social media")
    AGENCY = "agency", _('A recruitment or "trans-border" agency')
    RELATIVE = "relative", _("A relative")
    ACQUAINTANCE = "acquaintance", _("A friend or neighbour")
    STRANGER = "stranger", _("A stranger")
    UNKNOWN = "unknown", _("I don't know")


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    WHATSAPP = "whatsapp", "WhatsApp"
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    TELEGRAM = "telegram", "Telegram"
    X = "x", "X (Twitter)"
    OTHER = "other", _("Another platform")
