"""Questions worded for the public self-check, kept beside the rule set as pinned data.

The rule set words each question for a trained officer ("Is the person under 18 years old?").
The public self-check asks the same questions of the person the situation is about, or of
someone answering for them, in plain words ("Are you under 18 years old?"):
`rulesets/<rule set>.public.json` holds one such wording in rw, en and fr for every question of
the rule set. It changes no rule, id or meaning, so it is data beside the rule set rather than a
new rule-set version; results are the same whichever wording was shown.

Like the rule set and its prior, a published wording never changes: its sha256 is pinned in
`PUBLISHED_WORDINGS`, and loading refuses other bytes, or a file that misses a question or a
language, names a question the rule set does not have, or has a text longer than `SHORT_MAX`
(the rule set's limit for short texts: a phone screen).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from tabara.screening.model import LANGUAGES, Ruleset
from tabara.screening.ruleset import RULESET_DIR, sha256_hex

SHORT_MAX = 150  # characters; the rule set's short_text_max

# wording file name -> sha256 of its canonical JSON.
PUBLISHED_WORDINGS: Mapping[str, str] = {
    "rw-2026.1.public.json": "a04cf352c52902c018c14b47825628d58af6c91eade825c0a873f886ec8cf255",
}


_CACHE: dict[str, Mapping[str, Mapping[str, str]]] = {}


class WordingError(ValueError):
    """A public wording file is missing, altered, or does not fit its rule set."""


def check_wording(data: Mapping[str, object], ruleset: Ruleset) -> dict[str, dict[str, str]]:
    """The questions of a wording document, or WordingError saying what does not fit."""
    if data.get("ruleset") != ruleset.version:
        raise WordingError(f"wording is for rule set {data.get('ruleset')}, not {ruleset.version}")
    questions = data.get("questions")
    if not isinstance(questions, dict):
        raise WordingError("wording has no questions")
    missing = set(ruleset.indicators) - set(questions)
    extra = set(questions) - set(ruleset.indicators)
    if missing or extra:
        raise WordingError(f"questions missing {sorted(missing)}, unknown {sorted(extra)}")
    for iid, texts in questions.items():
        for lang in LANGUAGES:
            text = texts.get(lang, "")
            if not text.strip():
                raise WordingError(f"{iid} has no {lang} text")
            if len(text) > SHORT_MAX:
                raise WordingError(f"{iid} {lang} is longer than {SHORT_MAX} characters")
    return questions


def public_wording(ruleset: Ruleset) -> Mapping[str, Mapping[str, str]]:
    """indicator id -> {language: public question} for `ruleset`; refuses altered bytes."""
    found = _CACHE.get(ruleset.sha256)
    if found is None:
        found = _CACHE[ruleset.sha256] = read_wording(ruleset, RULESET_DIR)
    return found


def read_wording(ruleset: Ruleset, folder: Path) -> dict[str, dict[str, str]]:
    """Read and check `folder/<version>.public.json` against its pinned sha256."""
    name = f"{ruleset.version}.public.json"
    if name not in PUBLISHED_WORDINGS:
        raise WordingError(f"no published public wording for rule set {ruleset.version}")
    raw = (folder / name).read_bytes()
    digest = sha256_hex(raw)
    if digest != PUBLISHED_WORDINGS[name]:
        raise WordingError(f"{name} has sha256 {digest}, expected {PUBLISHED_WORDINGS[name]}")
    return check_wording(json.loads(raw), ruleset)
