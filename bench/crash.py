"""Crash test: SIGKILL the server's workers while clients submit; no receipt may be lost.

Every receipt a client received must open its report, with the text that client sent.
Usage: .venv/bin/python bench/crash.py [--kills 25] [--clients 8]
       .venv/bin/python bench/crash.py --tiny   # CI's run: 20 kills, 6 clients, >= 20 receipts
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import ROOT, LoadResult, Server, _drive, report_body, start_server

CHECK = """
import json, sys
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_hash
claims = json.load(sys.stdin)
missing = [r for r, marker in claims.items()
           if not any(marker + ":" in rep.what_happened
                      for rep in Report.objects.filter(receipt_hash=receipt_hash(r)))]
print(json.dumps({"checked": len(claims), "missing": missing, "stored": Report.objects.count()}))
"""


def kill_workers(server: Server, kills: int, stop: threading.Event, log: list[int]) -> None:
    """SIGKILL one live worker at a time, waiting for gunicorn to replace it."""
    rng = random.Random(7)
    while len(log) < kills and not stop.is_set():
        time.sleep(rng.uniform(0.15, 0.4))
        workers = server.worker_pids()
        if not workers:
            continue
        victim = rng.choice(workers)
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            continue
        log.append(victim)


def run(kills: int, clients: int, min_receipts: int = 0) -> dict[str, object]:
    """Kill `kills` times while driving, then keep driving until `min_receipts` were handed out.

    On a loaded machine few receipts may be handed out between kills; the extra driving
    (bounded to 60 s) keeps the check meaningful without counting on the machine's speed.
    """
    server = start_server(workers=2)
    result = LoadResult(seconds=0)
    killed: list[int] = []
    stop = threading.Event()
    killer = threading.Thread(target=kill_workers, args=(server, kills, stop, killed))
    started = time.monotonic()
    try:
        killer.start()
        while killer.is_alive():
            asyncio.run(_drive(server.port, 2.0, clients, "/rw/report/", report_body, result))
        asyncio.run(_drive(server.port, 1.0, clients, "/rw/report/", report_body, result))
        deadline = time.monotonic() + 60
        while len(result.receipts) < min_receipts and time.monotonic() < deadline:
            asyncio.run(_drive(server.port, 1.0, clients, "/rw/report/", report_body, result))
    finally:
        stop.set()
        killer.join()
        server.stop()
    checked = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", CHECK],
        input=json.dumps(result.receipts),
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    verdict: dict[str, object] = json.loads(checked.stdout.strip().splitlines()[-1])
    verdict.update(
        server=server.describe(),
        kills=len(killed),
        failed_requests=result.failures,
        seconds=round(time.monotonic() - started, 1),
    )
    return verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--tiny", action="store_true", help="20 kills, 6 clients, at least 20 receipts (CI)"
    )
    args = parser.parse_args()
    min_receipts = 0
    if args.tiny:  # CI's proof that no receipt is lost (tests/test_benchmarks.py)
        args.kills, args.clients, min_receipts = 20, 6, 20
    verdict = run(args.kills, args.clients, min_receipts)
    print(json.dumps(verdict))
    return 0 if not verdict["missing"] else 1


if __name__ == "__main__":
    sys.exit(main())
