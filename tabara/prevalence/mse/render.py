"""A plain-text report of an estimation, written for programme staff."""

from __future__ import annotations

from tabara.prevalence.mse.report import EstimationReport
from tabara.prevalence.mse.results import Interval, MethodResult

_METHOD_NAMES = {
    "independence": "independence (no interactions)",
    "stepwise": "p-value stepwise (Chan, Silverman & Vincent 2021)",
    "aic-stepwise": "AIC stepwise (UK Home Office 2014)",
    "bic": "lowest BIC over all two-list models",
}


def _number(value: float) -> str:
    return f"{value:,.0f}"


def _interval(interval: Interval | None) -> str:
    if interval is None:
        return "not bounded"
    return f"{_number(interval[0])} to {_number(interval[1])}"


def render_text(report: EstimationReport, source: str = "") -> str:
    """The report as lines of text, estimates rounded to whole people."""
    percent = f"{report.level:.0%}"
    method = _METHOD_NAMES[report.method]
    if report.method == "stepwise":
        method += f", threshold {report.threshold:g}"
    lines = [f"Multiple systems estimation: {method}"]
    if source:
        lines.append(f"Data: {source}")
    lines += [
        f"Lists ({len(report.lists)}): {', '.join(report.lists)}",
        f"People recorded on at least one list: {report.observed:,}",
        "",
        f"Estimated total number of people: {_number(report.estimate)}",
        f"  of whom recorded on no list (the dark figure): {_number(report.dark_figure)}",
        "",
        f"{percent} intervals for the total:",
    ]
    if report.bootstrap is not None:
        boot = report.bootstrap
        lines.append(
            f"  bootstrap BCa, model choice included ({boot.replicates} resamples): "
            f"{_interval(boot.bca)}"
        )
        lines.append(f"  bootstrap percentile: {_interval(boot.percentile)}")
    lines.append(f"  profile likelihood, this model only: {_interval(report.result.profile)}")
    lines.append(f"  Wald, this model only: {_interval(report.result.wald)}")
    terms = ", ".join(report.result.terms) or "none"
    empty = ", ".join(report.result.empty_overlaps) or "none"
    lines += [
        "",
        f"Pairs of lists that share people more or less than chance (interactions): {terms}",
        f"Pairs of lists in the model with nobody in common: {empty}",
    ]
    if report.sensitivity:
        lines += ["", "The same data under every method:", _table(report.sensitivity)]
    if report.warnings:
        lines += ["", "Cautions:"]
        lines += [f"  - {note}" for note in report.warnings]
    return "\n".join(lines)


def _table(rows: tuple[MethodResult, ...]) -> str:
    header = f"  {'method':<14}{'estimate':>10}  {'Wald interval':<22}{'profile interval':<22}terms"
    body = [
        f"  {row.method:<14}{_number(row.estimate):>10}  {_interval(row.wald):<22}"
        f"{_interval(row.profile):<22}{', '.join(row.terms) or '-'}"
        for row in rows
    ]
    return "\n".join([header, *body])
