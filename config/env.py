"""The only module that reads the process environment.

Settings modules call these helpers; nothing else in the project looks at os.environ.
A mandatory secret that is missing stops start-up instead of falling back to a default.
"""

from __future__ import annotations

import os
from collections.abc import Callable


class MissingSettingError(RuntimeError):
    """A setting that production needs was not provided in the environment."""


class WeakSettingError(MissingSettingError):
    """A secret was provided but is too short, too repetitive or malformed to be used."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw is None or raw.strip() == "" else int(raw)


def env_list(name: str, default: tuple[str, ...] = ()) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_mandatory(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise MissingSettingError(
            f"{name} is not set. Production refuses to start without it (see .env.example)."
        )
    return value


def env_keys(name: str, parse: Callable[[str], object]) -> list[str]:
    """A mandatory comma-separated list of keys, each accepted by `parse` (current first)."""
    keys = [key.strip() for key in env_mandatory(name).split(",")]
    for position, key in enumerate(keys, start=1):
        try:
            parse(key)
        except ValueError as exc:
            raise WeakSettingError(f"{name}: key number {position} is malformed ({exc}).") from None
    if len(set(keys)) != len(keys):
        raise WeakSettingError(f"{name} lists the same key twice.")
    return keys


def env_secret(name: str, *, min_length: int, min_distinct: int = 10) -> str:
    """A mandatory secret that looks random enough: long, and not a repeated character.

    The thresholds catch placeholders (`x`, `changeme`, `x` * 50), not every weak key: the
    commands in docs/deploy.md generate keys of the right strength.
    """
    value = env_mandatory(name)
    if len(value) < min_length or len(set(value)) < min_distinct:
        raise WeakSettingError(
            f"{name} is too weak: use at least {min_length} random characters "
            f"(see docs/deploy.md for the command that generates it)."
        )
    return value


def site_url(value: str) -> str:
    """The public base address of the site, as typed: scheme and host, no trailing slash."""
    url = value.strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or "/" in url.split("://", 1)[1]:
        raise MissingSettingError(
            f"TABARA_SITE_URL must be like https://tabara.example.org (got {value!r})."
        )
    return url
