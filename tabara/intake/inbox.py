"""How the inbox writes each row: labels once per value, a report's age, its destination."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils.translation import get_language, ngettext

from tabara.geo.countries import country_choices
from tabara.intake.choices import Channel, ReportStatus
from tabara.intake.models import Report
from tabara.screening.explain import teaching_texts

INBOX_ROWS = 200


def report_age(created_at: datetime, now: datetime) -> str:
    """How long a report has waited, in the largest whole unit: minutes, hours, then days."""
    minutes = max(0, int((now - created_at).total_seconds() // 60))
    if minutes < 60:
        return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
    days = hours // 24
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def inbox_rows_label(reports: list[Report], *, now: datetime) -> None:
    """Attach translated labels, computed once per value: get_FOO_display() per row is slow."""
    language = get_language() or "rw"
    channels = {value: str(label) for value, label in Channel.choices}
    statuses = {value: str(label) for value, label in ReportStatus.choices}
    countries = dict(country_choices(language))
    outcomes = {t.outcome: t.label for t in teaching_texts(language)}
    for report in reports:
        report.channel_label = channels.get(report.channel, report.channel)  # type: ignore[attr-defined]
        report.status_label = statuses.get(report.status, report.status)  # type: ignore[attr-defined]
        report.destination_label = countries.get(  # type: ignore[attr-defined]
            report.destination_country, report.destination_country
        )
        outcome = report.screening_outcome  # type: ignore[attr-defined]
        report.outcome_label = outcomes.get(outcome, outcome) if outcome else ""  # type: ignore[attr-defined]
        report.age = report_age(report.created_at, now)  # type: ignore[attr-defined]


def report_page_labels(report: Report, screenings: list[Any]) -> dict[str, str]:
    """Names, in the reader's language, of the codes the report page shows.

    The report's countries (where it happened, where people were taken) and each
    screening's outcome get a `.outcome_label`; unknown codes are shown as they are.
    """
    language = get_language() or "rw"
    countries = dict(country_choices(language))
    outcomes = {t.outcome: t.label for t in teaching_texts(language)}
    for screening in screenings:
        screening.outcome_label = outcomes.get(screening.outcome, screening.outcome)
    return {
        "country": countries.get(report.country, report.country),
        "destination_country": countries.get(
            report.destination_country, report.destination_country
        ),
    }
