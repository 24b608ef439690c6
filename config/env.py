"""The only module that reads the process environment.

Settings modules call these helpers; nothing else in the project looks at os.environ.
A mandatory secret that is missing stops start-up instead of falling back to a default.
"""

from __future__ import annotations

import os


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


def _secret_check(label: str, value: str, min_length: int, min_distinct: int) -> str:
    if len(value) < min_length or len(set(value)) < min_distinct:
        raise WeakSettingError(
            f"{label} is too weak: use at least {min_length} random characters "
            f"(see docs/deploy.md for the command that generates it)."
        )
    return value


def env_secret(name: str, *, min_length: int, min_distinct: int = 10) -> str:
    """A mandatory secret that looks random enough: long, and not a repeated character.

    The thresholds catch placeholders (`x`, `changeme`, `x` * 50), not every weak key: the
    commands in docs/deploy.md generate keys of the right strength.
    """
    return _secret_check(name, env_mandatory(name), min_length, min_distinct)


def env_secret_list(name: str, *, min_length: int, min_distinct: int = 10) -> list[str]:
    """A mandatory comma-separated list of secrets, each checked like env_secret's."""
    values = [item.strip() for item in env_mandatory(name).split(",") if item.strip()]
    return [
        _secret_check(f"{name}: key number {position}", value, min_length, min_distinct)
        for position, value in enumerate(values, start=1)
    ]


def site_url(value: str) -> str:
    """The public base address of the site, as typed: scheme and host, no trailing slash."""
    url = value.strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or "/" in url.split("://", 1)[1]:
        raise MissingSettingError(
            f"TABARA_SITE_URL must be like https://tabara.example.org (got {value!r})."
        )
    return url
