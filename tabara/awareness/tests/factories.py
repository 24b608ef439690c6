"""Factories for awareness tests (synthetic names and addresses only)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook

from tabara.accounts.models import User
from tabara.awareness.choices import ActivityKind, ArticleKind
from tabara.awareness.importing import COLUMNS
from tabara.awareness.models import Activity, Article
from tabara.awareness.services.activities import ActivityInput, activity_save
from tabara.awareness.services.articles import ArticleInput, article_save


def make_activity(user: User, **overrides: Any) -> Activity:
    fields: dict[str, Any] = {
        "title": "Training of youth leaders (synthetic)",
        "kind": ActivityKind.TRAINING,
        "held_on": date(2026, 10, 14),
        "district_code": "45",
        "audiences": ["youth"],
        "partners": "NAR, DGIE",
        "facilitators": "Aline Uwase",
    }
    fields.update(overrides)
    return activity_save(user=user, data=ActivityInput(**fields))


def make_article(user: User, *, slug: str = "cross-border-dialogue", **overrides: Any) -> Article:
    data: dict[str, Any] = {
        "slug": slug,
        "kind": ArticleKind.NEWS,
        "titles": {"en": "Cross-border dialogue in Rubavu", "rw": "Ibiganiro i Rubavu"},
        "bodies": {
            "en": "Youth and **border officials** met in Rubavu.\n\n<script>alert(1)</script>",
            "rw": "Urubyiruko n'abashinzwe umupaka bahuriye i Rubavu.",
        },
        "published": True,
    }
    data.update(overrides)
    return article_save(user=user, data=ArticleInput(**data))


def csv_bytes(rows: list[list[str]], header: tuple[str, ...] = COLUMNS) -> bytes:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(rows: Sequence[Sequence[object]], header: tuple[str, ...] = COLUMNS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
