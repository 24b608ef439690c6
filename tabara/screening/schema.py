"""Rule-set validation: what the evaluator relies on, checked when a rule set is loaded.

A rule set that lacks an outcome, element, rule, warning or indicator group the evaluator uses,
cites an unknown source, leaves a language empty or has a short text over the limit is refused
with every problem listed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from tabara.screening.model import (
    LANGUAGES,
    Advice,
    Element,
    Indicator,
    LawRef,
    Outcome,
    PurposeType,
    Rule,
    Ruleset,
    Text,
)

# What the evaluator relies on; a rule set that lacks any of these is refused at load time.
OUTCOME_IDS = (
    "trafficking",
    "smuggling",
    "sex_work",
    "child_labour",
    "labour_exploitation",
    "insufficient_information",
    "no_indicators",
)
ELEMENT_STATUSES: Mapping[str, frozenset[str]] = {
    "child": frozenset({"yes", "no", "unknown"}),
    "act": frozenset({"met", "not_met", "unknown"}),
    "means": frozenset({"met", "partial", "not_met", "unknown", "not_required"}),
    "purpose": frozenset({"identified", "none_identified", "unknown"}),
    "smuggling": frozenset({"met", "not_met", "unknown"}),
}
PURPOSE_TYPE_IDS = (
    "sexual",
    "forced_labour",
    "servitude",
    "organ_removal",
    "forced_marriage",
    "forced_criminality",
    "illegal_adoption",
    "armed_group",
    "intent",
    "child_labour_exploitation",
)
RULE_IDS = tuple(f"R{n}" for n in range(1, 11))
WARNING_IDS = frozenset(
    {
        "non_punishment",
        "child_cannot_consent",
        "treat_as_child",
        "consent_irrelevant",
        "exploitation_of_prostitution",
        "sex_work_legal_status",
        "separate_exploitation_offence",
        "smuggled_not_liable",
        "dangerous_journey",
        "illegal_adoption_rwanda",
    }
)
GROUP_NAMES = frozenset(
    {
        "act",
        "act_core",
        "moved",
        "strong_means",
        "medium_means",
        "weak_means",
        "coercion",
        "conditions",
        "means_negators",
        "child_marriage_payment",
        "child_work_harm",
        "child_work_under_16",
        "sex_work_coercion",
        "sex_work_autonomy",
        "irregular_entry",
    }
)
THRESHOLD_NAMES = frozenset({"strong_means_min", "medium_means_min", "conditions_min"})
STRENGTHS = frozenset({"gate", "strong", "medium", "weak", "protective"})
POLARITIES = frozenset({"risk", "protective"})
CONFIDENCES = frozenset({"P", "2nd", "UNCONF"})
URGENCIES = frozenset({"urgent", "normal"})

T = TypeVar("T")


class RulesetError(ValueError):
    """A rule set is unknown, tampered with (hash mismatch) or malformed."""


def build_ruleset(data: Any, *, sha256: str) -> Ruleset:
    """Validate raw rule-set data and build the typed, immutable Ruleset from it."""
    problems: list[str] = []
    try:
        ruleset = _Builder(data, problems).build(sha256)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RulesetError(f"malformed rule set: {exc!r}") from exc
    if problems:
        raise RulesetError("invalid rule set:\n  " + "\n  ".join(problems))
    return ruleset


class _Builder:
    def __init__(self, data: Mapping[str, Any], problems: list[str]) -> None:
        self.data = data
        self.problems = problems
        self.sources: Mapping[str, Mapping[str, str]] = data["sources"]
        self.short_max = int(data["short_text_max"])

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.problems.append(message)

    def text(self, raw: Mapping[str, Any], where: str, *, short: bool = False) -> Text:
        for lang in LANGUAGES:
            value = raw.get(lang, "")
            self.check(isinstance(value, str) and value.strip() != "", f"{where}: empty {lang}")
            if short:
                self.check(len(value) <= self.short_max, f"{where}: {lang} over {self.short_max}")
        return Text(rw=raw.get("rw", ""), en=raw.get("en", ""), fr=raw.get("fr", ""))

    def law(self, raw: list[Any], where: str) -> tuple[LawRef, ...]:
        refs = []
        for item in raw:
            ref = {"key": item} if isinstance(item, str) else item
            source = self.sources.get(ref["key"])
            self.check(source is not None, f"{where}: unknown source {ref['key']!r}")
            confidence = ref.get("confidence") or (source or {}).get("confidence", "")
            self.check(confidence in CONFIDENCES, f"{where}: bad confidence {confidence!r}")
            text = (source or {}).get("text", "")
            refs.append(LawRef(ref["key"], ref.get("cite", ""), text, confidence))
        return tuple(refs)

    def table(self, key: str, make: Callable[[Mapping[str, Any], str], T]) -> dict[str, T]:
        table: dict[str, T] = {}
        for raw in self.data[key]:
            where = f"{key}.{raw['id']}"
            self.check(raw["id"] not in table, f"{where}: duplicate id")
            table[raw["id"]] = make(raw, where)
        return table

    def build(self, sha256: str) -> Ruleset:
        data = self.data
        self.check(data["schema"] == 1, f"unsupported schema {data['schema']!r}")
        self.check(tuple(data["languages"]) == LANGUAGES, "languages must be rw, en, fr")
        indicators = self.table("indicators", self.indicator)
        outcomes = self.table("outcomes", self.outcome)
        elements = self.table("elements", self.element)
        purposes = self.table("purpose_types", self.purpose_type)
        rules = self.table("rules", self.rule)
        warnings = self.table("warnings", self.advice)
        referrals = self.table("referrals", self.advice)
        groups = {name: tuple(ids) for name, ids in data["groups"].items()}
        self.check(tuple(outcomes) == OUTCOME_IDS, f"outcomes must be {OUTCOME_IDS}")
        self.check(set(elements) == set(ELEMENT_STATUSES), "elements must be the five elements")
        self.check(tuple(purposes) == PURPOSE_TYPE_IDS, f"purpose types must be {PURPOSE_TYPE_IDS}")
        self.check(tuple(rules) == RULE_IDS, f"rules must be {RULE_IDS}")
        self.check(set(warnings) == WARNING_IDS, f"warnings must be {sorted(WARNING_IDS)}")
        self.check(set(groups) == GROUP_NAMES, f"groups must be {sorted(GROUP_NAMES)}")
        self.check(set(data["thresholds"]) == THRESHOLD_NAMES, "unexpected thresholds")
        order = tuple(data["question_order"])
        self.check(sorted(order) == sorted(indicators), "question_order must list each indicator")
        for name, ids in groups.items():
            for iid in ids:
                self.check(iid in indicators, f"groups.{name}: unknown indicator {iid!r}")
        for purpose in purposes.values():
            for iid in purpose.direct:
                self.check(iid in indicators, f"purpose_types.{purpose.id}: unknown {iid!r}")
        for pid in data["labour_purposes"]:
            self.check(pid in purposes, f"labour_purposes: unknown purpose type {pid!r}")
        for rule in rules.values():
            self.check(rule.outcome in outcomes, f"rules.{rule.id}: unknown outcome")
            for rid in rule.referrals:
                self.check(rid in referrals, f"rules.{rule.id}: unknown referral {rid!r}")
        for element in elements.values():
            expected = ELEMENT_STATUSES.get(element.id, frozenset())
            self.check(set(element.statuses) == expected, f"elements.{element.id}: statuses")
        return Ruleset(
            version=data["version"],
            sha256=sha256,
            title=self.text(data["title"], "title"),
            notices={k: self.text(v, f"notices.{k}") for k, v in data["notices"].items()},
            indicators=indicators,
            outcomes=outcomes,
            elements=elements,
            purpose_types=purposes,
            groups=groups,
            labour_purposes=tuple(data["labour_purposes"]),
            thresholds={k: int(v) for k, v in data["thresholds"].items()},
            question_order=order,
            rules=rules,
            warnings=warnings,
            referrals=referrals,
        )

    def indicator(self, raw: Mapping[str, Any], where: str) -> Indicator:
        self.check(raw["strength"] in STRENGTHS, f"{where}: bad strength")
        self.check(raw["polarity"] in POLARITIES, f"{where}: bad polarity")
        return Indicator(
            id=raw["id"],
            elements=tuple(raw["element"]),
            purpose_type=raw.get("purpose_type"),
            strength=raw["strength"],
            polarity=raw["polarity"],
            question=self.text(raw["question"], where),
            law=self.law(raw["sources"], where),
            note=raw.get("note", ""),
        )

    def outcome(self, raw: Mapping[str, Any], where: str) -> Outcome:
        teaching = raw["teaching"]
        return Outcome(
            id=raw["id"],
            label=self.text(raw["label"], where),
            law=self.law(raw["law"], where),
            short=self.text(teaching["short"], where, short=True),
            long=self.text(teaching["long"], where),
        )

    def element(self, raw: Mapping[str, Any], where: str) -> Element:
        explanation = raw["explanation"]
        statuses = {k: self.text(v, f"{where}.{k}", short=True) for k, v in raw["statuses"].items()}
        return Element(
            id=raw["id"],
            name=self.text(raw["name"], where),
            law=self.law(raw["law"], where),
            short=self.text(explanation["short"], where, short=True),
            long=self.text(explanation["long"], where),
            statuses=statuses,
        )

    def purpose_type(self, raw: Mapping[str, Any], where: str) -> PurposeType:
        return PurposeType(
            id=raw["id"],
            label=self.text(raw["label"], where),
            direct=tuple(raw["direct"]),
            law=self.law(raw["law"], where),
        )

    def rule(self, raw: Mapping[str, Any], where: str) -> Rule:
        return Rule(
            id=raw["id"],
            outcome=raw["outcome"],
            legal_review=bool(raw["legal_review"]),
            title=self.text(raw["title"], where),
            text=self.text(raw["text"], where),
            law=self.law(raw["law"], where),
            referrals=tuple(raw["referrals"]),
        )

    def advice(self, raw: Mapping[str, Any], where: str) -> Advice:
        urgency = raw.get("urgency", "normal")
        self.check(urgency in URGENCIES, f"{where}: bad urgency {urgency!r}")
        return Advice(
            id=raw["id"],
            law=self.law(raw["law"], where),
            short=self.text(raw["short"], where, short=True),
            long=self.text(raw["long"], where),
            urgency=urgency,
        )
