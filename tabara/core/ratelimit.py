"""Rate limits for public POSTs, counted in the shared cache without storing who sent them.

Three budgets apply to each form (docs/security.md, "Rate limits"):

- per address: generous, because a mobile carrier puts thousands of people behind one
  address; it only caps what one machine can send;
- per form token: each page view hands out a fresh signed token, so a script replaying one
  form is slowed while every person who opened the page has their own budget;
- per content: the same text sent again and again.

Counters live in the default cache (the database, or Redis), which every worker and host
shares. Their keys are HMACs under a key made from SECRET_KEY and a random value that lives
in the cache for one rotation period only: once it expires, not even the holder of
SECRET_KEY can tell which address a counter belonged to. Every `key="ip"` limit of
django-ratelimit in the project (sign-in, the JSON API) gets the same treatment through
RATELIMIT_IP_META_KEY = `pseudonymous_address`.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import secrets
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import router, transaction
from django.http import HttpRequest
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)
ROTATION_SECONDS = 10 * 60
_SALT_NAME = "tabara:ratelimit-key:{window}"


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the address the trusted proxies saw.

    With TABARA_PROXY_HOPS = n, the n-th address from the right of X-Forwarded-For is the
    one the outermost trusted proxy received the connection from; anything further left
    was written by the client and is ignored. IPv6 clients are grouped by their /64, which
    one subscriber usually holds whole.
    """
    address = str(request.META.get("REMOTE_ADDR", ""))
    hops: int = settings.TABARA_PROXY_HOPS
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        chain = [part.strip() for part in forwarded if part.strip()]
        if len(chain) >= hops:
            address = chain[-hops]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _rotating_key() -> bytes:
    window = int(time.time()) // ROTATION_SECONDS
    name = _SALT_NAME.format(window=window)
    # Read first: once the period's value exists (every request but the first of each
    # period), no write is attempted. A database cache's add() takes the write lock even
    # when the key exists.
    salt = cache.get(name)
    if salt is None:
        if cache.add(name, secrets.token_hex(32), ROTATION_SECONDS + 60):
            # The previous periods' values go now, not when the cache gets round to culling.
            cache.delete_many([_SALT_NAME.format(window=window - n) for n in (1, 2)])
        salt = cache.get(name) or ""
    return hmac.new(settings.SECRET_KEY.encode(), salt.encode(), hashlib.sha256).digest()


def _keyed(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()


def pseudonymous_address(request: HttpRequest) -> str:
    """The client address under the rotating key, dressed as an IPv6 address.

    django-ratelimit masks what RATELIMIT_IP_META_KEY returns to a /64 network, then hashes
    it into the counter's key: 64 bits of the keyed hash survive, and no address does.
    """
    digest = hmac.new(_rotating_key(), client_address(request).encode(), hashlib.sha256)
    return str(ipaddress.IPv6Address(digest.digest()[:16]))


def over_limit(request: HttpRequest, *, group: str, token: str, content: str) -> bool:
    """Count one POST against every budget that applies; True if any is exhausted.

    Every budget is counted even after one is exhausted, so a flood keeps being seen.
    `token` may be empty (a browser that proved its origin by its headers sent none).
    If the shared store cannot be reached the limit fails open, so that an outage of Redis
    does not stop people from reporting; the error is logged (without any address).
    """
    try:
        store = caches[settings.RATELIMIT_USE_CACHE]
        if isinstance(store, DatabaseCache):
            # One transaction for every counter: one commit (one fsync) instead of one per
            # counter. Redis needs none.
            using = router.db_for_write(store.cache_model_class)
            with transaction.atomic(using=using):
                return _count(request, group=group, token=token, content=content)
        return _count(request, group=group, token=token, content=content)
    except Exception:  # any cache backend's connection error
        logger.exception("Rate-limit store unreachable; public POSTs are not limited")
        return False


def _count(request: HttpRequest, *, group: str, token: str, content: str) -> bool:
    key = _rotating_key()
    address_rates: dict[str, str] = settings.PUBLIC_RATE_LIMITS
    form_rates: dict[str, str] = settings.PUBLIC_FORM_RATE_LIMITS
    if group not in settings.PUBLIC_CONTENT_LIMITED_GROUPS:
        content = ""
    usage = get_usage(
        request,
        group=f"{group}:address",
        key="ip",
        rate=address_rates.get(group, address_rates["default"]),
        method="POST",
        increment=True,
    )
    limited = bool(usage and usage["should_limit"])
    for kind, value in (("token", token), ("content", content)):
        if not value:
            continue
        hashed = _keyed(key, kind, value)
        usage = get_usage(
            request,
            group=f"{group}:{kind}",
            key=lambda _group, _request, hashed=hashed: hashed,
            rate=form_rates[kind],
            method="POST",
            increment=True,
        )
        limited = limited or bool(usage and usage["should_limit"])
    return limited
