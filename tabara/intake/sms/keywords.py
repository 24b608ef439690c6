"""What an inbound SMS asks for: a keyword in one of three languages, or a report.

Django-free. A keyword counts only as the whole message (STATUS takes a receipt after
it), so a report that happens to begin with "Yes" or "Stop" is still a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tabara.intake.sms.texts import KEYWORDS, MARKERS
from tabara.intake.ussd.texts import DEFAULT_LANG

_WORDS = re.compile(r"[a-z]+")
_NOT_KEYWORD = re.compile(r"[^A-Z]")


@dataclass(frozen=True)
class Command:
    """One parsed message: `kind` is help, status, stop, yes or report."""

    kind: str
    lang: str
    receipt: str = ""


def sms_parse(text: str) -> Command:
    words = text.strip().split(maxsplit=1)
    if words:
        head = _NOT_KEYWORD.sub("", words[0].upper())
        rest = words[1] if len(words) > 1 else ""
        for kind, by_lang in KEYWORDS.items():
            for lang, names in by_lang.items():
                if head in names and (not rest or kind == "status"):
                    return Command(kind, lang, rest if kind == "status" else "")
    return Command("report", sms_language(text))


def sms_language(text: str) -> str:
    """The language most of the common words belong to; Kinyarwanda when unsure."""
    words = _WORDS.findall(text.lower())
    scores = {lang: sum(word in markers for word in words) for lang, markers in MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else DEFAULT_LANG
