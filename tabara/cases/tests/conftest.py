"""Fixtures for case tests: agencies and staff in them."""

from __future__ import annotations

import pytest

from tabara.cases.tests.factories import agencies_create


@pytest.fixture
def agencies(geography):
    return agencies_create()
