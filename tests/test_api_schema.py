"""Schemathesis over /api/openapi.json: no answer is a 5xx and every answer conforms to the schema.

Issue #12 asks for API fuzzing in CI. The schema is the published contract (OpenAPI 3, read
from the running application, not from the test); schemathesis generates valid and invalid
requests from it and runs all of its checks on every answer (server error, status code,
content type, response schema, headers, acceptance of valid and rejection of invalid data).
Kept fast: the application is called in process through WSGI (no server), examples are
limited per operation and derandomized so that every run tries the same requests.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the test's open transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_conforms_to_the_schema(case) -> None:
    cache.clear()  # the per-address rate limit is tested elsewhere (tabara/screening/tests)
    # The in-process WSGI transport does not undo gzip (GZipMiddleware answers a client that
    # accepts it, as schemathesis's does); an HTTP client would, so ask for the plain body.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
