"""Profile: CPU time and queries per complete web report, in process.

Load on a shared machine distorts requests per second; CPU time of the process and the
number of queries per submission do not. This builds the benchmark's SQLite database (WAL,
production settings plus lifted limits: config.django.bench), posts N complete reports
through django.test.Client exactly as bench/intake.py's clients send them (Origin header,
Accept-Language rw, no form token) and prints CPU ms and queries per report, the queries of
one report, and the functions that cost most.
Usage: .venv/bin/python bench/profile_intake.py [--reports 300] [--top 25]
       .venv/bin/python bench/profile_intake.py --tiny   # 3 reports: CI's smoke run
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import bench_env, prepare_database, report_body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--tiny", action="store_true", help="3 reports (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.reports, args.top = 3, 5
    with tempfile.TemporaryDirectory(prefix="tabara-profile-") as folder:
        return profile(Path(os.environ.get("TABARA_VAR_DIR") or folder), args)


def profile(var: Path, args: argparse.Namespace) -> int:
    env = bench_env(var)
    prepare_database(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()  # lets Client accept the 'testserver' host
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client(HTTP_ORIGIN="http://testserver", HTTP_ACCEPT_LANGUAGE="rw")

    def submit(marker: str) -> None:
        response = client.post(
            "/rw/report/",
            report_body(marker),
            content_type="application/x-www-form-urlencoded",
        )
        if response.status_code != 200 or b'id="receipt"' not in response.content:
            raise SystemExit(f"report {marker} not accepted: {response.status_code}")

    for n in range(5):  # warm imports, caches, the rotating key
        submit(f"warm-{n}")
    with CaptureQueriesContext(connection) as one:
        submit("counted")
    queries = [q["sql"] for q in one.captured_queries]
    kinds = collections.Counter(re.sub(r"\s+", " ", sql).split(" ")[0].upper() for sql in queries)
    profiler = cProfile.Profile()
    cpu, wall = time.process_time(), time.perf_counter()
    profiler.enable()
    for n in range(args.reports):
        submit(f"p{n}")
    profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"config.django.bench, SQLite WAL, django.test.Client in process, "
        f"{args.reports} complete reports (cProfile on)"
    )
    per_report = 1000 / args.reports
    print(f"CPU per report: {cpu * per_report:.2f} ms (wall {wall * per_report:.2f} ms)")
    print(f"queries per report: {len(queries)} {dict(kinds)}")
    for sql in queries:
        print("  ", sql[:160])
    stats = pstats.Stats(profiler)
    rows = stats.stats.items()  # type: ignore[attr-defined]
    commit = "<method 'commit' of 'sqlite3.Connection' objects>"
    commits = sum(row[2] for func, row in rows if func[2] == commit)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"ratio SQLite commit time / profiled time: {commits / total:.2f}")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
