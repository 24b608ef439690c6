"""Benchmark: complete web reports per second against the production stack on SQLite.

Starts gunicorn with 2 workers, drives concurrent clients for a fixed time against
/rw/report/ and then against a bare view that inserts one row, and prints both with the
ratio. Usage: .venv/bin/python bench/intake.py [--seconds 15] [--clients 8]
       .venv/bin/python bench/intake.py --tiny   # 1 s, 2 clients: CI's smoke run
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import load, report_body, start_server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--tiny", action="store_true", help="1 s, 2 clients (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.seconds, args.clients = 1.0, 2
    server = start_server(workers=2)
    try:
        # Warm both workers (imports, first queries) before measuring.
        warm = min(2.0, args.seconds)
        load(server.port, seconds=warm, clients=args.clients, path="/rw/report/", body=report_body)
        reports = load(
            server.port,
            seconds=args.seconds,
            clients=args.clients,
            path="/rw/report/",
            body=report_body,
        )
        bare = load(
            server.port,
            seconds=args.seconds,
            clients=args.clients,
            path="/bench/bare",
            body=lambda marker: f"v={marker}".encode(),
        )
    finally:
        server.stop()
    print(
        f"{server.describe()}, SQLite WAL synchronous=FULL, "
        f"{args.clients} clients, {args.seconds:g} s each"
    )
    print(f"complete reports  {reports.summary()}")
    print(f"bare insert view  {bare.summary()}")
    print(f"ratio reports/bare: {reports.rate / bare.rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
