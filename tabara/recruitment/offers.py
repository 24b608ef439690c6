"""The job-offer checker: red-flag rules kept as data, evaluated by a pure function.

Django-free. The rules live beside the screening rule set
(tabara/screening/rulesets/offer-<version>.json), each flag with its sources; a published
version is immutable and its sha256 is pinned in `PUBLISHED`, so loading refuses a changed
file. `evaluate_offer()` lists every flag the answers raise and the advice level: the
highest rank among them, raised to "report it" when several serious flags come together
(docs/job-offers.md). Adding a red-flag answer can only keep or raise the level.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parents[1] / "screening" / "rulesets"
DEFAULT_VERSION = "offer-2026.1"
PUBLISHED: Mapping[str, str] = {
    "offer-2026.1": "75ae0e36a23c9ff056f700c527dcef1751f712ffdcaefa1a0ecdbc664840ad9a",
}
AGENCY_STATUS = "agency_status"
AGENCY_STATUSES = (
    "licensed", "not_for_destination", "expired", "suspended", "revoked", "not_found",
)  # fmt: skip
_COUNTRY = re.compile(r"[A-Z]{2}")
Texts = Mapping[str, str]


class OfferRulesError(ValueError):
    """A rule file that is unknown, changed since it was published, or malformed."""


class InvalidOfferAnswers(ValueError):
    """Answers naming an unknown question or an answer the question does not offer."""


@dataclass(frozen=True)
class Option:
    id: str
    label: Texts
    short: Texts


@dataclass(frozen=True)
class Question:
    id: str
    text: Texts
    short: Texts
    options: tuple[Option, ...]
    kind: str = "choice"

    def allows(self, value: str) -> bool:
        if self.kind == "country" and (_COUNTRY.fullmatch(value) or value == "unknown"):
            return True
        return any(option.id == value for option in self.options)


@dataclass(frozen=True)
class Flag:
    """A red flag: raised when `question` is answered with one of `answers`."""

    id: str
    question: str
    answers: frozenset[str]
    rank: int
    title: Texts
    explain: Texts
    ussd: Texts
    sources: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Level:
    id: str
    rank: int
    label: Texts
    advice: Texts
    ussd: Texts


@dataclass(frozen=True)
class OfferRules:
    version: str
    sha256: str
    questions: tuple[Question, ...]
    flags: tuple[Flag, ...]
    levels: tuple[Level, ...]
    escalate_min_flags: int
    escalate_min_rank: int
    escalate_to_rank: int
    sources: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def level(self, rank: int) -> Level:
        return next(level for level in self.levels if level.rank == rank)


@dataclass(frozen=True)
class OfferResult:
    """The flags raised, in rule order, and the advice level."""

    version: str
    sha256: str
    flags: tuple[Flag, ...]
    level: Level
    escalated: bool

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain JSON: ids, ranks and sources; with `lang`, the texts in that language."""
        flags: list[dict[str, Any]] = []
        for flag in self.flags:
            item: dict[str, Any] = {
                "id": flag.id,
                "rank": flag.rank,
                "sources": [{"source": s, "cite": c} for s, c in flag.sources],
            }
            if lang:
                item.update(title=flag.title[lang], explanation=flag.explain[lang])
            flags.append(item)
        level: dict[str, Any] = {"id": self.level.id, "rank": self.level.rank}
        if lang:
            level.update(label=self.level.label[lang], advice=self.level.advice[lang])
        return {
            "rules": {"version": self.version, "sha256": self.sha256},
            "flags": flags,
            "level": level,
            "escalated": self.escalated,
        }


def _texts(data: Any, where: str) -> Texts:
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), str) for k in ["rw", "en", "fr"]
    ):
        raise OfferRulesError(f"{where}: needs rw, en and fr texts")
    return {k: data[k] for k in ("rw", "en", "fr")}


def build_offer_rules(data: Mapping[str, Any], *, sha256: str) -> OfferRules:
    """Check a parsed rule file and build the rules; refuse anything malformed."""
    try:
        questions = tuple(
            Question(
                id=q["id"],
                text=_texts(q["text"], q["id"]),
                short=_texts(q["short"], q["id"]),
                kind=q.get("kind", "choice"),
                options=tuple(
                    Option(
                        o["id"],
                        _texts(o["label"], o["id"]),
                        _texts(o.get("short", o["label"]), o["id"]),
                    )
                    for o in q["options"]
                ),
            )
            for q in data["questions"]
        )
        asked = {q.id: q for q in questions}
        flags = []
        for f in data["flags"]:
            question, answers = f["when"]["question"], frozenset(f["when"]["answers"])
            known = AGENCY_STATUSES if question == AGENCY_STATUS else None
            if known is None and (
                question not in asked or not all(asked[question].allows(a) for a in answers)
            ):
                raise OfferRulesError(f"flag {f['id']}: unknown question or answer")
            if known is not None and not answers <= set(known):
                raise OfferRulesError(f"flag {f['id']}: unknown agency status")
            sources = tuple((s["source"], s["cite"]) for s in f["sources"])
            if not sources or any(s not in data["sources"] for s, _c in sources):
                raise OfferRulesError(f"flag {f['id']}: every flag needs a listed source")
            flags.append(
                Flag(f["id"], question, answers, int(f["rank"]), _texts(f["title"], f["id"]),
                     _texts(f["explain"], f["id"]), _texts(f["ussd"], f["id"]), sources)
            )  # fmt: skip
        levels = tuple(
            Level(v["id"], int(v["rank"]), _texts(v["label"], v["id"]),
                  _texts(v["advice"], v["id"]), _texts(v["ussd"], v["id"]))
            for v in data["levels"]
        )  # fmt: skip
        escalation = data["escalation"]
        rules = OfferRules(
            version=data["version"],
            sha256=sha256,
            questions=questions,
            flags=tuple(flags),
            levels=levels,
            escalate_min_flags=int(escalation["min_flags"]),
            escalate_min_rank=int(escalation["min_rank"]),
            escalate_to_rank=int(escalation["to_rank"]),
            sources=data["sources"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, OfferRulesError):
            raise
        raise OfferRulesError(f"malformed offer rules: {exc!r}") from exc
    ranks = sorted(level.rank for level in rules.levels)
    if ranks != list(range(len(ranks))) or any(f.rank not in ranks for f in rules.flags):
        raise OfferRulesError("levels must be ranked 0, 1, 2... and every flag use one")
    return rules


@functools.cache
def load_offer_rules(version: str = DEFAULT_VERSION) -> OfferRules:
    """A published rule version, refused unless its file's sha256 is the pinned one."""
    if version not in PUBLISHED:
        raise OfferRulesError(f"unknown offer rules {version!r}; published: {', '.join(PUBLISHED)}")
    raw = (RULES_DIR / f"{version}.json").read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != PUBLISHED[version]:
        raise OfferRulesError(
            f"{version}.json has sha256 {digest}, expected {PUBLISHED[version]}: a published "
            "rule file must not change (publish a new version instead)"
        )
    return build_offer_rules(json.loads(raw), sha256=digest)


def clean_offer_answers(
    raw: Mapping[str, Any], rules: OfferRules, *, strict: bool = False
) -> dict[str, str]:
    """The answers the rules know; with `strict`, anything else raises InvalidOfferAnswers."""
    clean: dict[str, str] = {}
    questions = {q.id: q for q in rules.questions}
    for key, value in raw.items():
        text = value if isinstance(value, str) else ""
        known = text in AGENCY_STATUSES if key == AGENCY_STATUS else None
        if known is None and key in questions:
            known = questions[key].allows(text)
        if known:
            clean[key] = text
        elif strict:
            raise InvalidOfferAnswers(f"{key!r}: {value!r} is not an answer this check offers")
    return clean


def evaluate_offer(answers: Mapping[str, str], rules: OfferRules) -> OfferResult:
    """Every flag the answers raise and the advice level (a pure function of its inputs)."""
    raised = tuple(flag for flag in rules.flags if answers.get(flag.question) in flag.answers)
    rank = max((flag.rank for flag in raised), default=0)
    serious = sum(1 for flag in raised if flag.rank >= rules.escalate_min_rank)
    escalated = serious >= rules.escalate_min_flags and rank < rules.escalate_to_rank
    if escalated:
        rank = rules.escalate_to_rank
    return OfferResult(rules.version, rules.sha256, raised, rules.level(rank), escalated)


_MARKER = re.compile(r"\[(offer-[0-9.]+):((?: [a-z_]+)*)\]")


def offer_marker(result: OfferResult) -> str:
    """The flags of a checked offer as a report carries them: "[offer-2026.1: id id]"."""
    return f"[{result.version}:{''.join(' ' + flag.id for flag in result.flags)}]"


def offer_marker_read(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The rules version and flag ids a report's text carries from a check, if any."""
    match = _MARKER.search(text)
    if match is None:
        return None
    return match.group(1), tuple(match.group(2).split())
