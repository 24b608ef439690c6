"""The cases app depends on no app built on it, and its errors are not HTTP answers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.http import Http404

from tabara.attachments.services import AttachmentNotFound
from tabara.cases.access import CaseNotFound
from tabara.core.domain_errors import NotFound
from tabara.intake.selectors import ReportNotFound
from tabara.prevalence.selectors import EstimationNotFound
from tabara.referrals.selectors import ReferralNotFound
from tabara.screening.selectors import InterviewNotFound

CASES = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_cases_never_import_referrals() -> None:
    sources = [p for p in CASES.rglob("*.py") if "tests" not in p.parts]
    assert len(sources) > 8
    offenders = {
        str(path.relative_to(CASES)): sorted(m for m in imported_modules(path) if "referrals" in m)
        for path in sources
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize(
    "error",
    [
        CaseNotFound,
        ReferralNotFound,
        ReportNotFound,
        InterviewNotFound,
        EstimationNotFound,
        AttachmentNotFound,
    ],
)
def test_domain_errors_are_not_http_errors(error: type[Exception]) -> None:
    assert issubclass(error, NotFound)
    assert not issubclass(error, Http404)
