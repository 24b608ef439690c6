"""Gunicorn settings for production, the benchmarks and the crash test: one file for all.

`gunicorn -c config/gunicorn_conf.py config.wsgi` (docs/deploy.md). The environment sets
the address and the pool size; bench/harness.py starts exactly this file and reads the
worker class and thread count back from the "worker ready" line each worker logs.

The access log names no client (no address, user agent or referrer), no query string, and
the gateway secret in /gateway/<secret>/ is redacted from every line, access and error.
"""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

from config.env import env_int, env_str
from tabara.core.logfilters import RedactingFormatter

bind = env_str("TABARA_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = env_int("TABARA_WEB_WORKERS", 2)
threads = env_int("TABARA_WEB_THREADS", 4)
timeout = 30
graceful_timeout = 10
keepalive = 5
# A worker is replaced after this many requests, which bounds any slow leak.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
loglevel = env_str("TABARA_LOG_LEVEL", "info")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class RedactingLogger(Logger):  # type: ignore[misc]
    """Gunicorn's logger with RedactingFormatter on its access and error handlers."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                current = handler.formatter or logging.Formatter()
                handler.setFormatter(RedactingFormatter(current._fmt, current.datefmt))


logger_class = RedactingLogger


def post_worker_init(worker: Any) -> None:
    """Say what actually runs: the harness reads this line back (bench/harness.py)."""
    worker.log.info(
        "tabara worker ready: pid=%s class=%s threads=%s",
        worker.pid,
        type(worker).__name__,
        worker.cfg.threads if type(worker).__name__ == "ThreadWorker" else 1,
    )
