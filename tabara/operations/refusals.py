"""The archive format's refusals (sealed.py, Django-free) in the operator's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tabara.operations import sealed

_REASONS: dict[str, Promise] = {
    sealed.NOT_ARCHIVE: _lazy("Refused: this file is not a Tabara backup archive."),
    sealed.UNKNOWN_VERSION: _lazy(
        "Refused: the archive is in format version %(version)s, which this version of Tabara "
        "cannot read."
    ),
    sealed.UNKNOWN_KEY: _lazy(
        "Refused: the archive was sealed with a backup key that is not configured."
    ),
    sealed.TOO_LARGE: _lazy("Refused: the archive is too large for one backup key."),
    sealed.ENDS_EARLY: _lazy(
        "Refused: the archive ends before its last part: it was cut short after sealing."
    ),
    sealed.BAD_LENGTH: _lazy(
        "Refused: a part of the archive has an impossible length: it was changed after sealing."
    ),
    sealed.ENDS_IN_CHUNK: _lazy(
        "Refused: the archive ends in the middle of a part: it was cut short after sealing."
    ),
    sealed.BYTES_AFTER_END: _lazy(
        "Refused: the archive has bytes after its last part: something was added after sealing."
    ),
    sealed.CHUNK_CHANGED: _lazy(
        "Refused: part %(chunk)s of the archive failed authentication: it was changed after "
        "sealing, or is damaged."
    ),
}


def archive_refusal(error: sealed.ArchiveError) -> str:
    """What the archive format refused, in the active language."""
    return str(_REASONS[error.reason]) % error.details


def backup_key_refusal() -> str:
    return _(
        "Refused: a key in TABARA_BACKUP_KEYS is not urlsafe base64 of 32 bytes "
        "(generate one with `manage.py backup_key_new`)."
    )
