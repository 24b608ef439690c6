"""Screen primitives of the USSD menus: plain text, the length limit and paged lists.

Django-free. A screen is the text after `CON `/`END `; the whole reply must fit 182
characters, the limit Africa's Talking and the operators show on a feature phone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

LIMIT: Final = 182
PAGE_ITEMS: Final = 7  # 1-7 are items; 8 don't know, 9 more, 0 back are fixed keys
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})
_NOT_PLAIN = re.compile(r"[^\x20-\x7e\n]")

Choice = tuple[str, str]  # (code, name)


def plain(text: str) -> str:
    """ASCII letters only: accents dropped, typographic marks simplified, the rest removed.

    Operators render anything beyond the GSM basic set unreliably, so screens stay ASCII.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_PLAIN.sub("", stripped)


def reply(body: str, *, end: bool) -> str:
    """The full gateway reply, `CON `/`END ` first, made plain and cut to the limit."""
    text = ("END " if end else "CON ") + plain(body)
    return text if len(text) <= LIMIT else text[: LIMIT - 3].rstrip() + "..."


def shorten(text: str, room: int) -> str:
    """`text` on one line in at most `room` characters, with "..." when cut."""
    flat = " ".join(plain(text).split())
    if len(flat) <= room:
        return flat
    return flat[: max(0, room - 3)].rstrip() + "..."


def with_notice(notice: str, body: str) -> str:
    """`body` with a one-line notice on top when both fit on the screen."""
    joined = f"{notice}\n{body}"
    return joined if len(joined) + 4 <= LIMIT else body


def pages(title: str, items: Sequence[Choice], footer_room: int) -> list[tuple[int, int]]:
    """Split items into pages of at most PAGE_ITEMS that fit beside the title and footer."""
    room = LIMIT - 4 - len(plain(title)) - footer_room
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(items):
        used, end = 0, start
        while end < len(items) and end - start < PAGE_ITEMS:
            line = len(plain(items[end][1])) + 3  # "N " and the newline
            if end > start and used + line > room:
                break
            used, end = used + line, end + 1
        bounds.append((start, end))
        start = end
    return bounds or [(0, 0)]


def page_body(title: str, items: Sequence[Choice], footer: Sequence[str]) -> str:
    lines = [title, *(f"{n} {name}" for n, (_code, name) in enumerate(items, start=1)), *footer]
    return "\n".join(lines)
