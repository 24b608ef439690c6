"""Log formatting that keeps the gateway secret out of every line the project writes.

The USSD and SMS callbacks are authenticated by a secret path segment (/gateway/<secret>/),
so any log line with a request path could carry it: Django's request warnings, tracebacks,
and gunicorn's access and error logs (config/gunicorn_conf.py uses the same formatter).
The segment is replaced whatever its value, so a guessed or old secret is hidden too.
"""

from __future__ import annotations

import logging
import re

GATEWAY_SEGMENT = re.compile(r"/gateway/[^/\s?\"']+")
REDACTED = "/gateway/[secret]"


def redact(text: str) -> str:
    return GATEWAY_SEGMENT.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """A logging.Formatter whose every output line has the gateway segment redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
