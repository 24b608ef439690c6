"""deploy/systemd: every background loop of `make run` has a unit, and systemd accepts them.

`make run` is the list of what must run beside the web server (the Makefile's run target
starts each loop in the background); a production server runs each as a unit. A loop
added to `make run` without a unit never runs in production: before this test,
`retention_apply --loop` (the retention rules of Law N° 058/2021) and `cases_remind --loop`
had no unit, and test_every_loop_of_make_run_has_a_unit failed naming both.

`systemd-analyze verify` reads each unit and the backup timer as systemd would (the
virtualenv's paths are pointed at this checkout's interpreter so that the commands exist);
an unknown key, a bad section or a command that is not executable is printed and fails the
test. Without systemd-analyze the test is skipped and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNITS = ROOT / "deploy/systemd"
VENV_BIN = "/srv/tabara/app/.venv/bin/"


def make_run_loops() -> list[str]:
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"manage\.py (\w+(?: --loop)?) &", recipe)


def test_every_loop_of_make_run_has_a_unit() -> None:
    loops = make_run_loops()
    assert "db_worker" in loops and "retention_apply --loop" in loops
    commands = [
        line.split("manage.py ", 1)[1].strip()
        for unit in UNITS.glob("*.service")
        for line in unit.read_text().splitlines()
        if line.startswith("ExecStart=") and "manage.py " in line
    ]
    missing = [loop for loop in loops if loop not in commands]
    assert not missing, f"no unit in deploy/systemd runs: {missing}"


def test_systemd_accepts_the_units_and_the_backup_timer(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    python = Path(sys.executable)
    names = []
    for unit in [*UNITS.glob("*.service"), *UNITS.glob("*.timer")]:
        text = unit.read_text()
        text = text.replace(f"{VENV_BIN}python", str(python))
        text = text.replace(f"{VENV_BIN}gunicorn", str(python.parent / "gunicorn"))
        (tmp_path / unit.name).write_text(text)
        names.append(unit.name)
    assert "tabara-backup.timer" in names and "tabara-backup.service" in names
    result = subprocess.run(  # noqa: S603 - the system's systemd-analyze, files of ours
        [analyze, "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    complaints = [
        line for line in (result.stdout + result.stderr).splitlines() if "tabara-" in line
    ]
    assert not complaints, "\n".join(complaints)
