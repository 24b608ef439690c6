"""Screen primitives of the USSD menus: plain text, the length limit and paged lists.

Django-free. A screen is the text after `CON `/`END `. Africa's Talking allows 182
characters, but handsets differ in what they show: every screen here keeps to 160 GSM
septets (basic set only, see gsm.py), so one character is one septet and nothing is cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from tabara.intake.ussd.gsm import gsm_fold

LIMIT: Final = 160  # septets of a screen's body, after `CON `/`END `
PAGE_ITEMS: Final = 7  # 1-7 are items; 8 don't know, 9 more, 0 back are fixed keys

Choice = tuple[str, str]  # (code, name)
_KEY = re.compile(r"^\d{1,2} ")  # a line offering a key: "1 Yes", "0 Back"
_SHORTEST_TEXT = 12  # a question cut shorter than this says nothing


def plain(text: str) -> str:
    """Text in the GSM basic set, one septet per character (see `gsm.gsm_fold`)."""
    return gsm_fold(text)


def reply(body: str, *, end: bool) -> str:
    """The full gateway reply, `CON `/`END ` first, made plain and its body cut to the limit."""
    screen = plain(body)
    if len(screen) > LIMIT:
        screen = screen[: LIMIT - 3].rstrip() + "..."
    return ("END " if end else "CON ") + screen


def shorten(text: str, room: int) -> str:
    """`text` on one line in at most `room` characters, with "..." when cut."""
    flat = " ".join(plain(text).split())
    if len(flat) <= room:
        return flat
    return flat[: max(0, room - 3)].rstrip() + "..."


def with_notice(notice: str, body: str, short: str = "") -> str:
    """`body` with a one-line notice on top, the notice always shown.

    When both do not fit, the screen's text lines (its question) are left out, then the
    `short` notice is tried, and last the longest labels are cut, so that every key line
    ("1 ...", "0 Back") stays: the person still sees what they may type.
    """
    lines = body.split("\n")
    keys = [line for line in lines if _KEY.match(line)]
    for said in (notice, short) if short else (notice,):
        for shown in (lines, keys):
            joined = "\n".join([said, *shown])
            if shown and len(plain(joined)) <= LIMIT:
                return joined
    return _with_keys_cut(short or notice, keys) if keys else f"{short or notice}\n{body}"


def _with_keys_cut(notice: str, keys: list[str]) -> str:
    """The notice and every key, the longest labels cut ("...") until the screen fits."""
    keys = list(keys)
    while (over := len(plain("\n".join([notice, *keys]))) - LIMIT) > 0:
        longest = max(range(len(keys)), key=lambda n: len(plain(keys[n])))
        size = len(plain(keys[longest]))
        if size <= _SHORTEST_TEXT:
            break
        keys[longest] = shorten(keys[longest], max(_SHORTEST_TEXT, size - over))
    return "\n".join([notice, *keys])


def pages(title: str, items: Sequence[Choice], footer_room: int) -> list[tuple[int, int]]:
    """Split items into pages of at most PAGE_ITEMS that fit beside the title and footer."""
    room = LIMIT - len(plain(title)) - footer_room
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
