"""What the public home page highlights: the latest news and the next activities."""

from __future__ import annotations

from typing import Any

from tabara.awareness.selectors.activities import activities_public
from tabara.awareness.selectors.articles import articles_published


def home_highlights(lang: str) -> dict[str, Any]:
    """Three latest articles (title in `lang` or its fallback) and three coming activities."""
    articles = [(a.slug, a.title_in(lang), a.published_at) for a in articles_published()[:3]]
    return {"latest": articles, "upcoming": list(activities_public(upcoming=True)[:3])}
