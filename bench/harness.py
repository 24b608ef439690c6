"""A production server on SQLite and lean HTTP clients, shared by the benchmarks and crash test.

The server is gunicorn started with the repository's own config/gunicorn_conf.py (the file
production uses) and config.django.bench: production settings plus a bare insert view. The
worker class and thread count are read back from the running workers' "ready" lines, not
assumed. Clients are asyncio coroutines speaking HTTP/1.1 directly over sockets, so the
client side costs little CPU on a 2-core machine.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "config" / "gunicorn_conf.py"
GATEWAY_SECRET = "bench-only-gateway-secret-0123456789abcdef"  # noqa: S105 - bench-only
RECEIPT = re.compile(rb'id="receipt">([\d ]+)<')
READY = re.compile(r"tabara worker ready: pid=(\d+) class=(\w+) threads=(\d+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TABARA_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.django.bench",
        # Public on purpose: they protect only a throw-away benchmark database.
        TABARA_SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        TABARA_ENCRYPTION_KEYS="YmVuY2gtb25seS1mZXJuZXQta2V5LTAwMDAwMDAwMDE=",
        TABARA_RECEIPT_SALT="bench-only-receipt-salt-0123456789abcdef",
        TABARA_PHONE_HASH_KEY="bench-only-phone-hash-key-0123456789abcdef",
        TABARA_GATEWAY_SECRET=GATEWAY_SECRET,
        TABARA_SEARCH_KEY="bench-only-search-key-0123456789abcdef",
        TABARA_AUDIT_KEYS="bench-only-audit-key-0123456789abcdef",
        TABARA_BACKUP_KEYS="YmVuY2gtb25seS1iYWNrdXAta2V5LTAwMDAwMDAwMDE=",
        TABARA_ALLOWED_HOSTS="127.0.0.1,localhost",
        TABARA_SITE_URL="http://127.0.0.1",
        TABARA_SSL_REDIRECT="false",
        TABARA_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'bench.sqlite3'}",
    )
    return env


@dataclass
class Server:
    """A running gunicorn master with its own temporary SQLite database."""

    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    var_dir: Path
    log_path: Path
    workers: int = 0
    worker_class: str = ""
    threads: int = 0

    def describe(self) -> str:
        """What runs, as the workers themselves reported it."""
        return (
            f"gunicorn -c config/gunicorn_conf.py: {self.workers} workers x {self.threads} "
            f"threads ({self.worker_class}, read back from the running workers)"
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        ).stdout
        return [int(pid) for pid in out.split()]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _build_database(env: dict[str, str]) -> None:
    """Migrate, collect static files, load geography down to sectors, add the bare table.

    The same management commands as `manage.py migrate`, `collectstatic --noinput` and
    `geo_load --down-to sector`, run in one Django process rather than one each.
    """
    script = (
        "import io\n"
        "from django.core.management import call_command\n"
        "from django.db import connection\n"
        "call_command('migrate', verbosity=0)\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
        "call_command('geo_load', down_to='sector', stdout=io.StringIO())\n"
        "with connection.cursor() as c:\n"
        "    c.execute('CREATE TABLE IF NOT EXISTS bench_bare "
        "(id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)')\n"
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "shell", "-v", "0", "-c", script], env=env, check=True, cwd=ROOT)


def _source_key() -> str:
    """A hash of everything a prepared database depends on: the code, migrations and data."""
    digest = hashlib.sha256()
    for folder in ("tabara", "config"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and "tests" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _built_once(template: Path, family: str, build: Callable[[Path], None]) -> None:
    """Run `build(template)` unless an earlier run finished it ("ready"), under a lock that
    concurrent test workers share; older folders of the same family (`family`-<hash>, other
    source states) are removed first."""
    template.parent.mkdir(parents=True, exist_ok=True)
    with (template.parent / f"{family}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (template / "ready").exists():
            for old in template.parent.glob(f"{family}-*"):
                shutil.rmtree(old, ignore_errors=True)
            template.mkdir()
            build(template)
            (template / "ready").touch()


def prepare_database(env: dict[str, str]) -> None:
    """Give env's TABARA_VAR_DIR a prepared database and static files.

    Preparing costs several Django start-ups, so it is done once per state of the source
    (var/bench-template-<hash>/, built under a lock that concurrent test workers share) and
    copied; the copy is the same file a fresh preparation would write.
    """
    var = Path(env["TABARA_VAR_DIR"])
    if env.get("DATABASE_URL") != f"sqlite:///{var / 'bench.sqlite3'}":
        _build_database(env)  # not the benchmark's own layout: prepare it in place
        return
    template = ROOT / "var" / f"bench-template-{_source_key()}"

    def build(folder: Path) -> None:
        own = {**env, "TABARA_VAR_DIR": str(folder)}
        own["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        _build_database(own)

    _built_once(template, "bench-template", build)
    var.mkdir(parents=True, exist_ok=True)
    for path in template.glob("bench.sqlite3*"):
        shutil.copy2(path, var / path.name)
    shutil.copytree(template / "static", var / "static", dirs_exist_ok=True)


def copy_migrated_sqlite(target: Path, settings_module: str) -> None:
    """Put an empty, migrated SQLite database (as `manage.py migrate` leaves it) at `target`.

    Migrating costs as much as a tiny benchmark's own work, so it is done once per state of
    the source and settings module (var/bench-migrated-<hash>/, built under a lock that
    concurrent test workers share) and copied: the copy is the file a migration would write.
    """
    key = hashlib.sha256(f"{_source_key()} {settings_module}".encode()).hexdigest()[:16]
    template = ROOT / "var" / f"bench-migrated-{key}"

    def build(folder: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(
            DJANGO_SETTINGS_MODULE=settings_module,
            DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
            TABARA_VAR_DIR=str(folder),
        )
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)

    _built_once(template, "bench-migrated", build)
    target.parent.mkdir(parents=True, exist_ok=True)
    for path in template.glob("db.sqlite3*"):
        shutil.copy2(path, target.with_name(target.name + path.name.removeprefix("db.sqlite3")))


def start_server(
    workers: int = 2,
    var_dir: Path | None = None,
    *,
    prepare: bool = True,
    env: dict[str, str] | None = None,
) -> Server:
    """Start gunicorn with config/gunicorn_conf.py; `prepare=False` reuses var_dir's database.

    `env` replaces the benchmark environment (the smoke test runs plain production settings).
    """
    var = var_dir or Path(tempfile.mkdtemp(prefix="tabara-bench-"))
    env = dict(env or bench_env(var))
    if prepare:
        prepare_database(env)
    port = free_port()
    env.update(TABARA_BIND=f"127.0.0.1:{port}", TABARA_WEB_WORKERS=str(workers))
    log_path = var / f"gunicorn-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "config.wsgi"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(port, env, process, var, log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready = READY.findall(server.log())
        if len(ready) >= workers:
            break
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{server.log()[-3000:]}")
        time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(f"gunicorn did not start:\n{server.log()[-3000:]}")
    classes = {(cls, int(threads)) for _pid, cls, threads in ready[:workers]}
    if len(classes) != 1:
        raise RuntimeError(f"workers disagree on their configuration: {classes}")
    (server.worker_class, server.threads), server.workers = classes.pop(), workers
    asyncio.run(request(port, "GET", "/healthz"))  # both workers importing is enough warm-up
    return server


async def request(port: int, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nAccept-Language: rw\r\n"
    )
    if body:
        head += (
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        )
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def report_body(marker: str) -> bytes:
    """A complete report, as a person fills the whole web form."""
    fields = {
        "what_happened": f"Bench report {marker}: a recruiter on WhatsApp promised work abroad "
        "and asked for the passport of two girls from the village. " * 3,
        "location_kind": "rwanda",
        "sector": "3301",
        "occurred_on": "2026-10-01",
        "when_text": "last month",
        "people_count": "2",
        "age_group": "child",
        "sex": "female",
        "recruitment_channel": "social_media",
        "platform": "whatsapp",
        "agency_name": "Synthetic Travel Ltd",
        "destination": "Dubai",
        "destination_country": "AE",
        "suspect_identifiers": "+250 788 000 111, @synthetic",
        "wants_contact": "on",
        "contact_name": "Synthetic",
        "contact_phone": "+250 722 000 999",
    }
    return urllib.parse.urlencode(fields).encode()


@dataclass
class LoadResult:
    """Latencies of successful requests and what the clients were given."""

    seconds: float
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    receipts: dict[str, str] = field(default_factory=dict)  # receipt -> marker

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    def summary(self) -> str:
        return (
            f"{self.rate:7.1f}/s  p50 {self.percentile(50):6.1f} ms  "
            f"p99 {self.percentile(99):6.1f} ms  ok {len(self.latencies)}  "
            f"failed {self.failures}  mean {statistics.fmean(self.latencies) * 1000:.1f} ms"
        )


async def _drive(
    port: int,
    seconds: float,
    clients: int,
    path: str,
    body: Callable[[str], bytes],
    result: LoadResult,
) -> None:
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))

    async def client(n: int) -> None:
        while time.monotonic() < stop:
            marker = f"c{n}-{next(counter)}"
            started = time.perf_counter()
            try:
                status, data = await request(port, "POST", path, body(marker))
            except OSError:
                result.failures += 1
                await asyncio.sleep(0.01)
                continue
            if status != 200:
                result.failures += 1
                continue
            result.latencies.append(time.perf_counter() - started)
            found = RECEIPT.search(data)
            if found:
                result.receipts[found.group(1).decode().replace(" ", "")] = marker

    await asyncio.gather(*(client(n) for n in range(clients)))


def load(
    port: int, *, seconds: float, clients: int, path: str, body: Callable[[str], bytes]
) -> LoadResult:
    result = LoadResult(seconds=seconds)
    asyncio.run(_drive(port, seconds, clients, path, body, result))
    return result
