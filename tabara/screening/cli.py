"""`tabara screen`: screen one situation from a JSON file (or stdin) and print the result as JSON.

Input: {"answers": {"<indicator id>": "yes" | "no" | "unknown", ...}}; a missing id means
unknown; an id answered "unknown" counts as asked. The output adds, to the evaluator's result,
`next_questions` in the interview's order (the question expected to reduce uncertainty about the
outcome most first; empty once no answer could change the outcome), `question_outcomes` (for
each proposed question, the outcomes its "yes" or "no" would give), `interview_done`, and
`would_change` (questions answered "unknown" whose answer, if learned, would change the
outcome). Exit status: 0 on success, 2 for malformed input or usage, 1 if the rule set cannot be
loaded. Only the evaluator and the standard library are imported, so the command starts fast.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

USAGE = """\
usage: tabara screen [--lang rw|en|fr] [--ruleset VERSION] FILE

Screen one situation against the trafficking rules. FILE is a JSON file, or - for stdin:
  {"answers": {"age_under_18": "no", "act_recruited": "yes", ...}}
Every answer is "yes", "no" or "unknown"; a missing indicator means unknown.

options:
  --lang rw|en|fr     add human explanations in Kinyarwanda, English or French
  --ruleset VERSION   use a published rule-set version other than the default
  -h, --help          show this help
"""


class UsageError(Exception):
    """Bad arguments or malformed input: reported on stderr with exit status 2."""


def main(argv: list[str]) -> int:
    """Run `tabara screen` with the arguments after the subcommand; return the exit status."""
    try:
        path, lang, version = _parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), status=2, usage=True)
    if path is None:
        sys.stdout.write(USAGE)
        return 0

    from tabara.screening.engine import InvalidAnswers, evaluate
    from tabara.screening.ruleset import DEFAULT_VERSION, PUBLISHED, RulesetError, load_ruleset

    version = version or DEFAULT_VERSION
    if version not in PUBLISHED:
        published = ", ".join(sorted(PUBLISHED))
        return _fail(f"unknown rule set {version!r}; published: {published}", status=2)
    try:
        ruleset = load_ruleset(version)
    except RulesetError as exc:
        return _fail(str(exc), status=1)
    from tabara.screening.interview import interview_choice
    from tabara.screening.prior import PriorError

    try:
        answers = read_answers(path)
        assessment = evaluate(answers, ruleset)
        choice = interview_choice(answers, ruleset)
    except (UsageError, InvalidAnswers) as exc:
        return _fail(str(exc), status=2)
    except PriorError as exc:
        return _fail(str(exc), status=1)
    # The interview's order (most informative first; none once done) replaces the fixed one.
    assessment = dataclasses.replace(assessment, next_questions=choice.ranked)
    result = assessment.to_dict()
    result["question_outcomes"] = {iid: list(choice.leads_to[iid]) for iid in choice.ranked}
    result["interview_done"] = choice.done
    result["would_change"] = [
        {"question": iid, "answer": answer, "outcome": outcome}
        for iid, answer, outcome in choice.would_change
    ]
    if lang is not None:
        from tabara.screening.explain import explain

        result["explanation"] = explain(assessment, lang, ruleset)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def _parse_args(argv: list[str]) -> tuple[str | None, str | None, str | None]:
    path = lang = version = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in {"-h", "--help"}:
            return None, None, None
        if arg in {"--lang", "--ruleset"} or arg.startswith(("--lang=", "--ruleset=")):
            name, _, value = arg.partition("=")
            if not value:
                if not args:
                    raise UsageError(f"{name} needs a value")
                value = args.pop(0)
            if name == "--lang":
                if value not in {"rw", "en", "fr"}:
                    raise UsageError(f"--lang must be rw, en or fr, not {value!r}")
                lang = value
            else:
                version = value
        elif arg.startswith("-") and arg != "-":
            raise UsageError(f"unknown option {arg}")
        elif path is not None:
            raise UsageError("give exactly one FILE (or - for stdin)")
        else:
            path = arg
    if path is None:
        raise UsageError("missing FILE (or - for stdin)")
    return path, lang, version


def read_answers(path: str) -> dict[str, Any]:
    """The "answers" object of a JSON file (or - for stdin); UsageError if unreadable."""
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(document, dict) or "answers" not in document:
        raise UsageError(f'{path}: expected a JSON object with an "answers" object')
    answers = document["answers"]
    if not isinstance(answers, dict):
        raise UsageError(f'{path}: "answers" must be an object of indicator id -> answer')
    return answers


def _fail(message: str, *, status: int, usage: bool = False) -> int:
    print(f"tabara screen: {message}", file=sys.stderr)
    if usage:
        print("try 'tabara screen --help'", file=sys.stderr)
    return status
