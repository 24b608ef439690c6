"""Update the translation catalogues (rw, fr, en by default) from code and templates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    languages = sys.argv[1:] or ["rw", "fr", "en"]
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "--no-obsolete",
        "--no-location",
        "--ignore=.venv/*",
        "--ignore=var/*",
        "--ignore=bench/*",
        "--ignore=*/tests/*",
    ]
    for lang in languages:
        command += ["-l", lang]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.django.test"}
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
