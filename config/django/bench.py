"""Production settings plus what bench/intake.py needs: a bare insert view, lifted limits.

Used only by the benchmark and the crash test; never deployed.
"""

from __future__ import annotations

from config.django.production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
# Every benchmark client shares 127.0.0.1, so per-client limits would measure the limiter.
PUBLIC_RATE_LIMITS = {
    "default": "1000000/s",
    "report-submit": "1000000/s",
    "receipt-guess": "1000000/s",
    "followup-thread": "1000000/s",
    "awareness-read": "1000000/s",
    "awareness-comment": "1000000/s",
    "awareness-subscribe": "1000000/s",
    "awareness-link": "1000000/s",
    "awareness-test": "1000000/s",
}
