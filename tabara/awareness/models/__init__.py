"""The awareness programme's tables, one module per concern."""

from tabara.awareness.models.activities import (
    Activity,
    AttendanceCount,
    Participant,
)
from tabara.awareness.models.articles import Article, Comment
from tabara.awareness.models.knowledge import (
    Attempt,
    AttemptCode,
    KnowledgeTest,
    Question,
)
from tabara.awareness.models.newsletter import (
    IssueDelivery,
    NewsletterIssue,
    Subscriber,
)

__all__ = [
    "Activity",
    "Article",
    "Attempt",
    "AttemptCode",
    "AttendanceCount",
    "Comment",
    "IssueDelivery",
    "KnowledgeTest",
    "NewsletterIssue",
    "Participant",
    "Question",
    "Subscriber",
]
