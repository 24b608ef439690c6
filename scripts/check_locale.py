"""Fail the build when a user-facing string lacks a Kinyarwanda or French translation.

Runs makemessages in a temporary copy of the source tree (Django writes each file's strings
to the nearest `locale` folder, so only a full copy keeps the real catalogues untouched), so
a string added to code or a template but not to the .po files is caught too, then looks for
empty or fuzzy entries.
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
LANGUAGES = ("rw", "fr")
SKIP = ("__pycache__", "*.sqlite3*")
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
        tree = Path(tmp)
        for part in ("tabara", "config", "scripts"):
            shutil.copytree(ROOT / part, tree / part, ignore=shutil.ignore_patterns(*SKIP))
        shutil.copy2(ROOT / "manage.py", tree / "manage.py")
        copy = tree / "tabara" / "locale"
        env = {**os.environ, "TABARA_LOCALE_DIR": str(copy)}
        done = subprocess.run(
            [sys.executable, "scripts/makemessages.py", *LANGUAGES],
            cwd=tree,
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(done.stdout, done.stderr)
            return 1
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
