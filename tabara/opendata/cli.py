"""`tabara export htcds OUTPUT`, `tabara export ctdc OUTPUT.csv [--k 11]` and
`tabara export release [--epsilon E] [--estimation ID]` and
`tabara export budget --total E --reason TEXT`: open data (docs/open-data.md).

Each names the staff member running it (--user) and reads their current TOTP code from
standard input (a prompt on a terminal). Exit status 0 when done, 2 with a one-line
message when refused; every refusal is audited and leaves no file behind.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NoReturn

PROG = "tabara export"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Open data: HTCDS, CTDC and public statistics.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    htcds = commands.add_parser("htcds", help="your organization's cases in HTCDS fields")
    htcds.add_argument("output", type=Path, metavar="OUTPUT")
    ctdc = commands.add_parser("ctdc", help="the public k-anonymous file in CTDC's layout")
    ctdc.add_argument("output", type=Path, metavar="OUTPUT.csv")
    ctdc.add_argument("--k", type=int, default=11, help="smallest group size (default 11)")
    release = commands.add_parser("release", help="publish the public statistics page")
    release.add_argument("--epsilon", type=_decimal, default=Decimal(1), help="ε to spend")
    release.add_argument("--estimation", type=int, help="publish this estimation's result")
    budget = commands.add_parser("budget", help="raise the privacy budget (data protection)")
    budget.add_argument("--total", type=_decimal, required=True, help="the new total ε")
    budget.add_argument("--reason", required=True, help="the decision, in a sentence")
    for command in (htcds, ctdc, release, budget):
        command.add_argument("--user", required=True, help="your staff user name")
    return parser


def _code() -> str:
    if sys.stdin.isatty():  # pragma: no cover - tests feed standard input
        return getpass.getpass("Authenticator code: ")
    return sys.stdin.readline().strip()


def _run(args: argparse.Namespace) -> str:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.django.local")
    django.setup()
    from tabara.accounts.roles import Perm
    from tabara.opendata import exports, releases
    from tabara.opendata.operators import operator_identify

    perm = {
        "htcds": Perm.HTCDS_EXPORT,
        "budget": Perm.BREACHES_MANAGE,
    }.get(args.command, Perm.OPEN_DATA_PUBLISH)
    user = operator_identify(
        username=args.user, code=_code(), perm=perm, command=f"export {args.command}"
    )
    if args.command == "htcds":
        done = exports.htcds_export(user=user, output=args.output)
        return (
            f"{args.output}: {done.rows} people from {done.cases} cases; "
            f"{done.without_consent} cases left out without consent to share."
        )
    if args.command == "ctdc":
        result = exports.ctdc_export(user=user, output=args.output, k=args.k)
        return (
            f"{args.output}: {result.rows} records, k = {result.k} (measured {result.measured_k}); "
            f"{result.generalised} values generalised, {result.suppressed} suppressed."
        )
    if args.command == "budget":
        raised = releases.budget_raise(user=user, total=args.total, reason=args.reason)
        return (
            f"Privacy budget raised to ε {raised.total_epsilon}; ε {releases.budget_left()} left."
        )
    release = releases.release_publish(
        user=user, epsilon=args.epsilon, estimation_id=args.estimation
    )
    return (
        f"Released statistics {release.pk}: ε {release.spend.epsilon} spent, "
        f"ε {releases.budget_left()} left; each count ±{release.margin} at 95%."
    )


def main(argv: list[str]) -> int:
    """Run `tabara export` with the arguments after the subcommand name."""
    try:
        args = _parser().parse_args(argv)
        print(_run(args))
    except _UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from tabara.core.domain_errors import NotFound
        from tabara.opendata.exports import ExportRefused
        from tabara.opendata.operators import OperatorRefused
        from tabara.opendata.releases import ReleaseRefused

        refused = (ExportRefused, OperatorRefused, ReleaseRefused, NotFound, ValueError)
        if not isinstance(exc, refused):
            raise
        message = str(exc) or "no such estimation for your organization"
        print(f"{PROG}: refused: {message}", file=sys.stderr)
        return 2
    return 0
