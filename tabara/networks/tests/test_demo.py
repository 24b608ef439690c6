"""The demo of `make run` shows a network: three reports share a phone or an agency."""

from __future__ import annotations

import pytest

from tabara.core.demo import demo_load
from tabara.linkage.identifiers import Identifier, Kind
from tabara.networks.models import IdentifierOccurrence, NetworkIdentifier

pytestmark = pytest.mark.django_db


def test_the_demo_indexes_a_network_once() -> None:
    demo_load(with_villages=False)
    phone = NetworkIdentifier.objects.get(key=Identifier(Kind.PHONE, "+250780000001").key)
    assert phone.occurrences.values("situation").distinct().count() == 3
    agency = NetworkIdentifier.objects.get(key=Identifier(Kind.AGENCY, "demo travel agency").key)
    assert agency.occurrences.values("situation").distinct().count() == 2
    count = IdentifierOccurrence.objects.count()
    demo_load(with_villages=False)
    assert IdentifierOccurrence.objects.count() == count
