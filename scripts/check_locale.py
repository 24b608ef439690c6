"""Fail the build when a user-facing string lacks a Kinyarwanda or French translation.

Runs makemessages into a temporary copy of the catalogues, so a string added to code or a
template but not to the .po files is caught too, then looks for empty or fuzzy entries.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "tabara" / "locale"
LANGUAGES = ("rw", "fr")
ENTRY = re.compile(r'(#, fuzzy\n)?(?:#.*\n)*msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.M)


def _joined(block: str) -> str:
    return "".join(line.strip()[1:-1] for line in block.strip().splitlines())


def problems(po_text: str) -> list[str]:
    found = []
    for fuzzy, msgid, msgstr in ENTRY.findall(po_text + "\n"):
        key = _joined(msgid)
        if not key:
            continue
        if fuzzy:
            found.append(f"fuzzy: {key[:70]}")
        elif not _joined(msgstr):
            found.append(f"missing: {key[:70]}")
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "locale"
        shutil.copytree(LOCALE, copy)
        env = {**os.environ, "TABARA_LOCALE_DIR": str(copy)}
        subprocess.run(
            [sys.executable, "scripts/makemessages.py", *LANGUAGES],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        failures = 0
        for lang in LANGUAGES:
            text = (copy / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
            for problem in problems(text):
                print(f"{lang}: {problem}")
                failures += 1
    if failures:
        print(f"{failures} untranslated strings: run scripts/makemessages.py and translate them.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
