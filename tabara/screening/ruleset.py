"""Published screening rule sets: content hashes and loading (validation is in schema.py).

A rule set is authored as YAML (`rulesets/<version>.yaml`) and published as canonical JSON
(`rulesets/<version>.json`, written by `publish.py`). A published rule set is immutable: the
sha256 of its JSON is pinned in `PUBLISHED`, and loading refuses a file whose bytes differ.
Loading reads JSON only, so `tabara screen` starts without importing a YAML parser.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tabara.screening.model import Ruleset
from tabara.screening.schema import RulesetError, build_ruleset

RULESET_DIR = Path(__file__).resolve().parent / "rulesets"
DEFAULT_VERSION = "rw-2026.1"

# version -> sha256 of the canonical JSON file. Changing a published rule set means a new
# version with a new line here, never a new hash for an old version.
PUBLISHED: Mapping[str, str] = {
    "rw-2026.1": "1429af27ff9f4f7b0c9a48bc2883f7b0be09182cba07b9bab79ab6c196f6fd83",
}


def canonical_json(data: Any) -> bytes:
    """The canonical bytes of a rule set: sorted keys, one-space indent, UTF-8, final newline."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def sha256_hex(raw: bytes) -> str:
    """The content hash pinned in PUBLISHED and recorded in every assessment."""
    return hashlib.sha256(raw).hexdigest()


@functools.cache
def load_ruleset(version: str = DEFAULT_VERSION) -> Ruleset:
    """Load a published rule set by version, refusing it unless its pinned hash matches."""
    if version not in PUBLISHED:
        known = ", ".join(sorted(PUBLISHED))
        raise RulesetError(f"unknown rule set version {version!r}; published: {known}")
    ruleset = load_ruleset_file(RULESET_DIR / f"{version}.json", expected_sha256=PUBLISHED[version])
    if ruleset.version != version:
        raise RulesetError(f"{version}.json declares version {ruleset.version!r}")
    return ruleset


def load_ruleset_file(path: Path, *, expected_sha256: str | None) -> Ruleset:
    """Load a canonical JSON rule set; refuse it unless its sha256 equals `expected_sha256`.

    `expected_sha256=None` skips the check; it is meant only for drafts being authored.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RulesetError(f"cannot read rule set {path}: {exc.strerror}") from exc
    digest = sha256_hex(raw)
    if expected_sha256 is not None and digest != expected_sha256:
        raise RulesetError(
            f"rule set {path.name} has sha256 {digest}, expected {expected_sha256}: a published "
            "rule set must not change (publish a new version instead)"
        )
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise RulesetError(f"rule set {path.name} is not valid JSON: {exc}") from exc
    return build_ruleset(data, sha256=digest)


__all__ = [
    "DEFAULT_VERSION",
    "PUBLISHED",
    "RULESET_DIR",
    "RulesetError",
    "build_ruleset",
    "canonical_json",
    "load_ruleset",
    "load_ruleset_file",
    "sha256_hex",
]
