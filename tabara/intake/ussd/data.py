"""The plain values the USSD menu works with: its state, its inputs from outside, its steps."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tabara.intake.ussd import texts
from tabara.intake.ussd.screen import Choice

State = dict[str, Any]
NUMBER = re.compile(r"[0-9]{1,3}")  # a menu choice or a head count: ASCII digits only


@dataclass(frozen=True)
class Places:
    """The geography a reporter can pick from: districts by province, sectors by district."""

    districts: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    sectors: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    border_posts: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class World:
    """What the menu reads from outside: places, and teaching texts by language and outcome."""

    places: Places = field(default_factory=Places)
    learn: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """The reply to send, the state to keep, and any request for the adapter."""

    text: str
    state: State
    submit: Mapping[str, Any] | None = None
    lookup: str | None = None
    agency: str | None = None  # a register lookup (tabara/intake/ussd/jobs.py)

    @property
    def end(self) -> bool:
        return self.text.startswith("END ")


def say(state: State, key: str) -> str:
    """The text `key` in the session's language."""
    return texts.T[state.get("lang", texts.DEFAULT_LANG)][key]


def pick(typed: str, count: int) -> int | None:
    """The 1-based number typed, if it names one of `count` options."""
    if NUMBER.fullmatch(typed) and 1 <= int(typed) <= count:
        return int(typed)
    return None
