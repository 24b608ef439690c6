"""The `tabara` command: one entry point whose subcommands live beside their domain.

Each subcommand module is imported only when it is asked for, so `tabara screen` starts
without loading Django, numpy or scipy.
"""

from __future__ import annotations

import importlib
import sys

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "screen": ("tabara.screening.cli", "Screen a situation against the trafficking rules."),
    "estimate": ("tabara.prevalence.cli", "Estimate the hidden number of victims (MSE)."),
    "link": ("tabara.linkage.cli", "Find one person's records across lists (linkage)."),
    "check-offer": ("tabara.recruitment.cli", "Check a job offer abroad for red flags."),
    "ussd-sim": ("tabara.intake.ussd_sim", "Walk the USSD menus from a keyboard."),
    "export": ("tabara.opendata.cli", "Open data: HTCDS, the CTDC file, public statistics."),
}


def _usage() -> str:
    lines = ["usage: tabara COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name:<12} {summary}" for name, (_, summary) in SUBCOMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help"}:
        print(_usage())
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in SUBCOMMANDS:
        print(f"tabara: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(SUBCOMMANDS[name][0])
    result: int = module.main(rest)
    return result


if __name__ == "__main__":
    sys.exit(main())
