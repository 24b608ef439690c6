"""Rate-limit counters live in a shared store and hold no address, in clear or plainly hashed.

Both stores the project supports are exercised: the database cache (the default) and Redis
(127.0.0.1:6379, as CI's machine runs it).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tabara.core import ratelimit
from tabara.intake.tests.factories import complete_form

PLANTED = "203.0.113.199"
REDIS_URL = "redis://127.0.0.1:6379/13"


def traces(address: str) -> list[str]:
    """The address as text, and the plain hashes a careless limiter would store."""
    encoded = address.encode()
    return [
        address,
        address.replace(".", "-"),
        hashlib.md5(encoded).hexdigest(),  # noqa: S324 - what is looked for, not used
        hashlib.sha1(encoded).hexdigest(),  # noqa: S324
        hashlib.sha256(encoded).hexdigest(),
    ]


def submit_from(address: str, times: int = 2) -> None:
    client = Client(REMOTE_ADDR=address)
    for n in range(times):
        client.post("/rw/report/", complete_form(what_happened=f"Counted report {n} (synthetic)."))


def cache_table_text() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM tabara_cache")
        return "\n".join(f"{key} {value}" for key, value in cursor.fetchall())


@pytest.mark.django_db
def test_the_database_cache_counts_without_storing_the_address(geography) -> None:
    submit_from(PLANTED)
    stored = cache_table_text()
    assert stored.count("\n") >= 3  # the counters and the rotating key are there
    for trace in traces(PLANTED):
        assert trace not in stored


@pytest.mark.django_db
def test_the_key_rotates_and_the_old_one_is_deleted(geography) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        first = ratelimit._rotating_key()
        assert ratelimit._rotating_key() == first  # stable within a period
        old_window = int(time.time()) // ratelimit.ROTATION_SECONDS
        traveller.shift(timedelta(seconds=ratelimit.ROTATION_SECONDS))
        assert ratelimit._rotating_key() != first
        assert cache.get(ratelimit._SALT_NAME.format(window=old_window)) is None
    assert f"ratelimit-key:{old_window}" not in cache_table_text()


@pytest.fixture
def redis_cache() -> Iterator[object]:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379 (CI's machine runs one)")
    client.flushdb()
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": backend}):
        yield client
    client.flushdb()


@pytest.mark.django_db
def test_redis_counts_and_limits_without_storing_the_address(geography, redis_cache) -> None:
    with override_settings(PUBLIC_RATE_LIMITS={"default": "60/m", "report-submit": "2/m"}):
        submit_from(PLANTED, times=2)
        refused = Client(REMOTE_ADDR=PLANTED).post("/rw/report/", complete_form())
    assert refused.status_code == 429  # the third POST from the address, counted in Redis
    keys = redis_cache.keys("*")
    assert len(keys) >= 3
    stored = "\n".join(f"{key!r} {redis_cache.get(key)!r}" for key in keys)
    for trace in traces(PLANTED):
        assert trace not in stored


@pytest.mark.django_db(transaction=True)
def test_a_public_post_commits_its_counters_once_and_leaves_the_key_alone(geography) -> None:
    """With the database cache, every counter of a POST shares one transaction (one fsync on
    SQLite); the period's key, once stored, is read, not written again."""
    submit_from(PLANTED, times=1)  # stores the period's key and the address counter
    with CaptureQueriesContext(connection) as captured:
        submit_from(PLANTED, times=1)
    statements = [query["sql"] for query in captured.captured_queries]
    cache_writes = [
        sql for sql in statements if sql.startswith(("INSERT", "UPDATE")) and "tabara_cache" in sql
    ]
    assert len(cache_writes) >= 2  # the address and the content counters were counted
    assert not [sql for sql in cache_writes if "ratelimit-key" in sql]
    commits = [sql for sql in statements if sql == "COMMIT"]
    assert len(commits) == 2  # the counters, then the report with its audit event
