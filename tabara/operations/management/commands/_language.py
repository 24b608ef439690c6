"""What the backup commands share: the operator's language for every message."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandParser


def language_argument(parser: CommandParser) -> None:
    """--language: the messages in Kinyarwanda, English (the default) or French."""
    parser.add_argument(
        "--language",
        choices=[code for code, _name in settings.LANGUAGES],
        default="en",
        help="language of the messages (default: en)",
    )
