"""Benchmark: concurrent USSD sessions against the production stack on SQLite.

Starts gunicorn (2 workers) with config.django.bench and drives concurrent simulated
phones through the gateway endpoint, each walking a whole report (13 screens, the last
one submitting the report and showing its receipt) and then, as every third session,
the Learn menu. Prints completed sessions per second and per-screen latency percentiles.
The gateway gives an application a few seconds per screen; the aim is p99 < 300 ms.
With --think 0 (the default) every phone answers at once: a stress test of capacity.
A real person takes seconds to read and type; --think 3 models that.
Usage: .venv/bin/python bench/ussd.py [--seconds 20] [--clients 16] [--think 0]
       .venv/bin/python bench/ussd.py --tiny   # 1 s, 2 phones: CI's smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import GATEWAY_SECRET, request, start_server

SECRET = GATEWAY_SECRET
# English, report, forced work, Southern, Huye, first sector, children, 3, social media,
# may call back: no, send.
REPORT = ["4", "2", "1", "2", "2", "2", "1", "1", "3", "1", "2", "1"]
LEARN = ["3", "2", "1", "0", "0", "4"]
SESSIONS = itertools.count()  # session ids and phones never repeat, warm-up included


@dataclass
class Tally:
    """Per-screen latencies and session outcomes."""

    screens: list[float] = field(default_factory=list)
    sessions: int = 0
    failures: int = 0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.screens)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


async def session(port: int, number: int, keys: list[str], tally: Tally, think: float) -> None:
    name = f"ATUid_bench_{number}"
    for n in range(len(keys) + 1):
        if n and think:
            await asyncio.sleep(think * random.uniform(0.5, 1.5))  # reading and typing
        body = urllib.parse.urlencode(
            {
                "sessionId": name,
                "serviceCode": "*384*123#",
                "phoneNumber": f"+25078{number % 10**7:07d}",  # one phone per session
                "networkCode": "63510",
                "text": "*".join(keys[:n]),
            }
        ).encode()
        started = time.perf_counter()
        try:
            status, raw = await request(port, "POST", f"/gateway/{SECRET}/ussd", body)
        except OSError:
            tally.failures += 1
            return
        tally.screens.append(time.perf_counter() - started)
        reply = raw.split(b"\r\n\r\n", 1)[-1]
        if status != 200 or not reply.startswith((b"CON ", b"END ")):
            tally.failures += 1
            return
    if reply.startswith(b"END ") or keys is LEARN:
        tally.sessions += 1
    else:
        tally.failures += 1


async def drive(port: int, seconds: float, clients: int, think: float = 0.0) -> Tally:
    tally = Tally()
    stop = time.monotonic() + seconds

    async def phone(n: int) -> None:
        await asyncio.sleep(random.uniform(0, 2 * think))  # people do not all dial at once
        while time.monotonic() < stop:
            k = next(SESSIONS)
            keys = LEARN if k % 3 == 2 else REPORT
            await session(port, k, keys, tally, think)

    await asyncio.gather(*(phone(n) for n in range(clients)))
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds a person takes per screen"
    )
    parser.add_argument("--tiny", action="store_true", help="1 s, 2 phones (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.seconds, args.clients = 1.0, 2
    server = start_server(workers=2)
    try:
        asyncio.run(drive(server.port, min(2.0, args.seconds), args.clients))  # warm both
        started = time.monotonic()
        tally = asyncio.run(drive(server.port, args.seconds, args.clients, args.think))
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    print(
        f"{server.describe()}, SQLite WAL synchronous=FULL, "
        f"{args.clients} concurrent phones, think time {args.think:g} s, {args.seconds:g} s"
    )
    print(
        f"sessions completed {tally.sessions / elapsed:6.1f}/s  ({tally.sessions} sessions, "
        f"2 of 3 submit a report)  failed {tally.failures}"
    )
    print(
        f"per screen         {len(tally.screens) / elapsed:6.1f}/s  "
        f"p50 {tally.percentile(50):.1f} ms  p95 {tally.percentile(95):.1f} ms  "
        f"p99 {tally.percentile(99):.1f} ms  max {max(tally.screens) * 1000:.1f} ms"
    )
    print(f"ratio p99 / the 300 ms aim: {tally.percentile(99) / 300:.2f}")
    return 0 if tally.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
