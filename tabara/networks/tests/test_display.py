"""The analysts' page masks what identifies a person and shows a business's name in full."""

from __future__ import annotations

import pytest

from tabara.networks.display import identifier_masked


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        ("phone", "+250788100200", "+25078••••200"),
        ("account", "tiktok:jobs_gulf", "tiktok:jo••••••f"),
        ("account", "x:abc", "x:•••"),  # too short to show any of it
        ("plate", "RW:RAB123A", "RAB•••A"),
        ("name", "jean nsengimana paur", "j… n… p…"),
        ("agency", "transborder jobs", "transborder jobs"),
    ],
)
def test_what_the_page_shows_of_each_kind(kind: str, value: str, shown: str) -> None:
    assert identifier_masked(kind, value) == shown
