"""Every benchmark in bench/ runs at a tiny size, so none can rot unnoticed (issue #12).

Each script runs as a person would run it (`python bench/X.py --tiny`), on its own SQLite
database in a temporary folder, and must finish and print the configuration it actually ran
and its ratios. Figures are not judged (the machine is shared); that the lines exist and
that the server benchmarks name the worker class and threads read back from the running
gunicorn is. Run once, in the SQLite pass: the PostgreSQL pass would repeat the same runs.

bench/crash.py's tiny run is also the crash test: while clients submit reports, the
server's workers are SIGKILLed 20 times, and every receipt a client was given must open its
report (the production stack, gunicorn with 2 workers on SQLite in WAL mode, from
bench/harness.py: the same code the benchmarks measure).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_gunicorn import EXPECTED

ROOT = Path(__file__).resolve().parent.parent
CLASS, THREADS = EXPECTED  # what config/gunicorn_conf.py declares, in gunicorn's own names
SERVER = rf"gunicorn -c config/gunicorn_conf.py: 2 workers x {THREADS} threads \({CLASS}, read back"
NUMBER = r"\d+(\.\d+)?"

# script -> lines its output must hold: the configuration first, then the ratios.
EXPECTED_LINES: dict[str, list[str]] = {
    "cases.py": [
        r"sqlite: 300 cases, 900 referrals; BUSY owns \d+ .* 5 runs per page",
        rf"my queue +{NUMBER} +{NUMBER} +1\.0 +\d+ +\d+",
        rf"case list, overdue only +{NUMBER} +{NUMBER} +{NUMBER} +\d+ +\d+",
    ],
    "field_crypto.py": [
        r"configuration: 200 values of \d+ characters, one process, cryptography [\d.]+",
        rf"seal +{NUMBER} µs +{NUMBER} µs +{NUMBER}",
        rf"open +{NUMBER} µs +{NUMBER} µs +{NUMBER}",
    ],
    "search.py": [
        r"sqlite: 300 cases, 600 people, \d+ tokens; 5 searches per kind",
        rf"\(empty page\) +{NUMBER} +{NUMBER} +1\.0",
        rf"name reordered, r->l +{NUMBER} +{NUMBER} +{NUMBER} +\d+",
        rf"phone 0788 123 456 +{NUMBER} +{NUMBER} +{NUMBER} +\d+",
        rf"national ID +{NUMBER} +{NUMBER} +{NUMBER} +\d+",
        rf"case reference +{NUMBER} +{NUMBER} +{NUMBER} +\d+",
    ],
    "intake.py": [
        SERVER + r".*, 2 clients, 1 s each",
        rf"ratio reports/bare: {NUMBER}",
    ],
    "profile_intake.py": [
        r"config\.django\.bench, SQLite WAL, .* 3 complete reports",
        r"queries per report: \d+",
        rf"ratio SQLite commit time / profiled time: {NUMBER}",
    ],
    "ussd.py": [
        SERVER + r".*, 2 concurrent phones, think time 0 s, 1 s",
        r"sessions completed .* failed 0",
        rf"ratio p99 / the 300 ms aim: {NUMBER}",
    ],
    "crash.py": [
        r'"missing": \[\]',
        SERVER,
        r'"kills": 20\b',
    ],
    "prevalence.py": [
        r"1 worker processes; median of 1 bootstrap runs",
        r"\| uk_2013_5lists \|.*\| \d+x / \d+x \|",
        r"\| artificial_3lists \|.*\| \d+x / \d+x \|",
    ],
    "linkage.py": [
        r"splink 5\.0\.0, duckdb [\d.]+, \d+ CPUs.*FEBRL4 with 300 true links; 1000 generated",
        rf"\| febrl-splink \| {NUMBER} \| {NUMBER} \| {NUMBER} \|",
        rf"\| febrl-tabara \| {NUMBER} \| {NUMBER} \| {NUMBER} \|",
        rf"ratio F1 tabara/splink on FEBRL4: {NUMBER}",
        rf"generated: P {NUMBER} R {NUMBER} F1 {NUMBER}",
        rf"ratio total time / the 600 s aim: {NUMBER}",
    ],
    "interview.py": [
        r"rule set rw-2026\.1, \d+ public scenarios, \d+ questions; one process",
        r"wrong ends: none",
        r"variants \(2 per public scenario, seed 17\), outcomes by the rules: ",
        rf"ratio median questions until reached, after/before: {NUMBER}",
        r"question choice over the \d+ steps of these walks, 5 passes each",
    ],
    "screening.py": [
        r"evaluator, rule set rw-2026\.1: 200 random answer sets .* 2 passes",
        r"start-up, median of 3 runs each",
        rf"ratio {NUMBER}",
    ],
    "dashboards.py": [
        r"sqlite: 300 cases, \d+ victims, \d+ referrals, \d+ services; snapshot rebuilt in "
        r"[\d.]+ s; 5 runs per view",
        rf"national, no filter +{NUMBER} +{NUMBER} +1\.00",
        rf"XLSX download +{NUMBER} +{NUMBER} +{NUMBER}",
        rf"XLSX download, cached +{NUMBER} +{NUMBER} +{NUMBER}",
        rf"one GROUP BY district on sqlite directly: \d+ ms \(ratio to the whole national "
        rf"page's p50: {NUMBER}\)",
    ],
    "networks.py": [
        r"sqlite: 60 cases, 300 reports, \d+ suspects; 3 page runs",
        rf"back-fill: 360 records in {NUMBER} s, {NUMBER} ms per record",
        rf"ratio sync per record / extraction alone: {NUMBER}",
        rf"ratio page one district / whole period: {NUMBER}",
        rf"ratio page whole period / CSV export of every row: {NUMBER}",
    ],
    "spreadsheets.py": [
        r"python 3\.11\.\d+, openpyxl [\d.]+, \d+ CPUs, .* limits SheetLimits",
        r"zip bomb: .* refused",
        rf"ratio naive/bounded \(naive capped\): {NUMBER}",
    ],
}
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
)


def test_no_benchmark_hides_a_standard_module() -> None:
    # `python bench/X.py` puts bench/ first on sys.path: a bench/statistics.py once made every
    # other benchmark's `import statistics` load it instead of the standard library's.
    shadowing = sorted(
        p.name for p in (ROOT / "bench").glob("*.py") if p.stem in sys.stdlib_module_names
    )
    assert not shadowing, shadowing


def test_every_benchmark_is_run_here() -> None:
    scripts = {p.name for p in (ROOT / "bench").glob("*.py")}
    helpers = {"__init__.py", "harness.py", "world.py"}
    assert scripts - helpers == set(EXPECTED_LINES)


@pytest.mark.timeout_sensitive
@pytest.mark.timeout(600)  # the crash run's 20 kills on a loaded machine, with room to spare
@pytest.mark.parametrize("script", sorted(EXPECTED_LINES))
def test_the_benchmark_runs_tiny_and_says_what_it_ran(script: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TABARA_VAR_DIR")}
    env["TABARA_VAR_DIR"] = str(tmp_path)
    done = run_in_own_group([sys.executable, str(ROOT / "bench" / script), "--tiny"], env)
    assert done.returncode == 0, done.stderr[-3000:]
    for pattern in EXPECTED_LINES[script]:
        assert re.search(pattern, done.stdout), (
            f"{script} did not print /{pattern}/:\n{done.stdout}"
        )
    if script == "crash.py":
        every_receipt_given_opens_its_report_after_20_kills(done.stdout)


def run_in_own_group(
    command: list[str], env: dict[str, str], timeout: float = 540
) -> subprocess.CompletedProcess[str]:
    """Run `command` in its own process group; stopped at `timeout` with all it started.

    A benchmark stopped alone would leave its gunicorn (and that server's workers) running,
    taking CPU from every test after it.
    """
    with subprocess.Popen(  # noqa: S603 - our own scripts, by name from bench/
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            pytest.fail(f"{command[1]} ran over {timeout:g} s:\n{stdout}\n{stderr[-3000:]}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def every_receipt_given_opens_its_report_after_20_kills(stdout: str) -> None:
    verdict = json.loads(stdout.strip().splitlines()[-1])
    assert isinstance(verdict["kills"], int) and verdict["kills"] >= 20
    assert isinstance(verdict["checked"], int) and verdict["checked"] >= 20
    assert verdict["missing"] == []
    assert isinstance(verdict["stored"], int) and verdict["stored"] >= verdict["checked"]
