"""`tabara check-offer`: check a job offer's answers from a JSON file (or stdin).

Input: {"answers": {"<question id>": "<option id>", ...}}; `agency_status` may give the
named agency's standing in the register (licensed, not_for_destination, expired, suspended,
revoked, not_found). Output with --json: the flags raised with their sources and the advice
level; without it, the same in plain words. Exit status: 0 on success, 2 for malformed input
or usage, 1 if the rules cannot be loaded. Only the pure checker and the standard library are
imported (and the screening command's reader), so the command starts without Django.
"""

from __future__ import annotations

import json
import sys

# The screening command's reader and error: the same input shape, the same messages.
from tabara.screening.cli import UsageError, read_answers

USAGE = """\
usage: tabara check-offer [--json] [--lang rw|en|fr] FILE

Check a job offer abroad for red flags. FILE is a JSON file, or - for stdin:
  {"answers": {"fees": "job", "passport": "recruiter", "contract": "none", ...}}

options:
  --json            print the result as JSON
  --lang rw|en|fr   the language of the explanations (default en)
  -h, --help        show this help
"""


def main(argv: list[str]) -> int:
    """Run `tabara check-offer` with the arguments after the subcommand."""
    try:
        path, lang, as_json = _parse_args(argv)
    except UsageError as exc:
        return _fail(str(exc), status=2)
    if path is None:
        sys.stdout.write(USAGE)
        return 0
    from tabara.recruitment.offers import (
        InvalidOfferAnswers,
        OfferRulesError,
        clean_offer_answers,
        evaluate_offer,
        load_offer_rules,
    )

    try:
        rules = load_offer_rules()
    except OfferRulesError as exc:
        return _fail(str(exc), status=1)
    try:
        answers = clean_offer_answers(read_answers(path), rules, strict=True)
    except (UsageError, InvalidOfferAnswers) as exc:
        return _fail(str(exc), status=2)
    result = evaluate_offer(answers, rules)
    if as_json:
        print(json.dumps(result.to_dict(lang), ensure_ascii=False, indent=2))
        return 0
    print(f"{result.level.label[lang]}: {result.level.advice[lang]}")
    for flag in result.flags:
        print(f"- {flag.title[lang]}: {flag.explain[lang]}")
    return 0


def _parse_args(argv: list[str]) -> tuple[str | None, str, bool]:
    path: str | None = None
    lang, as_json = "en", False
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in {"-h", "--help"}:
            return None, lang, as_json
        if arg == "--json":
            as_json = True
        elif arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] or (args.pop(0) if args else "")
            if value not in {"rw", "en", "fr"}:
                raise UsageError(f"--lang must be rw, en or fr, not {value!r}")
            lang = value
        elif arg.startswith("-") and arg != "-":
            raise UsageError(f"unknown option {arg}")
        elif path is not None:
            raise UsageError("give exactly one FILE (or - for stdin)")
        else:
            path = arg
    if path is None:
        raise UsageError("missing FILE (or - for stdin)")
    return path, lang, as_json


def _fail(message: str, *, status: int) -> int:
    print(f"tabara check-offer: {message}", file=sys.stderr)
    print("try 'tabara check-offer --help'", file=sys.stderr)
    return status
