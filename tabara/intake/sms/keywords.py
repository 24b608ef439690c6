"""What an inbound SMS asks for: a keyword in one of three languages, or a report.

Django-free. Words are compared after folding (accents removed, upper case), so "ARRÊT",
"arret" and "Arrêt !" are one keyword. A keyword counts when it opens the message and
what follows is only courtesy ("STOP please", "Arrêt svp", "HAGARIKA murakoze"); STATUS
takes a receipt after it ("ÉTAT 1234 5678…"), AGENCY an agency's name, phone or licence
number ("IKIGO Horizon Jobs"). Anything else is a report, so a report that
happens to begin with "Yes" or "Stop" is still a report. An empty message is not a report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tabara.intake.sms.texts import COURTESY, KEYWORDS, MARKERS
from tabara.intake.ussd.texts import DEFAULT_LANG

_WORDS = re.compile(r"[a-z]+")
_TOKENS = re.compile(r"[A-Z0-9]+")
_DIGITS = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Command:
    """One parsed message: `kind` is help, status, stop, yes, agency, empty or report."""

    kind: str
    lang: str
    receipt: str = ""
    query: str = ""  # after AGENCY: the name, phone or licence number to look up


def fold(text: str) -> str:
    """Upper case without accents: the form keywords are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def sms_parse(text: str) -> Command:
    tokens = _TOKENS.findall(fold(text))
    if not tokens:
        return Command("empty", DEFAULT_LANG)
    for size in (2, 1):  # two-word keywords first ("OPT OUT", "STOP ALL")
        head = " ".join(tokens[:size])
        for kind, by_lang in KEYWORDS.items():
            for lang, names in by_lang.items():
                if head not in names:
                    continue
                rest = tokens[size:]
                if kind == "status":
                    return Command(kind, lang, "".join(_DIGITS.findall(" ".join(rest))))
                if kind == "agency":
                    words = text.split(None, size)
                    return Command(kind, lang, query=words[size] if len(words) > size else "")
                if all(word in COURTESY for word in rest):
                    return Command(kind, lang)
    return Command("report", sms_language(text))


def sms_language(text: str) -> str:
    """The language most of the common words belong to; Kinyarwanda when unsure."""
    words = _WORDS.findall(text.lower())
    scores = {lang: sum(word in markers for word in words) for lang, markers in MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else DEFAULT_LANG
