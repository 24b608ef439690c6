"""Production settings plus what bench/intake.py needs: a bare insert view, lifted limits.

Used only by the benchmark and the crash test; never deployed.
"""

from __future__ import annotations

from config.django.production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
# Every benchmark client shares 127.0.0.1, so per-client limits would measure the limiter.
# The counters are still kept (in the database cache), so their cost is measured.
PUBLIC_RATE_LIMITS = dict.fromkeys(PUBLIC_RATE_LIMITS, "1000000/s")  # noqa: F405
PUBLIC_FORM_RATE_LIMITS = dict.fromkeys(PUBLIC_FORM_RATE_LIMITS, "1000000/s")  # noqa: F405
