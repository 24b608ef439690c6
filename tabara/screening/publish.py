"""Publish a rule set: write the canonical JSON beside its YAML source and print its sha256.

Usage: python -m tabara.screening.publish tabara/screening/rulesets/<version>.yaml [--check]

With --check nothing is written; the exit status is 1 when the JSON is missing or does not match
the YAML, so a YAML edit cannot slip past the pinned hash unnoticed. This is an authoring tool:
it imports PyYAML, which the evaluator and `tabara screen` never do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from tabara.screening.ruleset import PUBLISHED, build_ruleset, canonical_json, sha256_hex


def render(yaml_path: Path) -> bytes:
    """The canonical JSON bytes for a YAML rule set, after validating it."""
    data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    raw = canonical_json(data)
    build_ruleset(data, sha256=sha256_hex(raw))
    return raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tabara.screening.publish")
    parser.add_argument("yaml_file", type=Path)
    parser.add_argument("--check", action="store_true", help="verify only; write nothing")
    args = parser.parse_args(argv)
    raw = render(args.yaml_file)
    json_path = args.yaml_file.with_suffix(".json")
    digest = sha256_hex(raw)
    version = args.yaml_file.stem
    if args.check:
        current = json_path.read_bytes() if json_path.exists() else b""
        if current != raw:
            sys.stderr.write(f"{json_path} is stale: run without --check\n")
            return 1
        if PUBLISHED.get(version) != digest:
            sys.stderr.write(f"PUBLISHED[{version!r}] in ruleset.py is not {digest}\n")
            return 1
        return 0
    json_path.write_bytes(raw)
    sys.stdout.write(f"{json_path}: sha256 {digest}\n")
    if PUBLISHED.get(version) not in (None, digest):
        sys.stderr.write(f"warning: {version} is already published with another hash\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
