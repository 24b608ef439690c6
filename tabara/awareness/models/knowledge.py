"""Knowledge tests taken before and after a training, on paper or on a phone."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from tabara.awareness.choices import Phase


class Question(models.Model):
    """A multiple-choice question; texts are {language: text} with English as the fallback.

    `options` is a list of [key, {language: label}]; `distinguishes` marks questions that ask
    to tell trafficking apart from smuggling, sex work or child labour.
    """

    prompt = models.JSONField()
    options = models.JSONField()
    answer = models.CharField(max_length=40)
    distinguishes = models.BooleanField(default=False)
    source = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text("en")[:60]

    def text(self, lang: str) -> str:
        return _pick(self.prompt, lang)

    def choices(self, lang: str) -> list[tuple[str, str]]:
        return [(key, _pick(labels, lang)) for key, labels in self.options]


def _pick(texts: dict[str, Any], lang: str) -> str:
    for code in (lang, "en", "rw", "fr"):
        if texts.get(code):
            return str(texts[code])
    return ""


class KnowledgeTest(models.Model):
    """The questionnaire of one activity, used both as pre-test and as post-test."""

    activity = models.OneToOneField(
        "awareness.Activity", on_delete=models.CASCADE, related_name="knowledge_test"
    )
    questions = models.ManyToManyField(Question, related_name="tests")

    def __str__(self) -> str:
        return f"test of activity {self.activity_id}"


class Attempt(models.Model):
    """One participant's answers to one phase of a test, scored when recorded."""

    class Channel(models.TextChoices):
        PAPER = "paper", _("Paper, keyed in by staff")
        PHONE = "phone", _("Phone, through a one-time code")

    test = models.ForeignKey(KnowledgeTest, on_delete=models.CASCADE, related_name="attempts")
    participant = models.ForeignKey(
        "awareness.Participant", on_delete=models.CASCADE, related_name="attempts"
    )
    phase = models.CharField(max_length=4, choices=Phase.choices)
    answers = models.JSONField(default=dict)
    score = models.FloatField()
    distinguishes = models.BooleanField(null=True)
    channel = models.CharField(max_length=5, choices=Channel.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["test_id", "participant_id", "phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["test", "participant", "phase"], name="attempt_once_per_phase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.phase} {self.score:.0f}%"


class AttemptCode(models.Model):
    """A one-time code that lets one participant take one phase on a phone, without login."""

    test = models.ForeignKey(KnowledgeTest, on_delete=models.CASCADE, related_name="invites")
    participant = models.ForeignKey(
        "awareness.Participant", on_delete=models.CASCADE, related_name="invites"
    )
    phase = models.CharField(max_length=4, choices=Phase.choices)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["participant_id", "phase"]

    def __str__(self) -> str:
        return f"invite {self.phase} for participant {self.participant_id}"
