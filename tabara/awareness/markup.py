"""Markdown written by staff, turned into HTML that is safe to show to anyone.

Markdown is converted first and the result is sanitized with nh3 (an allow-list of tags
and attributes), so raw HTML typed into an article can never carry a script or a style.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


@lru_cache(maxsize=256)
def render_markdown(text: str) -> str:
    """Sanitized HTML for `text`; links get rel="nofollow noopener noreferrer"."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="nofollow noopener noreferrer",
    )


def plain_text(text: str, limit: int = 200) -> str:
    """A short plain-text excerpt of Markdown (for lists and email previews)."""
    cleaned = nh3.clean(render_markdown(text), tags=set()).strip()
    words = " ".join(cleaned.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"
